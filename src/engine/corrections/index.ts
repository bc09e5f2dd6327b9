// R7 (§9): corrections of months already billed.
export type { BilledLine, BilledSheet, BilledSheetProblem } from './record.js';
export * from './corrections.js';
export type { HeldBackDebit } from './decide.js';
