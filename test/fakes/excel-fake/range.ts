// Range proxies of the Excel fake (values, number formats, column widths, fill).
import { type Rect, checked, qualifiedAddress, rectToA1 } from './address.js';
import type { FakeRequestContext } from './context.js';
import { FakeOfficeError } from './errors.js';
import { type CellValue, NO_FILL, type SheetModel, coerceInput, formatText, valueType } from './model.js';
import { FakeClientObject } from './proxy.js';
import { FakeWorksheet } from './worksheet.js';

export interface RangeModel {
  sheet: SheetModel;
  rect: Rect;
}

function cellCount(rect: Rect): number {
  return rect.rowCount * rect.columnCount;
}

/** Applies a 2-D array (or one value for every cell) to a rectangle; null leaves a cell alone. */
function forEachInput(
  where: string,
  rect: Rect,
  input: unknown,
  each: (row: number, column: number, value: unknown) => void,
): void {
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) throw new FakeOfficeError('InvalidArgument', `${where}: no value given.`);
    for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) each(rect.row + r, rect.column + c, input);
    return;
  }
  const rows = input as unknown[];
  const badShape = rows.length !== rect.rowCount || rows.some((row) => !Array.isArray(row) || row.length !== rect.columnCount);
  if (badShape) {
    const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : '?';
    throw new FakeOfficeError(
      'InvalidArgument',
      `${where}: the input array is ${rows.length}x${width} but the range is ${rect.rowCount}x${rect.columnCount}.`,
    );
  }
  rows.forEach((row, r) =>
    (row as unknown[]).forEach((value, c) => {
      if (value !== null) each(rect.row + r, rect.column + c, value);
    }),
  );
}

export class FakeRange extends FakeClientObject<RangeModel> {
  protected readonly _typeName = 'Range';
  protected readonly _scalars = [
    'address',
    'addressLocal',
    'values',
    'valueTypes',
    'numberFormat',
    'text',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
  ] as const;
  readonly format: FakeRangeFormat;

  constructor(ctx: FakeRequestContext, resolver: () => RangeModel | null, created = true) {
    super(ctx, resolver, created);
    this.format = new FakeRangeFormat(ctx, () => this._modelNow('Range.format'));
  }

