// The production build of the task pane in Debian Chromium, with the strict Excel fake served as
// office.js: pick month → Förhandsgranska (with the corrections of February, R7) → Skapa faktura
// (Avbryt by keyboard, then Ersätt) → select problems (mouse and keyboard) → a hand edit →
// Granska finds exactly that cell → the edit undone, Granska clears the mark → Exportera
// fakturaunderlag (Skapa Export-blad, refusals by keyboard, Kontrollera, Skapa underlaget, the
// download and Kopiera). Checks that every word shown is Swedish; fails on any request outside localhost.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_HEADERS } from '../../src/engine/index.js';
import type { FakeExcel } from '../fakes/excel-fake.js';
import { PNR_D, PNR_G, REGISTER, SEED_TOTAL } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SCREENSHOT = join(ROOT, 'test-output', 'taskpane.png');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** A narrow pane: everything must fit without sideways scrolling. */
const PANE_WIDTH = 320;
const hasChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);

if (!hasChromium && !inCi) {
  console.warn(
    `SKIPPED task pane browser test: ${CHROMIUM} not found. Install Debian's chromium package to run it (in CI, with CI set, this is a failure).`,
  );
}

const run = promisify(execFile);

/** webpack production build with office.js loaded from the page's own folder. */
async function buildPane(out: string): Promise<void> {
  try {
    await run('npx', ['webpack', '--mode', 'production', '--output-path', out], {
      cwd: ROOT,
      env: { ...process.env, OFFICE_JS_URL: 'office.js' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`webpack build failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`, { cause: e });
  }
  // The fake + seeded workbook stand in for office.js.
  await build({
    entryPoints: [join(ROOT, 'test/taskpane/browser-host.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outfile: join(out, 'office.js'),
    logLevel: 'silent',
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

function serve(dir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(dir + sep) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

/**
 * Common English UI words; none is Swedish or in the seed data, so any hit is a leak (a library's
 * default label, an untranslated string) or a rendering slip (undefined, NaN).
 */
const ENGLISH =
  /\b(the|and|of|to|is|are|not|please|click|select|selected|selection|clear|close|cancel|open|loading|error|warning|success|required|optional|dismiss|expand|collapse|sheet|column|row|month|settings|preview|invoice|review|refresh|create|none|options?|show|hide|more|less|menu|button|dialog|progress|total|undefined|null|NaN|object)\b/i;

/** Every English word the user could see or hear: visible text and accessible names, also of hidden elements. */
async function englishOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out = [document.title, document.body.innerText];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of [
        'aria-label',
        'aria-description',
        'aria-roledescription',
        'aria-valuetext',
        'title',
        'placeholder',
        'alt',
      ]) {
        const v = el.getAttribute(a);
        if (v) out.push(`${el.tagName.toLowerCase()}[${a}="${v}"]`);
      }
    }
    return out;
  });
  return texts
    .flatMap((t) => t.split('\n'))
    .filter((line) => ENGLISH.test(line.replace(/^[a-z]+\[[a-z-]+="/, '').replace(/"\]$/, '')));
}

/** Runs `fn` on the page's Excel fake; fn is serialised, so it may only use its argument. */
function onFake<T, A>(page: Page, fn: (fake: FakeExcel, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ([src, a]) =>
      (new Function('fake', 'arg', `return (${src})(fake, arg);`) as (f: unknown, x: unknown) => T)(
        (window as unknown as { __vtFake: unknown }).__vtFake,
        a,
      ),
    [fn.toString(), arg] as const,
  ) as Promise<T>;
}

describe.skipIf(!hasChromium && !inCi)('task pane in Chromium (production build, Excel fake)', () => {
  let dir = '';
  let server: Server | undefined;
  let base = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!hasChromium)
      throw new Error(`${CHROMIUM} is missing; CI must install the chromium package for the task pane browser test.`);
    dir = mkdtempSync(join(tmpdir(), 'vt-pane-'));
    const built = buildPane(dir);
    const launched = chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    [browser] = await Promise.all([launched, built]);
    ({ server, base } = await serve(dir));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('bills a month, selects problems and finds a hand-edited cell', async () => {
    const context = await browser!.newContext({
      viewport: { width: PANE_WIDTH, height: 900 },
      locale: 'sv-SE',
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    // Never let a stray request leave the machine; it is still recorded above and fails the test.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return LOCAL_HOSTS.has(url.hostname) ? route.continue() : route.abort();
    });
    // "Today" is in May 2025, so the default month is April and March must be picked.
    await page.clock.setFixedTime(new Date(2025, 4, 20, 10, 0));
    // Records the text under every progress bar the page shows (runs are fast: a snapshot would miss it).
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __vtProgress: string[] }).__vtProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        const text = bar?.closest('.fui-Field')?.textContent ?? (bar ? '' : undefined);
        if (text !== undefined && seen.at(-1) !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });

    try {
      await walk(page);
    } catch (e) {
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'test-output', 'taskpane-failure.png'), fullPage: true });
      throw e;
    }

    expect(pageErrors).toEqual([]);
    expect(requests.some((u) => u.endsWith('/office.js'))).toBe(true);
    const outside = requests.filter((u) => {
      const url = new URL(u);
      return !(url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname));
    });
    expect(outside).toEqual([]);
    await context.close();
  }, 120_000);

  async function walk(page: Page): Promise<void> {
    await page.goto(`${base}/taskpane.html`);
    await expect.poll(() => page.getByRole('heading', { name: 'VT-avgifter' }).count()).toBe(1);
    const registerPicker = page.getByRole('combobox', { name: /Registerblad/ });
    await expect.poll(() => registerPicker.textContent()).toContain(REGISTER);
    await expect.poll(() => page.getByText('9 av 11 kolumner hittades på rubrikraden.').isVisible()).toBe(true);

    // Keyboard: the first stop is the register picker.
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await registerPicker.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Visa kolumnkopplingen' }).click();
    expect(await englishOnPage(page)).toEqual([]);

    const month = page.getByLabel('Månad', { exact: true });
    expect(await month.inputValue()).toBe('2025-04');
    await month.selectOption('2025-03');

    const sheetsBefore = await onFake(page, (f) => f.sheetNames(), null);
    const registerBefore = await onFake(page, (f, s) => f.values(s), REGISTER);

    // --- Förhandsgranska: figures shown, nothing written ---
    await page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click();
    const summary = page.getByTestId('result-summary');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toContain('inget är skrivet');
    const text = (await summary.textContent())!;
    expect(text).toContain('Personer4');
    expect(text).toContain('Fakturarader7');
    expect(text).toContain('Totalt3 471 kr');
    expect(text).toContain('Fel2');
    // The register's Varning and R7's: February should have billed Fanny Gran 239 kr more (held back).
    expect(text).toContain('Varningar2');
    expect(text).toContain('standardtaxa');
    expect(text).toContain('Kontrollerade månader2025-02 (1 månad)');
    expect(text).toContain('Personer med rättelser0');
    expect(text).toContain('Krediteras0 kr');
    expect(text).toContain('Debiteringar som hålls inne1 (239 kr, se varningarna)');
    expect(text).toContain('Retroaktiv debiteringRapportera');
    const heldBack = page.getByRole('list', { name: 'Problem' }).getByRole('button', { name: /debiteras inte retroaktivt/ });
    expect(await heldBack.textContent()).toContain('239 kr för 2025-02');
    expect(await onFake(page, (f) => f.sheetNames(), null)).toEqual(sheetsBefore);

    // --- Skapa faktura: a stale Problem sheet exists, so the pane asks; Avbryt changes nothing ---
    const create = page.getByRole('button', { name: 'Skapa faktura', exact: true });
    await create.click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain('Problem 2025-03');
    expect(await englishOnPage(page)).toEqual([]);
    // Focus starts on Avbryt, so Enter is the safe answer.
    await expect
      .poll(() => dialog.getByRole('button', { name: 'Avbryt' }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByText('Inget ändrades').count()).toBe(1);
    expect(await onFake(page, (f) => f.sheetNames(), null)).toEqual(sheetsBefore);
    expect(await onFake(page, (f) => f.values('Problem 2025-03'), null)).toEqual([['Gammalt blad']]);

    await create.click();
    await expect.poll(() => dialog.count(), { timeout: 20_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Ersätt' }).click();
    await expect.poll(() => page.getByText('Fakturan är skapad').count(), { timeout: 30_000 }).toBe(1);
    // The bar was painted before the engine ran, with a Swedish text.
    const progress = await page.evaluate(() => (window as unknown as { __vtProgress: string[] }).__vtProgress);
    expect(progress.some((t) => t.startsWith('Beräknar avgifterna för 2025-03'))).toBe(true);
    expect(await page.getByRole('progressbar').count()).toBe(0);

    const names = await onFake(page, (f) => f.sheetNames(), null);
    expect(names).toEqual(expect.arrayContaining([REGISTER, 'Faktura 2025-03', 'Summering 2025-03', 'Problem 2025-03']));
    const invoice = await onFake(page, (f) => f.values('Faktura 2025-03'), null);
    expect(invoice[0]).toEqual([...INVOICE_HEADERS]);
    expect(invoice).toHaveLength(8);
    const belopp = INVOICE_HEADERS.indexOf('Belopp');
    const gRow = invoice.find((r) => r[0] === PNR_G)!;
    expect([gRow[3], gRow[belopp]]).toEqual(['Ersättning teknik', 2400]);
    const sum = invoice.slice(1).reduce((s, r) => s + Number(r[belopp]), 0);
    expect(sum).toBe(SEED_TOTAL);
    const problemsSheet = await onFake(page, (f) => f.values('Problem 2025-03'), null);
    // R7's debit held back (Fanny Gran, row 8, no cell) is on the sheet with the register's problems (§9 Shown).
    expect(problemsSheet.map((r) => r[4])).toEqual(['Cell', 'A5', 'C7', '', 'H8']);
    expect(problemsSheet[3]!.slice(0, 3)).toEqual(['Varning', REGISTER, 8]);
    expect(problemsSheet[3]![7]).toBe('R7');
    expect(await onFake(page, (f, s) => f.values(s), REGISTER)).toEqual(registerBefore);

    // --- Problem list: click one, reach another with the keyboard ---
    const problems = page.getByRole('list', { name: 'Problem' });
    await problems.getByRole('button', { name: /Rad 5 · Personnummer/ }).click();
    await expect.poll(() => onFake(page, (f) => f.selection(), null)).toBe(`${REGISTER}!A5`);
    await problems.getByRole('button', { name: /Rad 7 · Tjänst/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => onFake(page, (f) => f.selection(), null)).toBe(`${REGISTER}!C7`);

    // --- A hand edit through the fake's Excel API, then Granska ---
    const firstLine = invoice[1]!;
    expect(firstLine[0]).toBe(PNR_D);
    expect(firstLine[belopp]).toBe(40);
    await page.evaluate(async () => {
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Faktura 2025-03').getRange('I2').values = [[55]];
        await ctx.sync();
      });
    });
    const edited = await onFake(page, (f) => f.values('Faktura 2025-03'), null);

    await page.getByRole('button', { name: 'Granska', exact: true }).click();
    const diffs = page.getByRole('list', { name: 'Celler som skiljer sig' }).getByRole('listitem');
    await expect.poll(() => diffs.count(), { timeout: 20_000 }).toBe(1);
    const diffText = (await diffs.first().textContent())!;
    expect(diffText).toContain('I2 · Belopp');
    expect(diffText).toContain('Beräknat: 40');
    expect(diffText).toContain('I bladet: 55');
    expect(await onFake(page, (f) => f.fillColor('Faktura 2025-03', 'I2'), null)).toBeTruthy();
    expect(await onFake(page, (f) => f.fillColor('Faktura 2025-03', 'I3'), null)).toBeUndefined();
    expect(await onFake(page, (f) => f.values('Faktura 2025-03'), null)).toEqual(edited);
    expect(await onFake(page, (f) => f.selection(), null)).toBe("'Faktura 2025-03'!I2");

    expect(await englishOnPage(page)).toEqual([]);

    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    // Nothing may be wider than the pane (no sideways scrolling at 320 px).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);

    // --- The cell put back by hand: Granska finds nothing and the old mark is gone ---
    await page.evaluate(async () => {
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Faktura 2025-03').getRange('I2').values = [[40]];
        await ctx.sync();
      });
    });
    await page.getByRole('button', { name: 'Granska', exact: true }).click();
    await expect.poll(() => page.getByText('Inga skillnader').count(), { timeout: 20_000 }).toBe(1);
    expect(await onFake(page, (f) => f.fillColor('Faktura 2025-03', 'I2'), null)).toBeUndefined();

    // --- Skapa Taxa-blad: enabled without a Taxa sheet, disabled once it exists ---
    const taxa = page.getByRole('button', { name: 'Skapa Taxa-blad' });
    expect(await taxa.isEnabled()).toBe(true);
    await taxa.click();
    await expect.poll(() => page.getByText('Bladet Taxa är skapat').count(), { timeout: 20_000 }).toBe(1);
    expect(await onFake(page, (f) => f.sheetNames(), null)).toContain('Taxa');
    expect(await taxa.isDisabled()).toBe(true);

    await exportWalk(page);

    // --- Settings go into the workbook (Workbook.settings), not the browser ---
    await page.getByLabel('Påminnelsedagar').fill('45');
    await expect.poll(() => onFake(page, (f) => f.settings()['vt-avgifter.settings'], null)).toBeTypeOf('string');
    const stored = JSON.parse(await onFake(page, (f) => String(f.settings()['vt-avgifter.settings']), null)) as unknown;
    expect(stored).toEqual({ registerSheet: REGISTER, reminderDays: 45 });
  }

  /** Exportera fakturaunderlag for March, the sheet Skapa faktura just wrote. */
  async function exportWalk(page: Page): Promise<void> {
    const month = page.getByLabel('Fakturablad');
    expect(await month.inputValue()).toBe('2025-03');
    const check = page.getByRole('button', { name: 'Kontrollera underlaget' });
    const make = page.getByRole('button', { name: 'Skapa underlaget' });
    expect(await make.getAttribute('aria-disabled')).toBe('true');

    // No Export sheet yet: the template first.
    const template = page.getByRole('button', { name: 'Skapa Export-blad' });
    await template.click();
    await expect.poll(() => page.getByText('Bladet Export är skapat').count(), { timeout: 20_000 }).toBe(1);
    expect(await template.isDisabled()).toBe(true);

    // Kontrollera: the template's Konto is empty, refused for each Typ the sheet has, by cell.
    await check.click();
    const refusals = page.getByRole('list', { name: 'Hinder för exporten' });
    await expect.poll(() => refusals.getByRole('listitem').count(), { timeout: 20_000 }).toBe(4);
    expect(await page.getByTestId('export-summary').count()).toBe(0);
    await refusals.getByRole('button', { name: /Blad Export · Cell C2 · Konto/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => onFake(page, (f) => f.selection(), null)).toBe('Export!C2');
    expect(await englishOnPage(page)).toEqual([]);

    // The kontering filled in by hand, as an economy assistant would.
    await page.evaluate(async () => {
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Export').getRange('C2:D5').values = [
          ['3510', '1234'],
          ['3511', '1234'],
          ['3512', '1234'],
          ['3519', '1234'],
        ];
        await ctx.sync();
      });
    });
    const sheetsBefore = await onFake(page, (f) => f.sheetNames(), null);
    await check.click();
    const figures = page.getByTestId('export-summary');
    await expect.poll(() => figures.textContent(), { timeout: 20_000 }).toContain('ingen fil är skapad');
    const shown = (await figures.textContent())!;
    for (const part of ['Fakturor4', 'Varav kreditfakturor0', 'Fakturarader7', 'Totalt3 471 kr', 'fakturaunderlag-2025-03.txt'])
      expect(shown).toContain(part);
    expect(await onFake(page, (f) => f.sheetNames(), null)).toEqual(sheetsBefore);

    // Skapa underlaget: the Export 2025-03 sheet, one record a row, all text.
    await make.click();
    await expect.poll(() => page.getByText('Fakturaunderlaget är skapat').count(), { timeout: 30_000 }).toBe(1);
    const records = (await onFake(page, (f) => f.values('Export 2025-03'), null)).map((r) => String(r[0]));
    expect(records[0]).toMatch(/^!VT-avgifter/);
    expect(records.filter((r) => r.startsWith('R'))).toHaveLength(7);
    expect((await onFake(page, (f) => f.numberFormats('Export 2025-03'), null)).flat().every((f) => f === '@')).toBe(true);
    const fileText = records.join('\r\n') + '\r\n';

    // The download (this browser lets it through) carries the same records, in ISO-8859-1.
    const link = page.locator('a[download]');
    expect(await link.getAttribute('download')).toBe('fakturaunderlag-2025-03.txt');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('fakturaunderlag-2025-03.txt');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.equals(Buffer.from(fileText, 'latin1'))).toBe(true);
    await expect.poll(() => page.getByText('Filen hämtas').count()).toBe(1);

    // Kopiera, by keyboard: the clipboard gets the text.
    await page.getByRole('button', { name: 'Kopiera' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Texten är kopierad').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fileText);
    // A host that refuses the Clipboard API: the hidden text field and execCommand('copy') still copy.
    await page.evaluate(async () => {
      await navigator.clipboard.writeText('tomt');
      Object.defineProperty(navigator.clipboard, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('Nekad', 'NotAllowedError')),
      });
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(fileText);
    expect(await page.getByRole('button', { name: 'Kopiera' }).evaluate((el) => el === document.activeElement)).toBe(true);

    expect(await englishOnPage(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  }
});
