// The layers hold (issue 8): the Excel adapter implements the workbook port and knows neither the
// pane nor the custom functions; the port and the engine depend on nothing outside themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(fileURLToPath(new URL('../../src', import.meta.url)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The top folders under src/ that a folder's files import from (relative imports only). */
function importedFolders(folder: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of filesUnder(join(SRC, folder))) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)) {
      const target = relative(SRC, resolve(dirname(file), spec!)).split(/[\\/]/)[0]!;
      if (target === folder) continue;
      out.set(target, [...(out.get(target) ?? []), relative(SRC, file)]);
    }
  }
  return out;
}

describe('layers', () => {
  it('src/excel imports only the engine and the workbook port', () => {
    expect([...importedFolders('excel').keys()].sort()).toEqual(['engine', 'workbook']);
  });

  it('src/workbook imports only the engine', () => {
    expect([...importedFolders('workbook').keys()]).toEqual(['engine']);
  });

  it('src/engine imports nothing outside itself', () => {
    expect(Object.fromEntries(importedFolders('engine'))).toEqual({});
  });
});
