// Tells the shared runtime when the Taxa sheet may have changed: its cells (Worksheet.onChanged,
// ExcelApi 1.7), or a sheet added or deleted (1.7) or renamed (1.17, where the host has it),
// since each of those may add, remove or replace the sheet that is "Taxa".
import { findSheetName, SIDE_SHEETS } from '../engine/index.js';
import type { StopWatching } from '../workbook/index.js';
import { runExcel } from './errors.js';

type Registration = OfficeExtension.EventHandlerResult<unknown>;

export async function watchTaxaSheet(excel: typeof Excel, listener: () => void): Promise<StopWatching> {
  const registrations: Registration[] = [];
  /** Sheets whose cells are watched; a handler only reports while its sheet is the Taxa sheet. */
  const watched = new Set<string>();
  let taxaId: string | undefined;
  let stopped = false;

  const register = async (what: (context: Excel.RequestContext) => Registration[]): Promise<void> =>
    runExcel(excel, 'bevaka Taxa-bladet', async (context) => {
      const added = what(context);
      await context.sync();
      registrations.push(...added); // only once Excel has accepted them
    });

  /** Finds the Taxa sheet again and watches its cells. */
  const follow = (): Promise<void> =>
    runExcel(excel, 'bevaka Taxa-bladet', async (context) => {
      const sheets = context.workbook.worksheets.load('items/name, items/id');
      await context.sync();
      const name = findSheetName(
        sheets.items.map((s) => s.name),
        SIDE_SHEETS.taxa,
      );
      const sheet = sheets.items.find((s) => s.name === name);
      taxaId = sheet?.id;
      if (!sheet || watched.has(sheet.id)) return;
      const id = sheet.id;
      const registration = sheet.onChanged.add(async () => {
        if (!stopped && id === taxaId) listener();
      });
      await context.sync();
      watched.add(id);
      registrations.push(registration);
    });

  // Writing the invoice adds, renames and deletes several sheets: one look-up after the running one.
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  const sheetsChanged = (): Promise<void> =>
    (queued ??= chain =
      chain.then(async () => {
        queued = undefined;
        if (stopped) return;
        // A failed look-up is retried at the next sheet event; the listener reads the sheet anyway.
        await follow().catch(() => undefined);
        listener();
      }));

  await register((context) => [
    context.workbook.worksheets.onAdded.add(sheetsChanged),
    context.workbook.worksheets.onDeleted.add(sheetsChanged),
  ]);
  // ExcelApi 1.17: where the host refuses it, a renamed sheet is found at the next add or delete.
  await register((context) => [context.workbook.worksheets.onNameChanged.add(sheetsChanged)]).catch(() => undefined);
  await follow();

  return async () => {
    stopped = true;
    for (const r of registrations.splice(0)) {
      // Removed through the context that added it, as Office.js requires; a deleted sheet took its handler along.
      await excel
        .run(r.context, async (context) => {
          r.remove();
          await context.sync();
        })
        .catch(() => undefined);
    }
  };
}
