// The sheets one run reads from a workbook file: the register (by name or by its headers) and
// the optional side sheets, each read only if the workbook has it.
import {
  chooseRegisterSheet,
  findSheetName,
  RunError,
  SIDE_SHEETS,
  type SheetCells,
  type WorkbookInput,
} from '../engine/index.js';
import type { InvoiceArgs } from './args.js';
import type { WorkbookFile } from './xlsxRead.js';

/** The register sheet and the side sheets the engine reads, each read only if present. */
export async function readWorkbookInput(book: WorkbookFile, args: InvoiceArgs): Promise<WorkbookInput> {
  const names = book.sheetNames;
  const headerRows = [];
  for (const name of names) headerRows.push({ name, headerRow: await book.headerRow(name) });
  const { name: registerName, candidates } = chooseRegisterSheet(headerRows, args.sheet);
  if (!registerName) {
    const list = (xs: readonly string[]): string => xs.map((n) => `"${n}"`).join(', ');
    throw new RunError(
      args.sheet
        ? `Bladet "${args.sheet}" finns inte i ${args.input}. Bladen är: ${list(names)}.`
        : candidates.length > 1
          ? `Flera blad i ${args.input} ser ut som ett register och inget heter Enhetsregister: ${list(candidates)}. Ange vilket som ska faktureras med --sheet, t.ex. --sheet "${candidates[candidates.length - 1]}".`
          : `Hittar inget registerblad i ${args.input}: inget blad heter Enhetsregister och inget har rubrikerna Personnummer, Tjänst och Installerad.`,
    );
  }
  const cellsOf = async (name: string | undefined): Promise<SheetCells | undefined> =>
    name === undefined ? undefined : book.sheet(name);
  const register = (await cellsOf(registerName))!;
  const otherFees = await cellsOf(findSheetName(names, SIDE_SHEETS.otherFees));
  const ability = await cellsOf(findSheetName(names, SIDE_SHEETS.ability));
  const taxa = await cellsOf(findSheetName(names, SIDE_SHEETS.taxa));
  return { register, ...(otherFees ? { otherFees } : {}), ...(ability ? { ability } : {}), ...(taxa ? { taxa } : {}) };
}
