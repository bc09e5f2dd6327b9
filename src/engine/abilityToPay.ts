// §4, R5: the optional sheet "Avgiftsutrymme": a person's ability to pay (avgiftsutrymme), by valid-from date.
import { dayFromCell, dayToIso, firstDayOfMonth, type Day, type YearMonth } from './days.js';
import { findHeaders } from './headers.js';
import { personnummerProblem } from './messages.js';
import { formatKr, isPlausibleAmount, MAX_AMOUNT_TEXT, moneyFromCell, type Money } from './money.js';
import { parsePersonnummer } from './personnummer.js';
import type { Problem } from './problems.js';
import { rowNumberOf, type SheetCells } from './sheet.js';
import { displayValue, isBlank } from './text.js';

export const ABILITY_TO_PAY_SHEET = 'Avgiftsutrymme';

export interface AbilityToPay {
  readonly amount: Money;
  readonly row: number;
}

export interface AbilityToPayReading {
  /** The row in force on the first day of the billing month, per person. */
  readonly byPerson: ReadonlyMap<string, AbilityToPay>;
  readonly problems: readonly Problem[];
}

export function readAbilityToPay(sheet: SheetCells, month: YearMonth): AbilityToPayReading {
  const values = sheet.values;
  const h = findHeaders(
    values[0] ?? [],
    [
      { key: 'pnr', header: 'Personnummer', aliases: ['Pnr', 'Personnr'], required: true },
      { key: 'amount', header: 'Avgiftsutrymme', aliases: ['Belopp'], required: true },
      { key: 'from', header: 'Giltig från', aliases: ['Från', 'Gäller från'], required: false },
    ],
    sheet,
  );
  const start = firstDayOfMonth(month);
  const best = new Map<string, { from: Day; amount: Money; row: number; tie?: { amount: Money; row: number } }>();
  const problems: Problem[] = [];
  for (let r = 1; r < values.length; r++) {
    const cells = values[r] ?? [];
    if (cells.every(isBlank)) continue;
    const row = rowNumberOf(sheet, r);
    const fail = (key: 'pnr' | 'amount' | 'from', message: string): void => {
      problems.push({
        severity: 'Fel',
        sheet: sheet.name,
        row,
        column: h.header[key],
        cell: `${h.letter[key] ?? ''}${row}`,
        value: displayValue(cells[h.index[key] ?? -1]),
        message,
        rule: 'R5',
      });
    };
    const pnr = parsePersonnummer(cells[h.index.pnr!], month.year);
    if (!pnr.ok) fail('pnr', personnummerProblem(pnr.reason));
    const amount = moneyFromCell(cells[h.index.amount!]); // R6: kept to öre
    const amountOk = !!amount && !amount.isNegative() && isPlausibleAmount(amount);
    if (!amountOk)
      fail(
        'amount',
        !amount
          ? 'Avgiftsutrymmet saknas eller är inte ett tal. Ange kronor per månad.'
          : amount.isNegative()
            ? 'Avgiftsutrymmet får inte vara negativt.'
            : `Avgiftsutrymmet ${displayValue(cells[h.index.amount!])} kr är orimligt stort (${MAX_AMOUNT_TEXT} per månad). Kontrollera beloppet.`,
      );
    const fromCell = h.index.from === undefined ? undefined : cells[h.index.from];
    let from: Day | undefined = -Infinity;
    if (!isBlank(fromCell)) {
      from = dayFromCell(fromCell, sheet.date1904);
      if (from === undefined) fail('from', 'Datumet går inte att läsa. Skriv det som ett datum eller som ÅÅÅÅ-MM-DD.');
    }
    if (!pnr.ok || !amountOk || from === undefined || from > start) continue;
    const prev = best.get(pnr.value);
    if (!prev || from > prev.from) best.set(pnr.value, { from, amount, row });
    else if (from === prev.from && !amount.equals(prev.amount)) {
      // Two rows for the same day disagree: use the lower (it protects the person) and say so.
      const low = amount.lessThan(prev.amount) ? { amount, row } : { amount: prev.amount, row: prev.row };
      const other = low.row === row ? prev.row : row;
      best.set(pnr.value, { from, amount: low.amount, row: low.row, tie: { amount, row: other } });
    }
  }
  const byPerson = new Map<string, AbilityToPay>();
  for (const [pnr, b] of best) {
    byPerson.set(pnr, { amount: b.amount, row: b.row });
    if (b.tie) {
      problems.push({
        severity: 'Varning',
        sheet: sheet.name,
        row: b.tie.row,
        column: h.header.amount,
        cell: `${h.letter.amount}${b.tie.row}`,
        value: '',
        rule: 'R5',
        message: `Två rader för ${pnr} gäller från samma dag${Number.isFinite(b.from) ? ' ' + dayToIso(b.from) : ''} med olika avgiftsutrymme; det lägre (${formatKr(b.amount)}, rad ${b.row}) används. Ta bort den rad som inte gäller.`,
      });
    }
  }
  return { byPerson, problems };
}
