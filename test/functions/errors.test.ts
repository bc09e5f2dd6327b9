// In Excel the functions throw CustomFunctions.Error; outside it a FunctionError with the same
// code and message. Nothing escapes as an uncaught plain exception.
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../../src/engine/index.js';
import { asFunctionError, FunctionError, invalidValue, notAvailable } from '../../src/functions/errors.js';
import { fee, maxtaxa } from '../../src/functions/functions.js';

/** A stand-in for office.js's CustomFunctions global, with its real ErrorCode values. */
class FakeCustomFunctionsError {
  constructor(readonly code: string, readonly message?: string) {}
}
const fakeGlobal = { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' } };

afterEach(() => {
  delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
});

describe('errors without office.js (node tests)', () => {
  it('are FunctionError with the Excel code and the Swedish message', () => {
    const e = invalidValue('Fel värde.');
    expect(e).toBeInstanceOf(FunctionError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: '#VALUE!', message: 'Fel värde.' });
    expect(notAvailable('Saknas.')).toMatchObject({ code: '#N/A', message: 'Saknas.' });
  });
});

describe('errors inside Excel (CustomFunctions global present)', () => {
  it('are CustomFunctions.Error with ErrorCode.invalidValue or ErrorCode.notAvailable', () => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = fakeGlobal;
    let thrown: unknown;
    try {
      fee('Spis', '2025-03', '2025-03-12');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
    expect(thrown).toMatchObject({ code: '#VALUE!', message: expect.stringMatching(/^Okänd tjänst "Spis"/) });
    try {
      maxtaxa('2031-01');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
    expect(thrown).toMatchObject({ code: '#N/A', message: expect.stringMatching(/^Prisbasbelopp saknas för år 2031/) });
  });
});

describe('asFunctionError', () => {
  it('keeps function errors, turns RunError into #N/A and anything else into #VALUE!', () => {
    const own = invalidValue('x');
    expect(asFunctionError(own)).toBe(own);
    expect(asFunctionError(new RunError('Ingen taxa.'))).toMatchObject({ code: '#N/A', message: 'Ingen taxa.' });
    // A RunError from another bundle's copy of the engine is recognised by its name.
    const foreign = Object.assign(new Error('Prisbasbelopp saknas.'), { name: 'RunError' });
    expect(asFunctionError(foreign)).toMatchObject({ code: '#N/A', message: 'Prisbasbelopp saknas.' });
    expect(asFunctionError(new TypeError('x is undefined'))).toMatchObject({ code: '#VALUE!', message: 'Oväntat fel i VT-avgifter: x is undefined' });
    expect(asFunctionError('sträng')).toMatchObject({ code: '#VALUE!', message: 'Oväntat fel i VT-avgifter: sträng' });
  });

  it('means no argument of any type makes a function throw anything but a function error', () => {
    const odd: unknown[] = [undefined, null, true, false, NaN, Infinity, -0, 1e300, '', ' ', '🙂', {}, [], [[1]], new Date(NaN), Symbol('s')];
    for (const a of odd) {
      for (const call of [() => fee(a as never, '2025-03', '2025-03-12'), () => fee('Larm', a as never, '2025-03-12'), () => fee('Larm', '2025-03', a as never),
        () => fee('Larm', '2025-03', '2025-03-12', a as never, a as never), () => maxtaxa(a as never)]) {
        try {
          const v = call();
          expect(typeof v).toBe('number');
        } catch (e) {
          expect(e).toBeInstanceOf(FunctionError);
          expect((e as FunctionError).code).toMatch(/^#(VALUE!|N\/A)$/);
        }
      }
    }
  });
});
