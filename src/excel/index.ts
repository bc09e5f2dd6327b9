// The Excel workbook adapter: the only code in the project that calls Excel.run.
export { createExcelWorkbook, type ExcelWorkbook } from './excelWorkbook.js';
export { ExcelActionError } from './errors.js';
export { HIGHLIGHT_FILL, REVIEW_MARKS_KEY } from './selection.js';
export { SETTINGS_KEY } from './storedSettings.js';
