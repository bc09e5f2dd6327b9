// Table proxies of the Excel fake.
import { type Rect, parseA1, splitSheet } from './address.js';
import type { FakeRequestContext } from './context.js';
import { FakeOfficeError } from './errors.js';
import type { SheetModel, TableModel, WorkbookModel } from './model.js';
import { FakeClientObject, FakeCollection } from './proxy.js';
import { FakeRange } from './range.js';
import { FakeWorksheet } from './worksheet.js';

interface TableScope {
  wb: WorkbookModel;
  /** Set for worksheet.tables; absent for workbook.tables. */
  sheet?: SheetModel;
}

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

export class FakeTableCollection extends FakeCollection<TableScope, TableModel, FakeTable> {
  protected readonly _typeName = 'TableCollection';
  protected readonly _itemScalars = FakeTable.scalars;

  constructor(ctx: FakeRequestContext, resolver: () => TableScope) {
    super(ctx, resolver, false);
  }

  /** The address is "A1:C10" (this sheet), "Sheet!A1:C10" or a Range; only hasHeaders=true is modelled. */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const payload = typeof address === 'string' ? address : '[Range]';
    return this._spawn(
      'add',
      [payload, hasHeaders],
      new FakeTable(this._ctx, () => {
        const scope = this._modelNow('TableCollection.add');
        let sheet: SheetModel | undefined;
        let rect: Rect;
        if (typeof address === 'string') {
          const parts = splitSheet(address);
          sheet = parts.sheet !== undefined ? scope.wb.sheetByName(parts.sheet) : (scope.sheet ?? scope.wb.activeSheet);
          if (!sheet) throw new FakeOfficeError('ItemNotFound', `tables.add: no worksheet for "${address}".`);
          if (scope.sheet && sheet !== scope.sheet)
            throw new FakeOfficeError('InvalidArgument', `tables.add: "${address}" is not on this worksheet.`);
          rect = parseA1(parts.cells);
        } else {
          const range = address._modelNow('TableCollection.add');
          sheet = range.sheet;
          rect = range.rect;
        }
        return scope.wb.addTable(sheet, rect, hasHeaders);
      }),
    );
  }

  getItem(name: string): FakeTable {
    return this._spawn(
      'getItem',
      [name],
      new FakeTable(this._ctx, () => {
        const t = this.find(name);
        if (!t) throw new FakeOfficeError('ItemNotFound', `There is no table named "${name}".`);
        return t;
      }),
    );
  }

  getItemOrNullObject(name: string): FakeTable {
    return this._spawn('getItemOrNullObject', [name], new FakeTable(this._ctx, () => this.find(name) ?? null));
  }

  private find(name: string): TableModel | undefined {
    const scope = this._modelNow('TableCollection.getItem');
    const t = scope.wb.tableByName(name);
    return t && (!scope.sheet || t.sheet === scope.sheet) ? t : undefined;
  }

  protected _itemModels(scope: TableScope): TableModel[] {
    return scope.wb.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);
  }

  protected _makeItem(table: TableModel): FakeTable {
    return new FakeTable(this._ctx, () => table, true);
  }
}

export class FakeTable extends FakeClientObject<TableModel> {
  static readonly scalars = ['name', 'id', 'style', 'showHeaders', 'showTotals'] as const;
  protected readonly _typeName = 'Table';
  protected readonly _scalars = FakeTable.scalars;
  readonly columns: FakeTableColumnCollection;

  constructor(ctx: FakeRequestContext, resolver: () => TableModel | null, created = true) {
    super(ctx, resolver, created);
    this.columns = new FakeTableColumnCollection(ctx, () => this._modelNow('Table.columns'));
  }

  get name(): string {
    return this._get('name');
  }

  set name(value: string) {
    this._set('name', value, (table) => {
      this._ctx.host.model.validateTableName(value, table);
      table.name = value;
    });
  }

  get id(): string {
    return this._get('id');
  }

  get style(): string {
    return this._get('style');
  }

  set style(value: string) {
    this._set('style', value, (table) => {
      if (value !== '' && !TABLE_STYLE.test(value))
        throw new FakeOfficeError('InvalidArgument', `Unknown table style "${value}".`);
      table.style = value;
    });
  }

  get showHeaders(): boolean {
    return this._get('showHeaders');
  }

  get showTotals(): boolean {
    return this._get('showTotals');
  }

  private _worksheet: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this._ctx, () => this._modelNow('Table.worksheet').sheet, false);
    return this._worksheet;
  }

  getRange(): FakeRange {
    return this.part('getRange', (t) => t.rect);
  }

  getHeaderRowRange(): FakeRange {
    return this.part('getHeaderRowRange', (t) => ({ ...t.rect, rowCount: 1 }));
  }

  getDataBodyRange(): FakeRange {
    return this.part('getDataBodyRange', (t) => ({ ...t.rect, row: t.rect.row + 1, rowCount: t.rect.rowCount - 1 }));
  }

  private part(method: string, rectOf: (t: TableModel) => Rect): FakeRange {
    return this._spawn(
      method,
      null,
      new FakeRange(this._ctx, () => {
        const t = this._modelNow(`Table.${method}`);
        return { sheet: t.sheet, rect: rectOf(t) };
      }),
    );
  }

  protected override _alive(table: TableModel): boolean {
    return this._ctx.host.model.tables.includes(table);
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'columns') return this.columns as FakeClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as FakeClientObject<unknown>;
    return undefined;
  }

  protected _snapshot(table: TableModel, prop: string): unknown {
    switch (prop) {
      case 'name':
        return table.name;
      case 'id':
        return table.id;
      case 'style':
        return table.style;
      case 'showHeaders':
        return true;
      default:
        return false;
    }
  }
}

interface TableColumnModel {
  table: TableModel;
  index: number;
}

export class FakeTableColumnCollection extends FakeCollection<TableModel, TableColumnModel, FakeTableColumn> {
  protected readonly _typeName = 'TableColumnCollection';
  protected readonly _itemScalars = ['name', 'index', 'id'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => TableModel) {
    super(ctx, resolver, false);
  }

  protected _itemModels(table: TableModel): TableColumnModel[] {
    return Array.from({ length: table.rect.columnCount }, (_, index) => ({ table, index }));
  }

  protected _makeItem(model: TableColumnModel): FakeTableColumn {
    return new FakeTableColumn(this._ctx, () => model);
  }
}

export class FakeTableColumn extends FakeClientObject<TableColumnModel> {
  protected readonly _typeName = 'TableColumn';
  protected readonly _scalars = ['name', 'index', 'id'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => TableColumnModel) {
    super(ctx, resolver, true);
  }

  get name(): string {
    return this._get('name');
  }
  get index(): number {
    return this._get('index');
  }
  get id(): number {
    return this._get('id');
  }

  protected _snapshot({ table, index }: TableColumnModel, prop: string): unknown {
    if (prop === 'index') return index;
    if (prop === 'id') return index + 1;
    return String(table.sheet.value(table.rect.row, table.rect.column + index));
  }
}
