// The Excel workbook adapter: the only code in the project that calls Excel.run.
export { createExcelActions } from './officeActions.js';
export { refreshFunctionSettings, refreshFunctionTariff, syncFunctionsWithWorkbook } from './functionTariff.js';
export { ExcelActionError } from './errors.js';
export { HIGHLIGHT_FILL } from './selection.js';
export { SETTINGS_KEY } from './settings.js';
