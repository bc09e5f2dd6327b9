// The functions.json the build generates from src/functions/functions.ts (same generator as
// custom-functions-metadata-plugin): ids, names, parameters, types, optionality and Swedish help
// are what users are told (docs/functions.md).
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as functions from '../../src/functions/functions.js';

const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/functions/functions.ts');

interface Parameter {
  name: string;
  type?: string;
  optional?: boolean;
  description?: string;
  dimensionality?: string;
  repeating?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: object;
}

let metadata: { functions: FunctionMetadata[] };
let associate: Array<{ id: string; functionName: string }>;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(source);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson);
  associate = result.associate;
});

const byId = (id: string): FunctionMetadata => {
  const f = metadata.functions.find((x) => x.id === id);
  if (!f) throw new Error(`no function ${id}`);
  return f;
};

/** [name, type, optional] per parameter. */
const signature = (id: string): Array<[string, string | undefined, boolean]> =>
  byId(id).parameters.map((p) => [p.name, p.type, p.optional === true]);

describe('functions.json', () => {
  it('declares exactly these functions, each associated with an exported function', () => {
    expect(metadata.functions.map((f) => [f.id, f.name])).toEqual([
      ['FEE', 'FEE'],
      ['INSTALLATIONSAVGIFT', 'INSTALLATIONSAVGIFT'],
      ['MAXTAXA', 'MAXTAXA'],
      ['PRISBASBELOPP', 'PRISBASBELOPP'],
      ['HKS', 'HKS'],
      ['PERSONNUMMER', 'PERSONNUMMER'],
      ['ERSATTNING', 'ERSÄTTNING'],
      ['AKTIVADAGAR', 'AKTIVADAGAR'],
      ['TJANST', 'TJÄNST'],
      ['VERSION', 'VERSION'],
    ]);
    for (const f of metadata.functions) {
      const a = associate.find((x) => x.id === f.id)!;
      expect(typeof (functions as Record<string, unknown>)[a.functionName], f.id).toBe('function');
      expect(f.options, `${f.id} must be neither volatile nor streaming`).toBeUndefined();
    }
  });

  it("gives the parameters, types and optionality of the issue's signatures", () => {
    expect(signature('FEE')).toEqual([
      ['tjänst', 'string', false],
      ['månad', 'any', false],
      ['installerad', 'any', false],
      ['avslutad', 'any', true],
      ['boende', 'any', true],
    ]);
    expect(signature('INSTALLATIONSAVGIFT')).toEqual([
      ['tjänst', 'string', false],
      ['installationsdatum', 'any', false],
      ['installationstyp', 'any', true],
    ]);
    expect(signature('MAXTAXA')).toEqual([['månad', 'any', false]]);
    // Amounts and years are `any`: Excel's own coercion of a `number` parameter would turn SANT into 1
    // and refuse text without a Swedish message.
    expect(signature('PRISBASBELOPP')).toEqual([['år', 'any', false]]);
    // Excel refuses a required parameter after an optional one (office-js#1749): månad is optional
    // in the metadata and checked by the function.
    expect(signature('HKS')).toEqual([
      ['avgifter_inom_skyddet', 'any', false],
      ['övriga_avgifter', 'any', false],
      ['avgiftsutrymme', 'any', true],
      ['månad', 'any', true],
    ]);
    expect(signature('PERSONNUMMER')).toEqual([
      ['text', 'any', false],
      ['år', 'any', true],
    ]);
    expect(signature('ERSATTNING')).toEqual([
      ['återlämning', 'any', false],
      ['månad', 'any', false],
      ['avslutad', 'any', true],
      ['påminnelse', 'any', true],
      ['kostnad', 'any', true],
    ]);
    expect(signature('AKTIVADAGAR')).toEqual([
      ['månad', 'any', false],
      ['installerad', 'any', false],
      ['avslutad', 'any', true],
    ]);
    expect(signature('TJANST')).toEqual([['text', 'string', false]]);
    expect(signature('VERSION')).toEqual([]);
  });

  it('returns scalars: numbers for amounts and days, text for names and numbers', () => {
    for (const id of ['FEE', 'INSTALLATIONSAVGIFT', 'MAXTAXA', 'PRISBASBELOPP', 'HKS', 'ERSATTNING', 'AKTIVADAGAR'])
      expect(byId(id).result).toEqual({ type: 'number' });
    for (const id of ['PERSONNUMMER', 'TJANST', 'VERSION']) expect(byId(id).result).toEqual({ type: 'string' });
    for (const f of metadata.functions)
      for (const p of f.parameters) expect([p.dimensionality, p.repeating]).toEqual([undefined, undefined]);
  });

  it('never has a required parameter after an optional one (Excel would not load the add-in)', () => {
    for (const f of metadata.functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(
          f.parameters.slice(firstOptional).every((p) => p.optional),
          f.id,
        ).toBe(true);
    }
  });

  it('has a Swedish description for every function and parameter', () => {
    const SWEDISH = /\b(och|eller|för|som|en|ett|av|i|till|om|med|den|det|är|år|månad|dag|avgift|kronor|tjänst)\b|[åäöÅÄÖ]/i;
    const ENGLISH = /\b(the|and|of|for|returns?|value|month|date|service|fee|amount|optional)\b/i;
    for (const f of metadata.functions) {
      const texts = [f.description ?? '', ...f.parameters.map((p) => p.description ?? '')];
      for (const t of texts) {
        expect(t.length, `${f.id}: empty help`).toBeGreaterThan(10);
        expect(t, `${f.id}: not Swedish`).toMatch(SWEDISH);
        expect(t, `${f.id}: English word`).not.toMatch(ENGLISH);
      }
    }
  });

  it("keeps parameter help within the 128 characters of Excel's metadata schema", () => {
    for (const f of metadata.functions)
      for (const p of f.parameters) expect(p.description!.length, `${f.id}.${p.name}`).toBeLessThanOrEqual(128);
  });

  it('names the rule each amount follows (R1, R3, R5)', () => {
    expect(byId('FEE').description).toMatch(/\bR1\b/);
    expect(byId('INSTALLATIONSAVGIFT').description).toMatch(/\bR3\b/);
    expect(byId('HKS').description).toMatch(/\bR5\b/);
    expect(byId('ERSATTNING').description).toMatch(/\bR4\b/);
  });
});
