// The export to the invoicing system (§10).
export * from './encoding.js';
export * from './byteWriter.js';
export * from './layout.js';
export * from './exportSettings.js';
export * from './kontering.js';
export * from './exportSheet.js';
export * from './refusals.js';
export * from './invoices.js';
export * from './values.js';
export * from './fixedWidth.js';
export * from './csv.js';
export * from './buildExport.js';
export * from './template.js';
