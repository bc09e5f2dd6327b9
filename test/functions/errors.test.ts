// In Excel the functions throw CustomFunctions.Error; outside it a FunctionError with the same
// code and message. Nothing escapes as an uncaught plain exception.
import { afterEach, describe, expect, it } from 'vitest';
import { RunError } from '../../src/engine/index.js';
import { asFunctionError, FunctionError, invalidValue, notAvailable } from '../../src/functions/errors.js';
import * as F from '../../src/functions/functions.js';
import { fee, maxtaxa } from '../../src/functions/functions.js';

/** A stand-in for office.js's CustomFunctions global, with its real ErrorCode values. */
class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const fakeGlobal = {
  Error: FakeCustomFunctionsError,
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!' },
};

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
    expect(asFunctionError(new TypeError('x is undefined'))).toMatchObject({
      code: '#VALUE!',
      message: 'Oväntat fel i VT-avgifter: x is undefined',
    });
    expect(asFunctionError('sträng')).toMatchObject({ code: '#VALUE!', message: 'Oväntat fel i VT-avgifter: sträng' });
  });

  it('means no argument of any type makes a function throw anything but a function error', () => {
    const odd: unknown[] = [
      undefined,
      null,
      true,
      false,
      NaN,
      Infinity,
      -Infinity,
      -0,
      -1,
      0.5,
      1e300,
      2958466,
      45728.999,
      '',
      ' ',
      '0',
      '45728',
      '2025-3',
      '0000-01',
      '1899-12-31',
      '🙂',
      {},
      [],
      [[1]],
      [['2025-03']],
      new Date(NaN),
      Symbol('s'),
      10n,
    ];
    // Every parameter of every function, the others holding good values.
    const good: Record<string, unknown[]> = {
      fee: ['Larm', '2025-03', '2025-03-12', '2025-03-20', 'Ordinärt boende'],
      installationsavgift: ['Larm', '2025-03-12', 'Ny'],
      maxtaxa: ['2025-03'],
      prisbasbelopp: [2025],
      hks: [239, 0, 100, '2025-03'],
      personnummer: ['400101-1230', 2025],
      ersattning: ['Borttappad', '2025-03', '2025-03-20', '2025-03-01', 450],
      aktivadagar: ['2025-03', '2025-03-12', '2025-03-20'],
      tjanst: ['Larm'],
    };
    const functions = F as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const [name, args] of Object.entries(good)) {
      const expected = typeof functions[name]!(...args);
      for (let i = 0; i < args.length; i++) {
        for (const a of odd) {
          try {
            expect(typeof functions[name]!(...args.map((g, j) => (j === i ? a : g))), `${name} #${i}`).toBe(expected);
          } catch (e) {
            expect(e, `${name} #${i}`).toBeInstanceOf(FunctionError);
            expect((e as FunctionError).code).toMatch(/^#(VALUE!|N\/A)$/);
            expect((e as FunctionError).message).not.toMatch(/^Oväntat fel/);
          }
        }
      }
    }
  });
});
