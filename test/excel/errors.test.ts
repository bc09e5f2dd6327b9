// Errors a user can meet come out in Swedish, with advice for the known Office.js codes.
import { describe, expect, it } from 'vitest';
import { createExcelWorkbook } from '../../src/excel/index.js';
import { ExcelActionError, userError } from '../../src/excel/errors.js';
import { FakeOfficeError } from '../fakes/excel-fake.js';

/** An Excel namespace whose every run fails with the given Office.js error code. */
const failingExcel = (code: string): typeof Excel =>
  ({
    run: async () => {
      throw Object.assign(new Error('The operation failed.'), { code });
    },
  }) as unknown as typeof Excel;

describe('errors', () => {
  it('turns a cell being edited into advice to finish the edit', async () => {
    const actions = createExcelWorkbook(failingExcel('InvalidOperationInCellEditMode'));
    await expect(actions.overview()).rejects.toThrow(
      /Det gick inte att läsa arbetsbokens blad\. Excel redigerar en cell just nu/,
    );
  });

  it('turns a protected workbook or sheet into advice to remove the protection', async () => {
    const actions = createExcelWorkbook(failingExcel('AccessDenied'));
    const error = await actions.writeSheets([{ name: 'Faktura 2025-03', tables: [] }], () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelActionError);
    expect((error as Error).message).toMatch(/skyddat/);
    expect((error as Error).message).toMatch(/AccessDenied/);
  });

  it('keeps unknown errors readable for support, and passes Swedish errors through', () => {
    const unknown = userError(new FakeOfficeError('InvalidArgument', 'Range.values: bad input'), 'skriva bladen');
    expect(unknown.message).toBe(
      'Det gick inte att skriva bladen. (Teknisk information: InvalidArgument: Range.values: bad input)',
    );
    const own = new ExcelActionError('Bladet "X" finns inte i arbetsboken.');
    expect(userError(own, 'läsa')).toBe(own);
  });
});
