// `npm run demo`: bills the bundled example register for its month and says where the invoice went.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_MONTH, EXAMPLE_PATH, writeExample } from '../../examples/make-example.js';
import { main } from './main.js';

const outDir = fileURLToPath(new URL('../../out/', import.meta.url));
mkdirSync(outDir, { recursive: true });
if (!existsSync(EXAMPLE_PATH)) await writeExample();
process.stdout.write(`Exempel: fakturerar ${EXAMPLE_MONTH} ur ${EXAMPLE_PATH}\n\n`);
process.exitCode = await main([
  '--in',
  EXAMPLE_PATH,
  '--month',
  EXAMPLE_MONTH,
  '--out',
  `${outDir}faktura-${EXAMPLE_MONTH}.xlsx`,
  '--force',
]);
