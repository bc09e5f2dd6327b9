// The whole run from a workbook's sheets as cell values: the one entry point every face calls.
import { ABILITY_TO_PAY_SHEET, readAbilityToPay } from './abilityToPay.js';
import { billMonth, type BillingResult } from './billMonth.js';
import { detectColumns, type ColumnMapping } from './columns.js';
import type { YearMonth } from './days.js';
import { DEFAULT_PRISBASBELOPP, type PrisbasbeloppTable } from './maxtaxa.js';
import { normaliseKey } from './text.js';
import { OTHER_FEES_SHEET, readOtherFees } from './otherFees.js';
import { readRegister } from './register.js';
import type { BillingSettings } from './settings.js';
import type { SheetCells } from './sheet.js';
import { DEFAULT_TARIFF, type Tariff } from './tariff.js';
import { readTaxaSheet, TAXA_SHEET } from './taxaSheet.js';

export const DEFAULT_REGISTER_SHEET = 'Enhetsregister';

export interface WorkbookInput {
  readonly register: SheetCells;
  readonly otherFees?: SheetCells;
  readonly ability?: SheetCells;
  readonly taxa?: SheetCells;
}

export interface RunOptions {
  readonly month: YearMonth;
  readonly settings?: Partial<BillingSettings>;
  readonly mapping?: ColumnMapping;
}

/** The tariff and prisbasbelopp in force: the workbook's Taxa sheet, else the built-in default. */
export function tariffOf(taxa: SheetCells | undefined): { tariff: Tariff; prisbasbelopp: PrisbasbeloppTable } {
  if (!taxa) return { tariff: DEFAULT_TARIFF, prisbasbelopp: DEFAULT_PRISBASBELOPP };
  return readTaxaSheet(taxa);
}

/** Bills month M. Throws RunError only when the run as a whole cannot go ahead. */
export function billWorkbook(input: WorkbookInput, options: RunOptions): BillingResult {
  const { tariff, prisbasbelopp } = tariffOf(input.taxa);
  const register = readRegister(input.register, options.month.year, options.mapping);
  return billMonth({
    month: options.month,
    register,
    tariff,
    prisbasbelopp,
    ...(input.otherFees
      ? { otherFees: readOtherFees(input.otherFees, options.month), otherFeesSheet: input.otherFees.name }
      : {}),
    ...(input.ability ? { ability: readAbilityToPay(input.ability, options.month), abilitySheet: input.ability.name } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
}

/** Names of the optional sheets, matched case-insensitively. */
export const SIDE_SHEETS = { otherFees: OTHER_FEES_SHEET, ability: ABILITY_TO_PAY_SHEET, taxa: TAXA_SHEET } as const;

export function findSheetName(names: readonly string[], wanted: string): string | undefined {
  const key = normaliseKey(wanted);
  return names.find((n) => normaliseKey(n) === key);
}

export interface RegisterSheetChoice {
  /** The register sheet, where it is clear which one it is. */
  readonly name?: string;
  /** Every sheet whose header row has the required columns. */
  readonly candidates: readonly string[];
}

/**
 * The register sheet: the one named by the user, else "Enhetsregister", else the one sheet whose
 * header row has every required column. Several such sheets (tabs "Register 2024", "Register
 * 2025") are no choice to guess: name is left out and the user picks among the candidates.
 */
export function chooseRegisterSheet(
  sheets: ReadonlyArray<{ name: string; headerRow: ReadonlyArray<unknown> }>,
  preferred?: string,
): RegisterSheetChoice {
  const names = sheets.map((s) => s.name);
  const candidates = sheets.filter((s) => detectColumns(s.headerRow).missing.length === 0).map((s) => s.name);
  const name = preferred
    ? findSheetName(names, preferred)
    : (findSheetName(names, DEFAULT_REGISTER_SHEET) ?? (candidates.length === 1 ? candidates[0] : undefined));
  return name === undefined ? { candidates } : { name, candidates };
}
