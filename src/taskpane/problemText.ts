// Where a problem is and how many there are, in the words of the problem sheet.
import type { Problem } from '../engine/index.js';

/** Where activating a problem goes: its cell, else its whole row; nothing for sheet-wide problems. */
export function problemTarget(p: Problem): { sheet: string; address: string } | undefined {
  // A cell without its column letter ("12") is no address: fall back to the row.
  if (p.cell && /^[A-Z]{1,3}\d+$/.test(p.cell)) return { sheet: p.sheet, address: p.cell };
  if (p.row !== undefined) return { sheet: p.sheet, address: `${p.row}:${p.row}` };
  return undefined;
}

/** "Rad 12 · Personnummer" — where a problem is. */
export function problemPlace(p: Problem, registerSheet?: string): string {
  const parts: string[] = [];
  if (registerSheet === undefined || p.sheet !== registerSheet) parts.push(`Blad ${p.sheet}`);
  if (p.row !== undefined) parts.push(`Rad ${p.row}`);
  if (p.column) parts.push(p.column);
  return parts.join(' · ');
}

export function problemCountText(errors: number, warnings: number): string {
  const e = errors === 1 ? '1 fel' : `${errors} fel`;
  const w = warnings === 1 ? '1 varning' : `${warnings} varningar`;
  return `${e}, ${w}`;
}

/** "Blad Faktura 2025-03 · Cell I14 · Belopp" — where an export refusal is (§10 names sheet and cell). */
export function refusalPlace(p: Problem): string {
  const parts = [`Blad ${p.sheet}`];
  if (p.cell) parts.push(`Cell ${p.cell}`);
  else if (p.row !== undefined) parts.push(`Rad ${p.row}`);
  if (p.column) parts.push(p.column);
  return parts.join(' · ');
}
