// Issue 9 item 8: a helper formula column filled down with =IF(A2="";"";…) makes no row a data row.
import ExcelJS from 'exceljs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInvoice } from '../../src/cli/invoice.js';

describe('rows whose cells are empty or formulas giving "" are blank', () => {
  it('one person billed, no Fel rows from 198 helper-only rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vt-helper-'));
    const input = join(dir, 'register.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Enhetsregister');
    ws.addRow(['Personnummer', 'Tjänst', 'Installerad', 'Hjälp']);
    ws.addRow(['19400101-1230', 'Trygghetslarm', '2025-03-12', { formula: 'LEN(A2)', result: 13 }]);
    for (let r = 3; r < 201; r++) ws.addRow([null, null, null, { formula: `IF(A${r}="","",LEN(A${r}))`, result: '' }]);
    await wb.xlsx.writeFile(input);
    const outcome = await runInvoice({ input, month: { year: 2025, month: 3 }, output: join(dir, 'ut.xlsx'), force: false });
    expect(outcome.result.problems).toEqual([]);
    expect(outcome.result.lines.map((l) => l.amount.toNumber())).toEqual([239, 200]);
  });
});
