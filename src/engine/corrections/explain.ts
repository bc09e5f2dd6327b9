// §9: the Swedish words of R7: a correction's Förklaring, and why a register row now gives
// another amount.
import { dayToIso, firstDayOfMonth, lastDayOfMonth, type YearMonth } from '../days.js';
import type { InvoiceLine, LineKind } from '../invoiceLine.js';
import { formatKr, type Money } from '../money.js';
import type { RegisterRow, ReturnStatus } from '../register.js';
import { INSTALLATION_FEE_CATEGORIES } from '../services.js';
import type { TariffVersion } from '../tariff.js';

export const KIND_TEXT: Readonly<Record<LineKind, string>> = {
  Månadsavgift: 'månadsavgift',
  Installationsavgift: 'installationsavgift',
  'Ersättning teknik': 'ersättning teknik',
  'Reduktion högkostnadsskydd': 'reduktion högkostnadsskydd',
};

const RETURN_TEXT: Readonly<Record<ReturnStatus, string>> = {
  none: '',
  returned: 'Återlämnad',
  unusable: 'Obrukbar',
  lost: 'Borttappad',
  notReturned: 'Ej återlämnad',
};

/** "239", "−40": an amount inside a list that already says kr. */
export function plainKr(amount: Money): string {
  return formatKr(amount).replace(/ kr$/, '');
}

/** "+439 kr" for a debit. */
export function signedKr(amount: Money): string {
  return amount.isPositive() && !amount.isZero() ? `+${formatKr(amount)}` : formatKr(amount);
}

const MAX_ROWS_NAMED = 3;

/** Register rows that decide a kind's amount for the person in month m, when today gives none. */
export function rowsBehindNothing(
  kind: LineKind,
  rows: readonly RegisterRow[],
  version: TariffVersion | undefined,
): RegisterRow[] {
  switch (kind) {
    case 'Månadsavgift':
      return rows.filter((r) => !version || !version.monthlyFee[r.service.category].isZero());
    case 'Installationsavgift':
      return rows.filter((r) => INSTALLATION_FEE_CATEGORIES.has(r.service.category));
    case 'Ersättning teknik':
      return rows.filter((r) => r.returnStatus !== 'none');
    case 'Reduktion högkostnadsskydd':
      return [];
  }
}

/** What a row says about month m, for a kind that the register gives nothing for today. */
function rowFact(kind: LineKind, r: RegisterRow, month: YearMonth): string {
  const start = firstDayOfMonth(month),
    end = lastDayOfMonth(month);
  const installed = `Installerad ${dayToIso(r.installed)}`;
  const ended = r.ended === undefined ? '' : `Avslutad ${dayToIso(r.ended)}`;
  switch (kind) {
    case 'Månadsavgift':
      if (r.housing === 'special') return `${r.service.name}, Särskilt boende`;
      if (r.ended !== undefined && r.ended < start) return ended;
      if (r.installed > end) return installed;
      return [installed, ended].filter(Boolean).join(', ');
    case 'Installationsavgift':
      return r.installType === 'replacement' ? `${installed}, Byte` : installed;
    case 'Ersättning teknik':
      return [RETURN_TEXT[r.returnStatus], ended].filter(Boolean).join(', ');
    case 'Reduktion högkostnadsskydd':
      return '';
  }
}

/** "(Avslutad 2025-02-20, rad 12)" or "(rad 12: månadsavgift för trygghetslarm, 239 kr, aktiv hela månaden)". */
export function reasonToday(
  kind: LineKind,
  month: YearMonth,
  todayLines: readonly InvoiceLine[],
  rowsNamed: readonly RegisterRow[],
): string {
  if (todayLines.length > 0) {
    return todayLines
      .map((l) => {
        const why = l.explanation.replace(/\.$/, '');
        const text = why.charAt(0).toLocaleLowerCase('sv') + why.slice(1);
        return l.sourceRows.length ? `${rowList(l.sourceRows)}: ${text}` : text;
      })
      .join('; ');
  }
  if (kind === 'Reduktion högkostnadsskydd') return 'avgifterna inom högkostnadsskyddet ryms nu i utrymmet';
  if (rowsNamed.length === 0) {
    return {
      Månadsavgift: 'ingen enhet med månadsavgift i registret',
      Installationsavgift: 'ingen nyinstallation i registret',
      'Ersättning teknik': 'ingen ersättning enligt registret',
    }[kind];
  }
  const named = rowsNamed.slice(0, MAX_ROWS_NAMED).map((r) => `${rowFact(kind, r, month)}, rad ${r.rowNumber}`);
  const more = rowsNamed.length - MAX_ROWS_NAMED;
  return named.join('; ') + (more > 0 ? ` och ${more} ${more === 1 ? 'rad' : 'rader'} till` : '');
}

function rowList(rows: readonly number[]): string {
  return rows.length === 1 ? `rad ${rows[0]}` : `rad ${rows.slice(0, -1).join(', ')} och ${rows[rows.length - 1]}`;
}

/** §9 Förklaring: both amounts and why. */
export function correctionExplanation(
  kind: LineKind,
  month: string,
  billed: Money,
  today: Money,
  reason: string,
  offset?: { readonly credited: Money; readonly by: string },
): string {
  const base = `Rättelse av ${KIND_TEXT[kind]} för ${month}: fakturerat ${formatKr(billed)}, enligt registret nu ${formatKr(today)} (${reason})`;
  if (!offset) return `${base}.`;
  return `${base}; ${offset.by} samtidigt, så bara ${formatKr(offset.credited.negated())} krediteras (en höjning debiteras inte retroaktivt).`;
}
