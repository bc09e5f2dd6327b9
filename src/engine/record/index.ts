// The record of what was billed (§9): invoice sheets read back.
export * from './cellAmount.js';
export * from './invoiceSheets.js';
export * from './invoiceRecord.js';
export * from './billed.js';
