// The workbook port: what the faces inside Excel need from the workbook (src/excel/ implements it).
export * from './workbookPort.js';
export * from './storedSettings.js';
