// Finding a small table's columns by header text, for the optional sheets.
import { columnLetter, RunError } from './problems.js';
import type { SheetCells } from './sheet.js';
import { normaliseKey } from './text.js';

export interface HeaderSpec<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
}

export interface FoundHeaders<K extends string> {
  readonly index: Readonly<Partial<Record<K, number>>>;
  readonly header: Readonly<Record<K, string>>;
  readonly letter: Readonly<Partial<Record<K, string>>>;
}

/** Strips a unit in brackets, so "Belopp (kr)" matches "Belopp". */
function headerKey(value: unknown): string {
  return normaliseKey(String(value ?? '').replace(/\([^)]*\)/g, ''));
}

export function findHeaders<K extends string>(
  headerRow: ReadonlyArray<unknown>,
  specs: readonly HeaderSpec<K>[],
  sheet: SheetCells,
  columnOffset = 0,
): FoundHeaders<K> {
  const index: Partial<Record<K, number>> = {};
  const header = {} as Record<K, string>;
  const letter: Partial<Record<K, string>> = {};
  for (const s of specs) header[s.key] = s.header;
  headerRow.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key === '') return;
    for (const s of specs) {
      if (index[s.key] !== undefined) continue;
      if (key === headerKey(s.header) || s.aliases.some((a) => headerKey(a) === key)) {
        index[s.key] = i;
        header[s.key] = String(cell).trim();
        letter[s.key] = columnLetter((sheet.firstColumn ?? 0) + columnOffset + i);
        break;
      }
    }
  });
  const missing = specs.filter((s) => s.required && index[s.key] === undefined).map((s) => s.header);
  if (missing.length > 0) {
    throw new RunError(
      `Bladet "${sheet.name}" saknar kolumner som krävs: ${missing.join(', ')}. Rätta rubrikraden och kör igen.`,
    );
  }
  return { index, header, letter };
}
