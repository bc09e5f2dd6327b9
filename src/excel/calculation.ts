// Excel does not recalculate custom functions when what they compute with changes (the VT.*
// functions' tariff lives in this page, not in cells), so the caller asks for a full one.
import { runExcel } from './errors.js';

export function recalculateAll(excel: typeof Excel): Promise<void> {
  return runExcel(excel, 'räkna om VT-funktionerna', async (context) => {
    context.application.calculate('Full' as Excel.CalculationType);
    await context.sync();
  });
}
