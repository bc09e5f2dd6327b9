// Random valid registers billed by the product and by an independent model of the spec
// (./oracle.ts): every line (person, kind, amount in öre) must agree, for every month and
// proration setting. Seeds are fixed, so a failure is reproducible.
import { describe, expect, it } from 'vitest';
import { bill, d, pnr, writeWorkbook, type Row } from './harness.js';
import { random as prng } from '../../examples/synthetic.js';
import { dayOf, isoOf, oracle, type Category, type OracleRow, type Proration } from './oracle.js';

const ALIASES: Record<Category, string[]> = {
  alarm: ['Trygghetslarm', 'Digitalt trygghetslarm', 'larm', 'Mobilt trygghetslarm', 'GPS-larm', 'gps-KLOCKA', 'Mobilt larm'],
  button: ['Larmknapp sammanboende', 'Larmknapp', 'Extra larmknapp'],
  lock: ['Digitalt lås', 'Nyckelfritt lås', 'Nyckelfri hemtjänst'],
  supervision: ['Digital tillsyn', 'Nattillsyn', 'Kameratillsyn'],
};
const CATS: Category[] = ['alarm', 'alarm', 'alarm', 'button', 'lock', 'supervision'];
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-06', '2025-07', '2025-12', '2026-01', '2026-02'];

interface Generated {
  rows: OracleRow[];
  other: [string, string, number][];
  ability: [string, number, string][];
}

function generate(seed: number, persons: number): Generated {
  const r = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const rows: OracleRow[] = [];
  const other: [string, string, number][] = [];
  const ability: [string, number, string][] = [];
  const start = dayOf(2024, 9, 1),
    end = dayOf(2026, 2, 28);
  for (let i = 0; i < persons; i++) {
    const p = pnr(1925 + int(0, 70), int(1, 12), int(1, 28), int(0, 999));
    const n = int(1, 4);
    for (let k = 0; k < n; k++) {
      const category = pick(CATS);
      const installed = int(start, end);
      const hasEnd = r() < 0.55;
      const ended = hasEnd ? Math.min(installed + int(0, 120), end + 20) : undefined;
      const status = hasEnd ? pick(['Återlämnad', 'Återlämnad', 'Obrukbar', 'Borttappad', 'Ej återlämnad'] as const) : undefined;
      const reminder = status === 'Ej återlämnad' && r() < 0.8 ? ended! + int(0, 45) : undefined;
      const charged = status === 'Obrukbar' || status === 'Borttappad' || status === 'Ej återlämnad';
      rows.push({
        pnr: p,
        category,
        service: pick(ALIASES[category]),
        serial: `S${seed}-${i}-${k}`,
        installed,
        ...(ended !== undefined ? { ended } : {}),
        ...(status ? { status } : {}),
        ...(reminder !== undefined ? { reminder } : {}),
        ...(charged ? { costÖre: int(10000, 300000) } : {}),
        säbo: r() < 0.1,
        byte: r() < 0.2,
      });
    }
    if (r() < 0.3) for (const m of MONTHS) if (r() < 0.5) other.push([p, m, int(0, 280000) / 100]);
    if (r() < 0.25) ability.push([p, int(0, 40000) / 100, '2024-01-01']);
    if (r() < 0.1) ability.push([p, int(0, 40000) / 100, '2025-07-01']);
  }
  return { rows, other, ability };
}

function toRegister(g: Generated): Row[] {
  return g.rows.map((o) => ({
    Personnummer: o.pnr,
    Tjänst: o.service,
    'Enhets-ID': o.serial,
    Installerad: d(isoOf(o.installed)),
    ...(o.ended !== undefined ? { Avslutad: d(isoOf(o.ended)) } : {}),
    ...(o.status ? { Återlämning: o.status } : {}),
    ...(o.reminder !== undefined ? { Påminnelse: d(isoOf(o.reminder)) } : {}),
    ...(o.costÖre !== undefined ? { Kostnad: o.costÖre / 100 } : {}),
    ...(o.säbo ? { Boende: 'Särskilt boende' } : {}),
    ...(o.byte ? { Installationstyp: 'Byte' } : {}),
  }));
}

const key = (l: { pnr: string; kind: string; öre: number }): string => `${l.pnr}|${l.kind}|${l.öre}`;

describe('random valid registers agree with an independent model of the spec', () => {
  for (const seed of [11, 29]) {
    it(`seed ${seed}: every month and proration`, async () => {
      const g = generate(seed, 60);
      const path = await writeWorkbook({
        rows: toRegister(g),
        other: [['Personnummer', 'Månad', 'Belopp'], ...g.other],
        ability: [['Personnummer', 'Avgiftsutrymme', 'Giltig från'], ...g.ability],
      });
      for (const month of MONTHS) {
        const [y, m] = month.split('-').map(Number) as [number, number];
        const first = `${month}-01`;
        const otherÖre = new Map<string, number>();
        for (const [p, mm, kr] of g.other) if (mm === month) otherÖre.set(p, (otherÖre.get(p) ?? 0) + Math.round(kr * 100));
        const abilityÖre = new Map<string, number>();
        for (const [p, kr, from] of [...g.ability].sort((a, b) => a[2].localeCompare(b[2])))
          if (from <= first) abilityÖre.set(p, Math.round(kr * 100));
        for (const proration of ['started-month', 'days-30', 'actual-days'] as Proration[]) {
          const want = oracle({ rows: g.rows, otherÖre, abilityÖre }, y, m, proration).map(key).sort();
          const r = await bill(path, month, { proration });
          expect(r.errors, `${month} ${proration}`).toEqual([]);
          const got = r.lines.map((l) => key({ pnr: l.Personnummer, kind: l.Typ, öre: Math.round(l.Belopp * 100) })).sort();
          expect(got, `${month} ${proration}`).toEqual(want);
        }
      }
    }, 300000);
  }
});
