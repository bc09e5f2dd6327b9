// Bench section for the custom functions: 100 000 VT.FEE evaluations with varied arguments, as a
// sheet full of =VT.FEE(...) recalculating would make them. Target: under 200 ms.
import { fee } from '../src/functions/functions.js';

const CALLS = 100000;
const SERVICES = [
  'Trygghetslarm',
  'GPS-larm',
  'Larmknapp sammanboende',
  'Digitalt lås',
  'digital tillsyn',
  'Mobilt trygghetslarm',
  ' Larm ',
];
const MONTHS: Array<string | number> = ['2025-01', '2025-03', '2025-06', 45716 /* 2025-02-28 */, '2025-12-01', '2026-02'];
const HOUSING = [null, null, null, 'Ordinärt boende', 'Särskilt boende'];

type Args = Parameters<typeof fee>;

/** Deterministic pseudo-random arguments (no Math.random, so runs compare). */
function argumentsFor(n: number): Args[] {
  let seed = 12345;
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const out: Args[] = [];
  for (let i = 0; i < n; i++) {
    const installed = 45292 + next(800); // serials from 2024-01-01 on
    const asText = next(2) === 0;
    const iso = new Date((installed - 25569) * 86400000).toISOString().slice(0, 10);
    const ended = next(4) === 0 ? installed + next(400) : null;
    out.push([
      SERVICES[next(SERVICES.length)]!,
      MONTHS[next(MONTHS.length)]!,
      asText ? iso : installed,
      ended,
      HOUSING[next(HOUSING.length)]!,
    ]);
  }
  return out;
}

export async function benchFunctions(say: (line: string) => void): Promise<void> {
  const args = argumentsFor(CALLS);
  let total = 0;
  const run = (): number => {
    const t = performance.now();
    for (const a of args) {
      try {
        total += fee(...a);
      } catch {
        // A month before the first tariff version is #N/A; errors are part of the load too.
      }
    }
    return performance.now() - t;
  };
  run(); // warm-up: JIT and the spelling caches
  const ms = Math.round(Math.min(run(), run(), run()));
  say(`funktioner: ${CALLS} FEE-anrop på ${ms} ms (summa ${total / 4} kr)`);
}

// `npx tsx bench/functions.ts` runs this section alone.
if (import.meta.url === `file://${process.argv[1]}`) await benchFunctions((line) => process.stdout.write(line + '\n'));
