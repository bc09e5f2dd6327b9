// §4: the optional sheet "Övriga avgifter": capped fees billed elsewhere, per person and month.
import { findHeaders } from './headers.js';
import { monthFromCell, monthKey, type YearMonth } from './days.js';
import { personnummerProblem } from './messages.js';
import { isPlausibleAmount, MAX_AMOUNT_TEXT, moneyFromCell, type Money } from './money.js';
import { parsePersonnummer } from './personnummer.js';
import type { Problem } from './problems.js';
import { rowNumberOf, type SheetCells } from './sheet.js';
import { displayValue, isBlank } from './text.js';

export const OTHER_FEES_SHEET = 'Övriga avgifter';

export interface OtherFee {
  readonly amount: Money;
  readonly rows: readonly number[];
}

export interface OtherFeesReading {
  /** For the billing month only: person → summed amount. */
  readonly byPerson: ReadonlyMap<string, OtherFee>;
  readonly problems: readonly Problem[];
}

export function readOtherFees(sheet: SheetCells, month: YearMonth): OtherFeesReading {
  const values = sheet.values;
  const h = findHeaders(
    values[0] ?? [],
    [
      { key: 'pnr', header: 'Personnummer', aliases: ['Pnr', 'Personnr'], required: true },
      { key: 'month', header: 'Månad', aliases: [], required: true },
      { key: 'amount', header: 'Belopp', aliases: [], required: true },
    ],
    sheet,
  );
  const wanted = monthKey(month);
  const byPerson = new Map<string, { amount: Money; rows: number[] }>();
  const problems: Problem[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every(isBlank)) continue;
    const row = rowNumberOf(sheet, r);
    const fail = (key: 'pnr' | 'month' | 'amount', message: string): void => {
      problems.push({
        severity: 'Fel',
        sheet: sheet.name,
        row,
        column: h.header[key],
        cell: `${h.letter[key]}${row}`,
        value: displayValue(cells[h.index[key]!]),
        message,
        rule: 'R5',
      });
    };
    const pnr = parsePersonnummer(cells[h.index.pnr!], month.year);
    if (!pnr.ok) fail('pnr', personnummerProblem(pnr.reason));
    const m = monthFromCell(cells[h.index.month!], sheet.date1904);
    if (!m) fail('month', 'Månaden går inte att läsa. Skriv ÅÅÅÅ-MM eller ett datum i månaden.');
    const amount = moneyFromCell(cells[h.index.amount!]); // R6: kept to öre
    const amountOk = !!amount && !amount.isNegative() && isPlausibleAmount(amount);
    if (!amountOk)
      fail(
        'amount',
        !amount
          ? 'Beloppet saknas eller är inte ett tal. Ange avgiften i kronor.'
          : amount.isNegative()
            ? 'Beloppet får inte vara negativt.'
            : `Beloppet ${displayValue(cells[h.index.amount!])} kr är orimligt stort (${MAX_AMOUNT_TEXT}). Kontrollera beloppet.`,
      );
    if (!pnr.ok || !m || !amountOk || monthKey(m) !== wanted) continue;
    const prev = byPerson.get(pnr.value);
    if (prev) {
      prev.amount = prev.amount.plus(amount);
      prev.rows.push(row);
    } else byPerson.set(pnr.value, { amount, rows: [row] });
  }
  return { byPerson, problems };
}
