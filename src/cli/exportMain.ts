// `npm run export -- …`: exit 0 when the file was written, 1 when it cannot be made (a refusal
// names every cell that stands in the way), 2 for bad arguments; messages in Swedish on stderr.
import { RunError } from '../engine/index.js';
import { ArgsError } from './argv.js';
import { runExport, writeExportTemplate } from './export.js';
import { EXPORT_USAGE, parseExportArgs } from './exportArgs.js';

export async function exportMain(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseExportArgs(argv);
  } catch (e) {
    if (e instanceof ArgsError) {
      process.stderr.write(`Fel: ${e.message}\n\n${EXPORT_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  try {
    if (parsed.mode === 'help') process.stdout.write(EXPORT_USAGE + '\n');
    else if (parsed.mode === 'template') process.stdout.write((await writeExportTemplate(parsed)) + '\n');
    else process.stdout.write((await runExport(parsed)).text + '\n');
    return 0;
  } catch (e) {
    if (e instanceof RunError) {
      process.stderr.write(`Fel: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`Fel: exporten avbröts oväntat: ${(e as Error).message}\n`);
    return 1;
  }
}
