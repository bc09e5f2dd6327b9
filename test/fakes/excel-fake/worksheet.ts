// Worksheet proxies of the Excel fake.
import { MAX_COLUMNS, MAX_ROWS, checked, parseA1, splitSheet } from './address.js';
import type { FakeRequestContext } from './context.js';
import { FakeOfficeError } from './errors.js';
import { FakeEventHandlers } from './events.js';
import type { SheetModel, WorkbookModel } from './model.js';
import { FakeClientObject, FakeCollection } from './proxy.js';
import { FakeRange } from './range.js';
import { FakeTableCollection } from './table.js';

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, SheetModel, FakeWorksheet> {
  protected readonly _typeName = 'WorksheetCollection';
  protected readonly _itemScalars = FakeWorksheet.scalars;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;
  readonly onNameChanged: FakeEventHandlers;

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
    this.onAdded = new FakeEventHandlers(ctx, 'WorksheetCollection.onAdded');
    this.onDeleted = new FakeEventHandlers(ctx, 'WorksheetCollection.onDeleted');
    this.onNameChanged = new FakeEventHandlers(ctx, 'WorksheetCollection.onNameChanged');
  }

  /** By name (case-insensitive, as Excel) or id; ItemNotFound at sync if missing. */
  getItem(key: string): FakeWorksheet {
    return this._spawn(
      'getItem',
      [key],
      new FakeWorksheet(this._ctx, () => {
        const sheet = this._modelNow('WorksheetCollection.getItem').sheetByKey(key);
        if (!sheet) throw new FakeOfficeError('ItemNotFound', `There is no worksheet named "${key}".`);
        return sheet;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this._spawn(
      'getItemOrNullObject',
      [key],
      new FakeWorksheet(this._ctx, () => this._modelNow('WorksheetCollection.getItemOrNullObject').sheetByKey(key) ?? null),
    );
  }

  add(name?: string): FakeWorksheet {
    return this._spawn(
      'add',
      [name ?? null],
      new FakeWorksheet(this._ctx, () => {
        const sheet = this._modelNow('WorksheetCollection.add').addSheet(name);
        this._ctx.host.events.note({
          event: 'WorksheetCollection.onAdded',
          sheet,
          args: { type: 'WorksheetAdded', worksheetId: sheet.id, source: 'Local' },
        });
        return sheet;
      }),
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return this._spawn(
      'getActiveWorksheet',
      null,
      new FakeWorksheet(this._ctx, () => {
        const wb = this._modelNow('WorksheetCollection.getActiveWorksheet');
        const sheet = wb.activeSheet ?? wb.sheets[0];
        if (!sheet) throw new FakeOfficeError('ItemNotFound', 'The workbook has no worksheet.');
        return sheet;
      }),
    );
  }

  protected _itemModels(model: WorkbookModel): SheetModel[] {
    return [...model.sheets];
  }

  protected _makeItem(sheet: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this._ctx, () => sheet, true);
  }
}

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  static readonly scalars = ['name', 'id', 'position', 'visibility'] as const;
  protected readonly _typeName = 'Worksheet';
  protected readonly _scalars = FakeWorksheet.scalars;
  readonly freezePanes: FakeFreezePanes;
  readonly tables: FakeTableCollection;
  readonly onChanged: FakeEventHandlers;

  constructor(ctx: FakeRequestContext, resolver: () => SheetModel | null, created = true) {
    super(ctx, resolver, created);
    this.onChanged = new FakeEventHandlers(ctx, 'Worksheet.onChanged', () => this._modelNow('Worksheet.onChanged'));
    this.freezePanes = new FakeFreezePanes(ctx, () => this._modelNow('Worksheet.freezePanes'));
    this.tables = new FakeTableCollection(ctx, () => ({ wb: ctx.host.model, sheet: this._modelNow('Worksheet.tables') }));
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._set('name', value, (sheet) => {
      this._ctx.host.model.validateSheetName(value, sheet);
      const before = sheet.name;
      sheet.name = value;
      if (before !== value) {
        this._ctx.host.events.note({
          event: 'WorksheetCollection.onNameChanged',
          sheet,
          args: { type: 'WorksheetNameChanged', worksheetId: sheet.id, nameBefore: before, nameAfter: value, source: 'Local' },
        });
      }
    });
  }

  get id(): string {
    return this._get('id');
  }

  get position(): number {
    return this._get('position');
  }

  set position(value: number) {
    this._set('position', value, (sheet) => this._ctx.host.model.moveSheet(sheet, value));
  }

  get visibility(): string {
    return this._get('visibility');
  }

  /** getRange() without an address is the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    return this._spawn(
      'getRange',
      [address ?? null],
      new FakeRange(this._ctx, () => {
        const sheet = this._modelNow('Worksheet.getRange');
        if (address === undefined) return { sheet, rect: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
        const { sheet: named, cells } = splitSheet(address);
        if (named !== undefined && named.toLowerCase() !== sheet.name.toLowerCase()) {
          throw new FakeOfficeError('InvalidArgument', `Worksheet "${sheet.name}" cannot return a range on sheet "${named}".`);
        }
        return { sheet, rect: parseA1(cells) };
      }),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this._spawn(
      'getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
      new FakeRange(this._ctx, () => ({
        sheet: this._modelNow('Worksheet.getRangeByIndexes'),
        rect: checked(`(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`, startRow, startColumn, rowCount, columnCount),
      })),
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this._spawn(
      'getCell',
      [row, column],
      new FakeRange(this._ctx, () => ({
        sheet: this._modelNow('Worksheet.getCell'),
        rect: checked(`(${row}, ${column})`, row, column, 1, 1),
      })),
    );
  }

  /** Like Office.js: on an empty sheet this is A1, not an error. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this._spawn(
      'getUsedRange',
      [valuesOnly],
      new FakeRange(this._ctx, () => {
        const sheet = this._modelNow('Worksheet.getUsedRange');
        return { sheet, rect: sheet.usedRect(valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
      }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this._spawn(
      'getUsedRangeOrNullObject',
      [valuesOnly],
      new FakeRange(this._ctx, () => {
        const sheet = this._modelNow('Worksheet.getUsedRangeOrNullObject');
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      }),
    );
  }

  delete(): void {
    this._call('delete', null, (sheet) => {
      this._ctx.host.model.deleteSheet(sheet);
      this._ctx.host.events.forgetSheet(sheet);
      this._ctx.host.events.note({
        event: 'WorksheetCollection.onDeleted',
        sheet,
        args: { type: 'WorksheetDeleted', worksheetId: sheet.id, source: 'Local' },
      });
    });
  }

  activate(): void {
    this._call('activate', null, (sheet) => {
      this._ctx.host.model.activeSheet = sheet;
    });
  }

  protected override _alive(sheet: SheetModel): boolean {
    return this._ctx.host.model.sheets.includes(sheet);
  }

  protected _snapshot(sheet: SheetModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this._ctx.host.model.sheets.indexOf(sheet);
      default:
        return 'Visible';
    }
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'tables') return this.tables as FakeClientObject<unknown>;
    return undefined;
  }
}

export class FakeFreezePanes extends FakeClientObject<SheetModel> {
  protected readonly _typeName = 'WorksheetFreezePanes';
  protected readonly _scalars: readonly string[] = [];

  constructor(ctx: FakeRequestContext, resolver: () => SheetModel) {
    super(ctx, resolver, false);
  }

  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS)
        throw new FakeOfficeError('InvalidArgument', `freezeRows(${count})`);
      sheet.frozenRows = count;
    });
  }

  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], (sheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS)
        throw new FakeOfficeError('InvalidArgument', `freezeColumns(${count})`);
      sheet.frozenColumns = count;
    });
  }

  unfreeze(): void {
    this._call('unfreeze', null, (sheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }

  protected _snapshot(): unknown {
    return undefined;
  }
}
