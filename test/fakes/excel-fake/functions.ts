// workbook.functions of the Excel fake: worksheet functions evaluated without touching a cell.
// Only DATE is modelled; its serial follows the workbook's date system (1900 or 1904), which is
// how an add-in can tell the two apart with released APIs (ExcelApi 1.2).
import type { FakeRequestContext } from './context.js';
import { FakeOfficeError } from './errors.js';
import { type WorkbookModel, toSerial } from './model.js';
import { FakeClientObject } from './proxy.js';

/** Days from 1900-01-00 (1900 system) to 1904-01-01, serial 0 of the 1904 system. */
export const DAYS_1900_TO_1904 = 1462;

interface FunctionResultModel {
  readonly value: unknown;
  readonly error: string | null;
}

export class FakeFunctions extends FakeClientObject<WorkbookModel> {
  protected readonly _typeName = 'Functions';
  protected readonly _scalars: readonly string[] = [];

  constructor(ctx: FakeRequestContext, resolver: () => WorkbookModel) {
    super(ctx, resolver, false);
  }

  /** DATE(year; month; day) as the workbook computes it: a serial in its date system. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return this._spawn(
      'date',
      [year, month, day],
      new FakeFunctionResult(this._ctx, () => {
        const wb = this._modelNow('Functions.date');
        if (![year, month, day].every(Number.isInteger)) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `Functions.date(${year}, ${month}, ${day}): whole numbers only in the fake.`,
          );
        }
        const serial = toSerial(new Date(Date.UTC(year, month - 1, day)));
        const value = wb.date1904 ? serial - DAYS_1900_TO_1904 : serial;
        return value < 0 ? { value: '#NUM!', error: '#NUM!' } : { value, error: null };
      }),
    );
  }

  protected _snapshot(): unknown {
    return undefined;
  }
}

export class FakeFunctionResult extends FakeClientObject<FunctionResultModel> {
  protected readonly _typeName = 'FunctionResult';
  protected readonly _scalars = ['value', 'error'] as const;

  constructor(ctx: FakeRequestContext, resolver: () => FunctionResultModel | null) {
    super(ctx, resolver, true);
  }

  get value(): unknown {
    return this._get('value');
  }

  get error(): string | null {
    return this._get('error');
  }

  protected _snapshot(model: FunctionResultModel, prop: string): unknown {
    return prop === 'value' ? model.value : model.error;
  }
}
