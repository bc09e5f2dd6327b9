// Entry point of `npm run invoice`.
import { main } from './main.js';

// npm runs scripts from the project folder; paths the user typed are relative to where they stood.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
