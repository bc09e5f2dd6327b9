// A small workbook for the task-pane tests (Node and browser): spec §8 cases A, D, E, G for
// 2025-03 plus rows that make problems. No Node imports: it is bundled into the browser page.
import { billWorkbook, invoiceSheet, sheetGrid, type OutputCell } from '../../src/engine/index.js';
import { makePnr, utcDate, withBadCheckDigit } from '../engine/helpers.js';

export const SEED_MONTH = '2025-03';
export const REGISTER = 'Enhetsregister';

export const PNR_A = makePnr('19400101', '123');
export const PNR_D = makePnr('19351224', '333');
export const PNR_E = makePnr('19420505', '456');
export const PNR_G = makePnr('19380315', '789');
export const PNR_H = makePnr('19450707', '111');
export const PNR_J = makePnr('19500101', '222');

const d = utcDate;

export const REGISTER_HEADERS = [
  'Personnummer',
  'Namn',
  'Tjänst',
  'Enhets-ID',
  'Installerad',
  'Avslutad',
  'Återlämning',
  'Påminnelse',
  'Kostnad',
];

/** Register rows as cells; Dates become date serials in the Excel fake. */
export function registerRows(): unknown[][] {
  return [
    REGISTER_HEADERS,
    // row 2, case A: 239 + 200
    [PNR_A, 'Anna Andersson', 'Trygghetslarm', 'TL-1001', d('2025-03-12'), '', '', '', ''],
    // row 3, case D: 40 + 450
    [PNR_D, 'Bertil Berg', 'Larmknapp sammanboende', 'LK-2001', d('2024-01-01'), d('2025-03-20'), 'Borttappad', '', 450],
    // row 4, case G: 2 400
    [PNR_G, 'Cecilia Ek', 'Trygghetslarm', 'TL-1002', d('2022-01-01'), d('2025-01-31'), 'Ej återlämnad', d('2025-02-10'), 2400],
    // row 5: invalid personnummer (Fel, cell A5)
    [withBadCheckDigit(PNR_A), 'Felaktigt Nummer', 'Trygghetslarm', 'TL-1003', d('2025-01-01'), '', '', '', ''],
    // row 6, case E: 239 − 97 with Övriga avgifter 2 500
    [PNR_E, 'David Ek', 'Trygghetslarm', 'TL-1004', d('2024-06-01'), '', '', '', ''],
    // row 7: unknown service (Fel, cell C7)
    [PNR_H, 'Erik Falk', 'Robotdammsugare', 'RD-1', d('2025-01-01'), '', '', '', ''],
    // row 8: not returned and no reminder sent (Varning)
    [PNR_J, 'Fanny Gran', 'Trygghetslarm', 'TL-1005', d('2023-01-01'), d('2025-02-28'), 'Ej återlämnad', '', 1000],
  ];
}

export function otherFeesRows(): unknown[][] {
  return [
    ['Personnummer', 'Månad', 'Belopp'],
    [PNR_E, SEED_MONTH, 2500],
  ];
}

/** 439 + 490 + 2 400 + 142 */
export const SEED_TOTAL = 3471;

export function seedSheets(extra: Record<string, unknown[][]> = {}): Record<string, unknown[][]> {
  return { [REGISTER]: registerRows(), 'Övriga avgifter': otherFeesRows(), ...extra };
}

/** Seed rows as a range gives them: Dates as 1900-system serials, empty cells as "". */
function rangeValues(rows: unknown[][]): unknown[][] {
  const epoch = Date.UTC(1899, 11, 30);
  return rows.map((r) => r.map((v) => (v instanceof Date ? (v.getTime() - epoch) / 86_400_000 : (v ?? ''))));
}

/**
 * "Faktura 2025-02" as the product wrote it before Fanny Gran's row (row 8) was entered: billing
 * March, R7 finds that February should have billed her 239 kr more (a debit, held back under
 * Rapportera), and nothing else.
 */
export function februaryRecord(): OutputCell[][] {
  const register = rangeValues(registerRows().filter((_, i) => i !== 7));
  const february = billWorkbook({ register: { name: REGISTER, values: register } }, { month: { year: 2025, month: 2 } });
  return sheetGrid(invoiceSheet(february));
}
