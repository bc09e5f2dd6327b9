// A reference to an empty cell reaches a custom function as 0 in Excel for Windows and as null
// in Excel on the web (office-js#4702); an empty argument (`;;`) is null on both. Every argument
// that may be empty must give the same answer for both.
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  aktivadagar,
  ersattning,
  fee,
  hks,
  installationsavgift,
  maxtaxa,
  personnummer,
  prisbasbelopp,
  tjanst,
} from '../../src/functions/functions.js';
import { FunctionError } from '../../src/functions/errors.js';
import { resetWorkbookTariff } from '../../src/functions/tariffSource.js';

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/functions/functions.ts');
const WINDOWS_EMPTY = 0;
const WEB_EMPTY = null;

type Outcome = { readonly value: unknown } | { readonly code: string; readonly message: string };

function outcomeOf(call: () => unknown): Outcome {
  try {
    return { value: call() };
  } catch (e) {
    if (!(e instanceof FunctionError)) throw e;
    return { code: e.code, message: e.message };
  }
}

interface EmptyCase {
  readonly argument: string;
  readonly call: (empty: never) => unknown;
  /** The answer for an empty cell: a value, or the start of the #VALUE! message. */
  readonly expected: { readonly value: unknown } | { readonly error: RegExp };
}

const THIS_YEAR = new Date().getFullYear();

const CASES: readonly EmptyCase[] = [
  // VT.FEE
  { argument: 'FEE tjänst', call: (e) => fee(e, '2025-03', '2025-01-01'), expected: { error: /^Tjänst saknas/ } },
  { argument: 'FEE månad', call: (e) => fee('Trygghetslarm', e, '2025-01-01'), expected: { error: /^Månad saknas/ } },
  {
    argument: 'FEE installerad',
    call: (e) => fee('Trygghetslarm', '2025-03', e),
    expected: { error: /^Installationsdatum saknas/ },
  },
  { argument: 'FEE avslutad', call: (e) => fee('Trygghetslarm', '2025-03', '2025-01-01', e), expected: { value: 239 } },
  { argument: 'FEE boende', call: (e) => fee('Trygghetslarm', '2025-03', '2025-01-01', null, e), expected: { value: 239 } },
  // VT.INSTALLATIONSAVGIFT
  {
    argument: 'INSTALLATIONSAVGIFT tjänst',
    call: (e) => installationsavgift(e, '2025-03-20'),
    expected: { error: /^Tjänst saknas/ },
  },
  {
    argument: 'INSTALLATIONSAVGIFT installationsdatum',
    call: (e) => installationsavgift('Digital tillsyn', e),
    expected: { error: /^Installationsdatum saknas/ },
  },
  {
    argument: 'INSTALLATIONSAVGIFT installationstyp',
    call: (e) => installationsavgift('Digital tillsyn', '2025-03-20', e),
    expected: { value: 200 },
  },
  // VT.MAXTAXA, VT.PRISBASBELOPP
  { argument: 'MAXTAXA månad', call: (e) => maxtaxa(e), expected: { error: /^Månad saknas/ } },
  { argument: 'PRISBASBELOPP år', call: (e) => prisbasbelopp(e), expected: { error: /^År saknas/ } },
  // VT.HKS: both sums are "0 if none"; an empty avgiftsutrymme is 0 ("" is none)
  { argument: 'HKS avgifter_inom_skyddet', call: (e) => hks(e, 2500, '', '2025-03'), expected: { value: 0 } },
  { argument: 'HKS övriga_avgifter', call: (e) => hks(3000, e, '', '2025-03'), expected: { value: 2642 } },
  { argument: 'HKS avgiftsutrymme', call: (e) => hks(239, 0, e, '2025-03'), expected: { value: 0 } },
  { argument: 'HKS övriga_avgifter and avgiftsutrymme', call: (e) => hks(239, e, e, '2025-03'), expected: { value: 0 } },
  {
    argument: 'HKS månad',
    call: (e) => hks(239, 0, '', e),
    expected: { error: /^Månad saknas\. VT\.HKS behöver månaden som fjärde argument/ },
  },
  // VT.PERSONNUMMER: an empty year is this year
  { argument: 'PERSONNUMMER text', call: (e) => personnummer(e, 2025), expected: { error: /saknas/ } },
  {
    argument: 'PERSONNUMMER år',
    call: (e) => personnummer('400101-1230', e),
    expected: { value: THIS_YEAR - 1940 <= 99 ? '19400101-1230' : '20400101-1230' },
  },
  // VT.ERSÄTTNING
  { argument: 'ERSATTNING återlämning', call: (e) => ersattning(e, '2025-03', '2025-03-20', null, 450), expected: { value: 0 } },
  {
    argument: 'ERSATTNING månad',
    call: (e) => ersattning('Borttappad', e, '2025-03-20', null, 450),
    expected: { error: /^Månad saknas/ },
  },
  {
    argument: 'ERSATTNING avslutad',
    call: (e) => ersattning('Ej återlämnad', '2025-03', e, '2025-02-10', 2400),
    expected: { value: 2400 },
  },
  {
    argument: 'ERSATTNING påminnelse',
    call: (e) => ersattning('Ej återlämnad', '2025-03', '2025-01-31', e, 2400),
    expected: { value: 0 },
  },
  {
    argument: 'ERSATTNING kostnad, charge due',
    call: (e) => ersattning('Borttappad', '2025-03', '2025-03-20', null, e),
    expected: { error: /^Kostnad saknas men ersättning ska tas ut \(borttappad teknik 2025-03-20\)/ },
  },
  {
    argument: 'ERSATTNING kostnad, nothing due',
    call: (e) => ersattning('Borttappad', '2025-04', '2025-03-20', null, e),
    expected: { value: 0 },
  },
  // VT.AKTIVADAGAR, VT.TJÄNST
  { argument: 'AKTIVADAGAR månad', call: (e) => aktivadagar(e, '2025-03-12'), expected: { error: /^Månad saknas/ } },
  {
    argument: 'AKTIVADAGAR installerad',
    call: (e) => aktivadagar('2025-03', e),
    expected: { error: /^Installationsdatum saknas/ },
  },
  { argument: 'AKTIVADAGAR avslutad', call: (e) => aktivadagar('2025-03', '2025-03-12', e), expected: { value: 20 } },
  { argument: 'TJANST text', call: (e) => tjanst(e), expected: { error: /^Tjänst saknas/ } },
];

