// The command line's arguments (issue 8 item 6, issue 9 item 11): node:util's parseArgs in strict
// mode, its errors in Swedish, settings read by the engine's one settings parser.
import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs } from '../../src/cli/args.js';
import { parseExportArgs } from '../../src/cli/exportArgs.js';

const BASE = ['--in', 'register.xlsx', '--month', '2025-03'];

function refusal(argv: string[]): string {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(ArgsError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('command-line arguments', () => {
  it('reads every option, settings through the engine parser (codes or Swedish words)', () => {
    expect(
      parseArgs([
        ...BASE,
        '--out',
        'f.xlsx',
        '--proration',
        'Faktiska dagar',
        '--reminder-days',
        '45',
        '--correction-months',
        '6',
        '--retro-debits',
        'bill',
        '--sheet',
        'Register 2025',
        '--billed',
        'faktura-2025-01.xlsx',
        '--billed=faktura-2025-02.xlsx',
        '--force',
      ]),
    ).toEqual({
      help: false,
      input: 'register.xlsx',
      month: { year: 2025, month: 3 },
      output: 'f.xlsx',
      sheet: 'Register 2025',
      force: true,
      billed: ['faktura-2025-01.xlsx', 'faktura-2025-02.xlsx'],
      proration: 'actual-days',
      reminderDays: 45,
      correctionMonths: 6,
      retroDebits: 'bill',
    });
    expect(parseArgs([...BASE, '--in=other.xlsx'].slice(2))).toMatchObject({ input: 'other.xlsx', force: false, billed: [] });
    expect(parseArgs(['-h'])).toEqual({ help: true });
    expect(parseArgs([...BASE, '--help'])).toEqual({ help: true });
  });

  it('--out --force is an error, not a file named "--force"', () => {
    const message = refusal([...BASE, '--out', '--force']);
    expect(message).toContain('--out behöver ett värde');
    expect(message).toContain('--force');
    // Written on purpose, a name starting with a dash is still possible.
    expect(parseArgs([...BASE, '--out=-x.xlsx'])).toMatchObject({ output: '-x.xlsx' });
  });

  it('settings out of range state the range', () => {
    expect(refusal([...BASE, '--reminder-days', '3651'])).toMatch(/--reminder-days: .*från 0 till 3650 \(fick "3651"\)/);
    expect(refusal([...BASE, '--reminder-days', '-1'])).toMatch(/--reminder-days/);
    expect(refusal([...BASE, '--correction-months', '37'])).toMatch(/--correction-months: .*från 0 till 36/);
    expect(refusal([...BASE, '--retro-debits', 'ibland'])).toMatch(/--retro-debits: .*"ibland"/);
    expect(refusal([...BASE, '--proration', 'halv'])).toMatch(/--proration: .*"halv"/);
  });

  it("gives parseArgs' own errors in Swedish, naming the argument", () => {
    expect(refusal([...BASE, '--bogus'])).toBe('Okänt argument "--bogus".');
    expect(refusal([...BASE, '-q'])).toBe('Okänt argument "-q".');
    expect(refusal([...BASE, 'extra.xlsx'])).toMatch(/^Okänt argument "extra.xlsx"\. .*--in/);
    expect(refusal([...BASE, '--sheet'])).toBe('--sheet behöver ett värde.');
    expect(refusal([...BASE, '--force=ja'])).toBe('--force tar inget värde (fick "--force=ja").');
    expect(refusal(['--in', '', '--month', '2025-03'])).toBe('--in behöver ett värde.');
    expect(refusal([...BASE, '--in', 'b.xlsx'])).toBe('--in anges två gånger.');
    expect(refusal([...BASE, '--billed'])).toBe('--billed behöver ett värde.');
    expect(refusal([...BASE, '--billed', '--force'])).toContain('--billed behöver ett värde, men följs av "--force"');
    for (const m of [refusal([...BASE, '--bogus']), refusal([...BASE, '--sheet']), refusal([...BASE, 'x'])]) {
      expect(m).not.toMatch(/Unknown|argument missing|positional|ambiguous/);
    }
  });

  it('says what is missing', () => {
    expect(refusal(['--month', '2025-03'])).toContain('--in REGISTER.xlsx');
    expect(refusal(['--in', 'r.xlsx'])).toContain('--month ÅÅÅÅ-MM');
    expect(refusal(['--in', 'r.xlsx', '--month', '2025-13'])).toContain('ÅÅÅÅ-MM');
  });
});

describe('npm run export arguments', () => {
  const exportRefusal = (argv: string[]): string => {
    try {
      parseExportArgs(argv);
    } catch (e) {
      expect(e).toBeInstanceOf(ArgsError);
      return (e as Error).message;
    }
    throw new Error(`accepted: ${argv.join(' ')}`);
  };
  const EXPORT = ['--in', 'faktura.xlsx', '--month', '2025-03', '--out', 'u.txt'];

  it('reads the export, --format in Swedish or as a code, and --template alone', () => {
    expect(parseExportArgs([...EXPORT, '--format', 'Fast', '--settings', 'export.xlsx', '--force'])).toEqual({
      mode: 'export',
      input: 'faktura.xlsx',
      month: { year: 2025, month: 3 },
      output: 'u.txt',
      format: 'fixed',
      settings: 'export.xlsx',
      force: true,
    });
    expect(parseExportArgs([...EXPORT, '--format', 'CSV'])).toMatchObject({ format: 'csv', force: false });
    expect(parseExportArgs(['--template', 'mall.xlsx'])).toEqual({ mode: 'template', output: 'mall.xlsx', force: false });
    expect(parseExportArgs(['-h'])).toEqual({ mode: 'help' });
  });

  it('says in Swedish what is wrong', () => {
    expect(exportRefusal([...EXPORT, '--format', 'xml'])).toBe('--format kan inte vara "xml". Skriv fast eller csv.');
    expect(exportRefusal(['--month', '2025-03', '--out', 'u.txt'])).toContain('--in FAKTURA.xlsx');
    expect(exportRefusal(['--in', 'f.xlsx', '--out', 'u.txt'])).toContain('--month ÅÅÅÅ-MM');
    expect(exportRefusal(['--in', 'f.xlsx', '--month', '2025-03'])).toContain('--out');
    expect(exportRefusal(['--template', 'm.xlsx', '--in', 'f.xlsx'])).toContain('--template');
    expect(exportRefusal([...EXPORT, '--billed', 'x.xlsx'])).toBe('Okänt argument "--billed".');
    expect(exportRefusal([...EXPORT, '--settings', 'a.xlsx', '--settings', 'b.xlsx'])).toBe('--settings anges två gånger.');
  });
});
