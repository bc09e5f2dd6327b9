// Errors a user can meet, in Swedish. Office.js errors carry a `code`; the known ones are
// turned into advice, the rest keep Excel's own text so support can still read it.

/** An error whose message is meant for the user as it stands. */
export class ExcelActionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExcelActionError';
  }
}

export const sheetMissing = (name: string): ExcelActionError =>
  new ExcelActionError(`Bladet "${name}" finns inte i arbetsboken. Välj ett annat blad eller kontrollera namnet.`);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const ADVICE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: 'Excel redigerar en cell just nu. Tryck Enter eller Esc i cellen och försök igen.',
  AccessDenied:
    'Excel nekade ändringen. Arbetsboken eller ett blad är troligen skyddat: ta bort skyddet (Granska > Ta bort skydd) och försök igen.',
  RequestPayloadSizeLimitExceeded:
    'Datamängden blev för stor för ett anrop till Excel. Försök igen; kvarstår felet, kontakta supporten.',
  ResponsePayloadSizeLimitExceeded:
    'Bladet innehåller för mycket data för ett anrop till Excel. Försök igen; kvarstår felet, kontakta supporten.',
  OperationCellsExceedLimit: 'Området är för stort för Excel. Försök igen; kvarstår felet, kontakta supporten.',
  ItemNotFound: 'Ett blad eller en tabell som behövdes finns inte längre. Klicka på Uppdatera och försök igen.',
  ItemAlreadyExists: 'Det finns redan ett blad eller en tabell med samma namn. Byt namn på det befintliga och försök igen.',
  Conflict: 'Arbetsboken ändrades samtidigt av någon annan. Försök igen om en stund.',
  InactiveWorkbook: 'Arbetsboken är inte aktiv. Klicka i arbetsboken och försök igen.',
  UnsupportedSheet: 'Bladet är av en typ som tillägget inte kan läsa eller skriva (till exempel ett diagram- eller makroblad).',
  RequestAborted: 'Excel avbröt anropet. Försök igen.',
};

/** The error to show for a failure while doing `what` (e.g. "skriva bladen"). */
export function userError(err: unknown, what: string): Error {
  if (err instanceof ExcelActionError) return err;
  const code = codeOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  const advice = code ? ADVICE[code] : undefined;
  const technical = code ? `${code}: ${detail}` : detail;
  const text = [`Det gick inte att ${what}.`, advice, `(Teknisk information: ${technical})`].filter(Boolean).join(' ');
  return new ExcelActionError(text, { cause: err });
}

/**
 * Excel.run with errors turned into Swedish ones. While the user is typing in a cell, Excel
 * waits for the edit to end instead of failing (delayForCellEdit).
 */
export async function runExcel<T>(
  excel: typeof Excel,
  what: string,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  try {
    return await excel.run({ delayForCellEdit: true }, batch);
  } catch (err) {
    throw userError(err, what);
  }
}

/** True for Office.js's "response too large" error, which a smaller chunk can avoid. */
export function isResponseTooLarge(err: unknown): boolean {
  return codeOf(err) === 'ResponsePayloadSizeLimitExceeded';
}

/** True for Office.js's "request too large" error, which sending less per sync can avoid. */
export function isRequestTooLarge(err: unknown): boolean {
  return codeOf(err) === 'RequestPayloadSizeLimitExceeded';
}