describe('an empty cell gives the same answer in Excel for Windows (0) and on the web (null)', () => {
  beforeEach(() => resetWorkbookTariff());

  it.each(CASES)('$argument', ({ call, expected }) => {
    const windows = outcomeOf(() => call(WINDOWS_EMPTY as never));
    const web = outcomeOf(() => call(WEB_EMPTY as never));
    expect(windows).toEqual(web);
    if ('value' in expected) expect(windows).toEqual({ value: expected.value });
    else expect(windows).toEqual({ code: '#VALUE!', message: expect.stringMatching(expected.error) });
  });

  it('covers every parameter of every function', async () => {
    const generated = await generateCustomFunctionsMetadata(SOURCE);
    const { functions } = JSON.parse(generated.metadataJson) as { functions: { id: string; parameters: { name: string }[] }[] };
    const parameters = functions.flatMap((f) => f.parameters.map((p) => `${f.id} ${p.name}`));
    expect(parameters.length).toBeGreaterThan(20);
    for (const parameter of parameters) {
      expect(
        CASES.some((c) => c.argument.startsWith(parameter)),
        parameter,
      ).toBe(true);
    }
  });
});

describe('VT.HKS avgiftsutrymme: 0 is a room of 0, "" is none', () => {
  beforeEach(() => resetWorkbookTariff());

  it('charges nothing for 0 or an empty cell, and up to maxtaxa − other fees for ""', () => {
    expect(hks(239, 2500, 0, '2025-03')).toBe(0);
    expect(hks(239, 2500, null, '2025-03')).toBe(0);
    expect(hks(239, 2500, '', '2025-03')).toBe(142); // §8 E
    expect(hks(239, 2500, '  ', '2025-03')).toBe(142);
  });
});

describe('VT.ERSÄTTNING kostnad: 0 reads like an empty cell', () => {
  beforeEach(() => resetWorkbookTariff());

  it('asks for the cost instead of charging 0 kr', () => {
    for (const empty of [0, null, '']) {
      expect(outcomeOf(() => ersattning('Obrukbar', '2025-03', '2025-03-20', null, empty))).toEqual({
        code: '#VALUE!',
        message: expect.stringMatching(/^Kostnad saknas men ersättning ska tas ut/),
      });
    }
    expect(ersattning('Obrukbar', '2025-03', '2025-03-20', null, 0.5)).toBe(0.5);
  });
});
