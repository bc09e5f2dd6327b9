// Which date system the workbook counts in. Range.values hands over date serials as the workbook
// stores them, date cells and plain numbers alike, so a workbook in the 1904 system (Excel for
// Mac's old default) gives 44265 for 2025-03-12, where a 1900 workbook gives 45728.
// Workbook.use1904DateSystem is a preview API only (not in any ExcelApi set), so the workbook's
// own DATE() tells instead (workbook.functions, ExcelApi 1.2), without touching a cell.

/** DATE(2000;1;1) in the 1904 system; 36526 in the 1900 system. */
const Y2000_IN_1904 = 35_064;

/** Queues the probe; after the next sync the returned function says whether the workbook uses 1904. */
export function queueDateSystemProbe(context: Excel.RequestContext): () => boolean {
  const result = context.workbook.functions.date(2000, 1, 1).load('value');
  return () => result.value === Y2000_IN_1904;
}
