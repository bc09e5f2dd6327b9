// The Excel workbook adapter: the only code in the project that calls Excel.run.
export { createExcelActions } from './officeActions.js';
export { refreshFunctionSettings, refreshFunctionTariff, syncFunctionsWithWorkbook } from './functionTariff.js';
export { ExcelActionError } from './errors.js';
export { HIGHLIGHT_FILL, REVIEW_MARKS_KEY } from './selection.js';
export { SETTINGS_KEY } from './settings.js';
