// Workbook, application and settings proxies of the Excel fake.
import type { FakeRequestContext } from './context.js';
import { FakeOfficeError } from './errors.js';
import { FakeFunctions } from './functions.js';
import type { WorkbookModel } from './model.js';
import { FakeClientObject, FakeCollection } from './proxy.js';
import { FakeRange } from './range.js';
import { FakeTableCollection } from './table.js';
import { FakeWorksheetCollection } from './worksheet.js';

export class FakeWorkbook extends FakeClientObject<WorkbookModel> {
  protected readonly _typeName = 'Workbook';
  protected readonly _scalars: readonly string[] = [];
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  readonly functions: FakeFunctions;

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
    this.functions = new FakeFunctions(ctx, resolver);
    this.worksheets = new FakeWorksheetCollection(ctx, resolver);
    this.settings = new FakeSettingCollection(ctx, resolver);
    this.tables = new FakeTableCollection(ctx, () => ({ wb: resolver() }));
    this.application = new FakeApplication(ctx, resolver);
  }

  /** The selected range; A1 of the active sheet when nothing was selected. */
  getSelectedRange(): FakeRange {
    const wb = () => this._modelNow('Workbook.getSelectedRange');
    return this._spawn(
      'getSelectedRange',
      null,
      new FakeRange(this._ctx, () => {
        const m = wb();
        const sel = m.selection;
        if (sel) return { sheet: sel.sheet, rect: sel.rect };
        const sheet = m.activeSheet ?? m.sheets[0];
        if (!sheet) throw new FakeOfficeError('ItemNotFound', 'The workbook has no worksheet.');
        return { sheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
      }),
    );
  }

  protected _snapshot(): unknown {
    return undefined;
  }

  protected override _navigation(name: string): FakeClientObject<unknown> | undefined {
    const nav: Record<string, FakeClientObject<unknown>> = {
      worksheets: this.worksheets as FakeClientObject<unknown>,
      settings: this.settings as FakeClientObject<unknown>,
      tables: this.tables as FakeClientObject<unknown>,
      application: this.application as FakeClientObject<unknown>,
    };
    return nav[name];
  }
}

export class FakeApplication extends FakeClientObject<WorkbookModel> {
  protected readonly _typeName = 'Application';
  protected readonly _scalars: readonly string[] = ['calculationMode'];

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
  }

  /** Recorded on the request it belongs to (RequestRecord.suspendedCalculation). */
  suspendApiCalculationUntilNextSync(): void {
    this._ctx.enqueue('Application.suspendApiCalculationUntilNextSync', null, (exec) => {
      exec.record.suspendedCalculation = true;
    });
  }

  /** Recorded (FakeExcel.calculations) only: the fake has no formulas to recalculate. */
  calculate(calculationType: string): void {
    this._ctx.enqueue('Application.calculate', [calculationType], () => {
      if (!['Recalculate', 'Full', 'FullRebuild'].includes(calculationType)) {
        throw new FakeOfficeError('InvalidArgument', `Application.calculate: unknown calculation type "${calculationType}".`);
      }
      this._ctx.host.calculations.push(calculationType);
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._ctx.enqueue('Application.suspendScreenUpdatingUntilNextSync', null, () => undefined);
  }

  get calculationMode(): string {
    return this._get('calculationMode');
  }

  protected _snapshot(): unknown {
    return 'Automatic';
  }
}

export class FakeSettingCollection extends FakeCollection<WorkbookModel, string, FakeSetting> {
  protected readonly _typeName = 'SettingCollection';
  protected readonly _itemScalars = ['key', 'value'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
  }

  add(key: string, value: unknown): FakeSetting {
    const json = JSON.stringify(value);
    return this._spawn(
      'add',
      [key, value],
      new FakeSetting(this._ctx, () => {
        if (typeof key !== 'string' || key.length === 0)
          throw new FakeOfficeError('InvalidArgument', 'A setting key must be a non-empty string.');
        if (json === undefined) throw new FakeOfficeError('InvalidArgument', `Setting "${key}" must be JSON-serialisable.`);
        this._modelNow('SettingCollection.add').settings.set(key, json);
        return key;
      }),
    );
  }

  getItem(key: string): FakeSetting {
    return this._spawn(
      'getItem',
      [key],
      new FakeSetting(this._ctx, () => {
        if (!this._modelNow('SettingCollection.getItem').settings.has(key)) {
          throw new FakeOfficeError('ItemNotFound', `No setting "${key}".`);
        }
        return key;
      }),
    );
  }

  getItemOrNullObject(key: string): FakeSetting {
    return this._spawn(
      'getItemOrNullObject',
      [key],
      new FakeSetting(this._ctx, () => (this._modelNow('SettingCollection.getItemOrNullObject').settings.has(key) ? key : null)),
    );
  }

  protected _itemModels(model: WorkbookModel): string[] {
    return [...model.settings.keys()];
  }

  protected _makeItem(key: string): FakeSetting {
    return new FakeSetting(this._ctx, () => key, true);
  }
}

export class FakeSetting extends FakeClientObject<string> {
  protected readonly _typeName = 'Setting';
  protected readonly _scalars = ['key', 'value'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => string | null, created = true) {
    super(ctx, resolver, created);
  }

  get key(): string {
    return this._get('key');
  }

  get value(): unknown {
    return this._get('value');
  }

  set value(v: unknown) {
    const json = JSON.stringify(v);
    this._set('value', v, (key) => {
      if (json === undefined) throw new FakeOfficeError('InvalidArgument', `Setting "${key}" must be JSON-serialisable.`);
      this._ctx.host.model.settings.set(key, json);
    });
  }

  delete(): void {
    this._call('delete', null, (key) => this._ctx.host.model.settings.delete(key));
  }

  protected override _alive(key: string): boolean {
    return this._ctx.host.model.settings.has(key);
  }

  protected _snapshot(key: string, prop: string): unknown {
    if (prop === 'key') return key;
    return JSON.parse(this._ctx.host.model.settings.get(key) ?? 'null') as unknown;
  }
}