  private _worksheet: FakeWorksheet | undefined;
  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this._ctx, () => this._modelNow('Range.worksheet').sheet, false);
    return this._worksheet;
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get values(): CellValue[][] {
    return this._get('values');
  }
  set values(input: unknown[][]) {
    this._set('values', input, (range) => {
      forEachInput('Range.values', range.rect, input, (r, c, v) => {
        const coerced = coerceInput(
          v,
          range.sheet.format(r, c),
          `Range.values at ${qualifiedAddress(range.sheet.name, { row: r, column: c, rowCount: 1, columnCount: 1 })}`,
        );
        range.sheet.setValue(r, c, coerced.value);
        if (coerced.impliedFormat) range.sheet.setFormat(r, c, coerced.impliedFormat);
      });
      this._ctx.host.events.note({
        event: 'Worksheet.onChanged',
        sheet: range.sheet,
        args: {
          type: 'WorksheetChanged',
          worksheetId: range.sheet.id,
          address: rectToA1(range.rect),
          changeType: 'RangeEdited',
          source: 'Local',
        },
      });
    });
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this._set('numberFormat', input, (range) =>
      forEachInput('Range.numberFormat', range.rect, input, (r, c, v) => {
        if (typeof v !== 'string')
          throw new FakeOfficeError('InvalidArgument', `Range.numberFormat: formats must be strings, got ${typeof v}.`);
        range.sheet.setFormat(r, c, v);
      }),
    );
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }

  /** One row of this range (0-based within the range), as Office.js Range.getRow. */
  getRow(row: number): FakeRange {
    return this._spawn(
      'getRow',
      [row],
      new FakeRange(this._ctx, () => {
        const { sheet, rect } = this._modelNow('Range.getRow');
        if (!Number.isInteger(row) || row < 0 || row >= rect.rowCount) {
          throw new FakeOfficeError('InvalidArgument', `getRow(${row}) is outside a range of ${rect.rowCount} rows.`);
        }
        return { sheet, rect: { row: rect.row + row, column: rect.column, rowCount: 1, columnCount: rect.columnCount } };
      }),
    );
  }

  /** Cell relative to this range's top-left corner. */
  getCell(row: number, column: number): FakeRange {
    return this._spawn(
      'getCell',
      [row, column],
      new FakeRange(this._ctx, () => {
        const { sheet, rect } = this._modelNow('Range.getCell');
        return { sheet, rect: checked(`getCell(${row}, ${column})`, rect.row + row, rect.column + column, 1, 1) };
      }),
    );
  }

  select(): void {
    this._call('select', null, (range) => {
      const wb = this._ctx.host.model;
      wb.activeSheet = range.sheet;
      wb.selection = { sheet: range.sheet, rect: range.rect };
    });
  }

  protected override _alive(range: RangeModel): boolean {
    return this._ctx.host.model.sheets.includes(range.sheet);
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'format') return this.format as FakeClientObject<unknown>;
    if (name === 'worksheet') return this.worksheet as FakeClientObject<unknown>;
    return undefined;
  }

  private grid<T>(range: RangeModel, prop: string, cell: (r: number, c: number) => T): T[][] {
    const { rect } = range;
    if (cellCount(rect) > this._ctx.host.limits.cellsPerLoad) {
      throw new FakeOfficeError(
        'RangeExceedsLimit',
        `Range.load("${prop}") on ${cellCount(rect)} cells exceeds the fake's limit of ${this._ctx.host.limits.cellsPerLoad} cells per load.`,
      );
    }
    const out: T[][] = new Array<T[]>(rect.rowCount);
    for (let r = 0; r < rect.rowCount; r++) {
      const row = new Array<T>(rect.columnCount);
      for (let c = 0; c < rect.columnCount; c++) row[c] = cell(rect.row + r, rect.column + c);
      out[r] = row;
    }
    return out;
  }

  protected _snapshot(range: RangeModel, prop: string): unknown {
    const { sheet, rect } = range;
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return qualifiedAddress(sheet.name, rect);
      case 'values':
        return this.grid(range, prop, (r, c) => sheet.value(r, c));
      case 'valueTypes':
        return this.grid(range, prop, (r, c) => valueType(sheet.value(r, c)));
      case 'numberFormat':
        return this.grid(range, prop, (r, c) => sheet.format(r, c));
      case 'text':
        return this.grid(range, prop, (r, c) => formatText(sheet.value(r, c), sheet.format(r, c)));
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rowCount;
      case 'columnCount':
        return rect.columnCount;
      default:
        return cellCount(rect);
    }
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeModel> {
  protected readonly _typeName = 'RangeFormat';
  protected readonly _scalars = ['columnWidth', 'rowHeight'] as const;
  readonly fill: FakeRangeFill;

  constructor(ctx: FakeRequestContext, resolver: () => RangeModel) {
    super(ctx, resolver, false);
    this.fill = new FakeRangeFill(ctx, resolver);
  }

  /** Null when the columns differ, as Excel reports mixed widths. */
  get columnWidth(): number | null {
    return this._get('columnWidth');
  }

  set columnWidth(width: number) {
    this._set('columnWidth', width, ({ sheet, rect }) => {
      if (typeof width !== 'number' || !(width >= 0)) throw new FakeOfficeError('InvalidArgument', `columnWidth ${width}`);
      for (let c = 0; c < rect.columnCount; c++) sheet.columnWidths.set(rect.column + c, width);
    });
  }

  get rowHeight(): number {
    return this._get('rowHeight');
  }

  /** Sets each column to fit the longest displayed text within this range (~5.25 pt per character). */
  autofitColumns(): void {
    this._call('autofitColumns', null, ({ sheet, rect }) => {
      const limit = this._ctx.host.limits.cellsPerLoad;
      if (cellCount(rect) > limit) {
        throw new FakeOfficeError(
          'RangeExceedsLimit',
          `autofitColumns on ${cellCount(rect)} cells exceeds the fake's limit of ${limit}.`,
        );
      }
      for (let c = 0; c < rect.columnCount; c++) {
        let longest = 0;
        for (let r = 0; r < rect.rowCount; r++) {
          const col = rect.column + c;
          const text = formatText(sheet.value(rect.row + r, col), sheet.format(rect.row + r, col));
          if (text.length > longest) longest = text.length;
        }
        sheet.columnWidths.set(rect.column + c, longest === 0 ? 48 : Math.min(1_344, Math.round(longest * 5.25 + 7.5)));
      }
    });
  }

  autofitRows(): void {
    this._call('autofitRows', null, () => undefined);
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    return name === 'fill' ? (this.fill as FakeClientObject<unknown>) : undefined;
  }

  protected _snapshot({ sheet, rect }: RangeModel, prop: string): unknown {
    if (prop === 'rowHeight') return 15;
    const first = sheet.columnWidth(rect.column);
    for (let c = 1; c < rect.columnCount; c++) if (sheet.columnWidth(rect.column + c) !== first) return null;
    return first;
  }
}

export class FakeRangeFill extends FakeClientObject<RangeModel> {
  protected readonly _typeName = 'RangeFill';
  protected readonly _scalars = ['color'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => RangeModel) {
    super(ctx, resolver, false);
  }

  /** "#FFFFFF" without fill, null when cells differ (as Excel). */
  get color(): string | null {
    return this._get('color');
  }

  set color(color: string) {
    this._set('color', color, ({ sheet, rect }) => {
      if (typeof color !== 'string' || !/^(#[0-9a-f]{6}|[a-z]+)$/i.test(color)) {
        throw new FakeOfficeError('InvalidArgument', `fill.color "${color}" is not #RRGGBB or a colour name.`);
      }
      const value = color.startsWith('#') ? color.toUpperCase() : color.toLowerCase();
      for (let r = 0; r < rect.rowCount; r++)
        for (let c = 0; c < rect.columnCount; c++) sheet.setFill(rect.row + r, rect.column + c, value);
    });
  }

  clear(): void {
    this._call('clear', null, ({ sheet, rect }) => {
      for (let r = 0; r < rect.rowCount; r++)
        for (let c = 0; c < rect.columnCount; c++) sheet.setFill(rect.row + r, rect.column + c, undefined);
    });
  }

  protected _snapshot({ sheet, rect }: RangeModel): unknown {
    let seen: string | undefined;
    for (let r = 0; r < rect.rowCount; r++) {
      for (let c = 0; c < rect.columnCount; c++) {
        const color = sheet.fill(rect.row + r, rect.column + c) ?? NO_FILL;
        if (seen === undefined) seen = color;
        else if (seen !== color) return null;
      }
    }
    return seen ?? NO_FILL;
  }
}
