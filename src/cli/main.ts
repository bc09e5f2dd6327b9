// `npm run invoice -- …`: exit 0 when the run completed (row problems are reported, not fatal),
// 1 when it cannot run, 2 for bad arguments; messages in Swedish on stderr.
import { RunError } from '../engine/index.js';
import { ArgsError, parseArgs, USAGE } from './args.js';
import { runInvoice } from './invoice.js';

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof ArgsError) {
      process.stderr.write(`Fel: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  // Progress only where a person watches; logs and pipes stay clean.
  const say = process.stderr.isTTY ? (line: string) => process.stderr.write(`\r\x1b[K${line}`) : () => {};
  try {
    const outcome = await runInvoice(parsed, say);
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    process.stdout.write(outcome.summary + '\n');
    return 0;
  } catch (e) {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    if (e instanceof RunError) {
      process.stderr.write(`Fel: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`Fel: körningen avbröts oväntat: ${(e as Error).message}\n`);
    return 1;
  }
}
