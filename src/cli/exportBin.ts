// Entry point of `npm run export`.
import { exportMain } from './exportMain.js';

// npm runs scripts from the project folder; paths the user typed are relative to where they stood.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

exportMain(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
