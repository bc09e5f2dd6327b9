// Offline manifest and build checks (issue 3: `office-addin-manifest validate` needs an online
// service these machines cannot reach). The "catches" block feeds broken manifests to every
// check to prove the checks can fail.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import {
  checkHttps,
  checkIcons,
  checkNamespace,
  checkRequirements,
  checkResids,
  checkSchemaOrder,
  checkSharedRuntime,
  checkTaskpaneIds,
  child,
  compareVersions,
  parseXml,
  sharedRuntimeParts,
  urlOf,
  type XmlElement,
} from './manifest-checks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifestPath = path.join(root, 'manifest.xml');
const assetsDir = path.join(root, 'assets');
/** API use in src/ that needs a requirement set above 1.1 (Office's requirement-set tables). */
const API_SETS: readonly [RegExp, string, string][] = [
  [/\.ErrorCode\b/, 'CustomFunctionsRuntime', '1.2'], // CustomFunctions.Error and its ErrorCode
  [/\.getRangeByIndexes\(/, 'ExcelApi', '1.7'],
  [/\.freezePanes\b/, 'ExcelApi', '1.7'],
  [/\.onChanged\b/, 'ExcelApi', '1.7'],
  [/\.suspendApiCalculationUntilNextSync\(/, 'ExcelApi', '1.6'],
  [/OrNullObject\(/, 'ExcelApi', '1.4'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** The highest version of each requirement set that the code in src/ uses. */
function setsUsedBySource(): Record<string, string> {
  const used: Record<string, string> = {};
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const code = readFileSync(file, 'utf8');
    for (const [pattern, set, version] of API_SETS) {
      const seen = used[set];
      if (pattern.test(code) && (seen === undefined || compareVersions(version, seen) > 0)) used[set] = version;
    }
  }
  return used;
}

const REQUIRED_SETS = { SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1', ...setsUsedBySource() };
const DEV_RUNTIME_URL = 'https://localhost:3000/taskpane.html';

/** The parts of webpack.config.js the tests use (it is plain JS, so typed here). */
interface WebpackConfigModule {
  default: (env: Record<string, unknown>, argv: { mode: string }) => Promise<webpack.Configuration>;
  DEV_BASE_URL: string;
  OFFICE_JS_CDN: string;
  parseBaseUrl: (value: string) => string;
  parseOfficeJsUrl: (value: string | undefined) => string;
  rewriteManifest: (xml: string, baseUrl: string) => string;
}
const loadWebpackConfig = async (): Promise<WebpackConfigModule> =>
  (await import(pathToFileURL(path.join(root, 'webpack.config.js')).href)) as WebpackConfigModule;

/** All checks on one manifest; an empty list means it passes. */
function allProblems(m: XmlElement, assets = assetsDir): string[] {
  return [
    ...checkSchemaOrder(m),
    ...checkResids(m),
    ...checkHttps(m),
    ...checkSharedRuntime(m),
    ...checkTaskpaneIds(m),
    ...checkNamespace(m, 'VT'),
    ...checkRequirements(m, REQUIRED_SETS),
    ...checkIcons(m, assets),
  ];
}

let xml: string;
let manifest: XmlElement;

beforeAll(async () => {
  xml = readFileSync(manifestPath, 'utf8');
  manifest = await parseXml(xml);
});

describe('manifest.xml', () => {
  it('is well-formed XML with an OfficeApp TaskPaneApp root', () => {
    expect(manifest.local).toBe('OfficeApp');
    expect(manifest.attrs['xsi:type']).toBe('TaskPaneApp');
  });

  it('has every element in the order the Office manifest schema requires', () => {
    expect(checkSchemaOrder(manifest)).toEqual([]);
    const vo = child(manifest, 'VersionOverrides');
    expect(vo?.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(vo?.children.map((c) => c.local)).toEqual(['Hosts', 'Resources']);
  });

  it('resolves every resid to a resource of the right kind, and uses every resource', () => {
    expect(checkResids(manifest)).toEqual([]);
  });

  it('uses https for every URL', () => {
    expect(checkHttps(manifest)).toEqual([]);
  });

  it('shares one long-lived runtime URL between runtime, task pane, functions page and function file', () => {
    expect(checkSharedRuntime(manifest)).toEqual([]);
    const parts = sharedRuntimeParts(manifest);
    expect(urlOf(manifest, parts.runtime)).toBe(DEV_RUNTIME_URL);
    expect(urlOf(manifest, parts.script)).toBe('https://localhost:3000/functions.js');
    expect(urlOf(manifest, parts.metadata)).toBe('https://localhost:3000/functions.json');
  });

  it('declares the custom functions namespace VT and the required requirement sets', () => {
    expect(checkNamespace(manifest, 'VT')).toEqual([]);
    expect(checkRequirements(manifest, REQUIRED_SETS)).toEqual([]);
  });

  it('declares the requirement sets the code uses: ExcelApi 1.7, CustomFunctionsRuntime 1.2', () => {
    expect(REQUIRED_SETS).toMatchObject({ ExcelApi: '1.7', CustomFunctionsRuntime: '1.2', SharedRuntime: '1.1' });
    expect(checkRequirements(manifest, REQUIRED_SETS)).toEqual([]);
  });

  it('opens one task pane: every ShowTaskpane action names the same TaskpaneId', () => {
    expect(checkTaskpaneIds(manifest)).toEqual([]);
    expect(xml).toMatch(/<TaskpaneId>VT\.Taskpane<\/TaskpaneId>/);
  });

  it('is Swedish: display name VT-avgifter, default locale sv-SE, button on the Home tab', () => {
    expect(child(manifest, 'DefaultLocale')?.text).toBe('sv-SE');
    expect(child(manifest, 'DisplayName')?.attrs.DefaultValue).toBe('VT-avgifter');
    expect(child(manifest, 'Description')?.attrs.DefaultValue).toMatch(/välfärdsteknik/);
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/xsi:type="ShowTaskpane"/);
  });

  it('has an Id that is a GUID and a Version matching package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(child(manifest, 'Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(manifest, 'Version')?.text).toBe(`${pkg.version}.0`);
  });

  it('points at icon files that exist with the stated pixel sizes', () => {
    expect(checkIcons(manifest, assetsDir)).toEqual([]);
  });

  it('ships icons at 16, 32, 64, 80 and 128 px in assets/', async () => {
    const { pngSize } = await import('./manifest-checks.js');
    for (const size of [16, 32, 64, 80, 128]) {
      const file = path.join(assetsDir, `icon-${size}.png`);
      expect(pngSize(readFileSync(file)), file).toEqual({ width: size, height: size });
    }
  });
});

describe('the manifest checks catch broken manifests', () => {
  const broken = async (mutate: (s: string) => string) => {
    const changed = mutate(xml);
    expect(changed, 'mutation did not change the manifest').not.toBe(xml);
    return parseXml(changed);
  };

  it('rejects malformed XML', async () => {
    await expect(parseXml(xml.replace('</Hosts>', ''))).rejects.toThrow();
    await expect(parseXml(xml.replace('xmlns:bt="', 'xmlns:bx="'))).rejects.toThrow();
  });

  it('reports elements out of schema order and unknown elements', async () => {
    const swapped = await broken((s) =>
      s.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>.*?<\/Permissions>)/, '$3$2$1'),
    );
    expect(checkSchemaOrder(swapped).join('\n')).toMatch(
      /OfficeApp\[TaskPaneApp\]: (missing DefaultSettings|DefaultSettings is out of schema order)/,
    );
    const runtimesLate = await broken((s) =>
      s.replace(/(\s*<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/AllFormFactors>)/, '$2$1'),
    );
    expect(checkSchemaOrder(runtimesLate).join('\n')).toMatch(/Runtimes is out of schema order/);
    const unknown = await broken((s) => s.replace('<Permissions>', '<Bogus/><Permissions>'));
    expect(checkSchemaOrder(unknown).join('\n')).toMatch(/Bogus/);
  });

  it('reports a resid without a resource and an unused resource', async () => {
    const m = await broken((s) => s.replace('<Label resid="VT.Group.Label"/>', '<Label resid="VT.Group.Labl"/>'));
    const problems = checkResids(m).join('\n');
    expect(problems).toMatch(/"VT.Group.Labl" does not resolve/);
    expect(problems).toMatch(/"VT.Group.Label" is never referenced/);
  });

  it('reports a resid pointing to the wrong kind of resource', async () => {
    const m = await broken((s) =>
      s.replace('<Namespace resid="VT.Functions.Namespace"/>', '<Namespace resid="VT.OpenPane.Tooltip"/>'),
    );
    expect(checkResids(m).join('\n')).toMatch(/does not resolve to a ShortStrings resource \(it is defined under LongStrings\)/);
  });

  it('reports plain http URLs', async () => {
    const m = await broken((s) => s.replace('https://localhost:3000/functions.json', 'http://localhost:3000/functions.json'));
    expect(checkHttps(m).join('\n')).toMatch(/http:\/\/localhost:3000\/functions.json" is not an https URL/);
  });

  it('reports a custom functions page that is not the shared runtime', async () => {
    const m = await broken((s) =>
      s
        .replace(/<Page>\s*<SourceLocation resid="VT.Runtime.Url"\/>/, '<Page><SourceLocation resid="VT.Other.Url"/>')
        .replace('<bt:Urls>', '<bt:Urls><bt:Url id="VT.Other.Url" DefaultValue="https://localhost:3000/functions.html"/>'),
    );
    expect(checkSharedRuntime(m).join('\n')).toMatch(/custom functions Page uses resid "VT.Other.Url"/);
    const short = await broken((s) => s.replace('lifetime="long"', 'lifetime="short"'));
    expect(checkSharedRuntime(short).join('\n')).toMatch(/lifetime must be "long"/);
  });

  it('reports a wrong namespace and a missing requirement set', async () => {
    const m = await broken((s) =>
      s
        .replace('id="VT.Functions.Namespace" DefaultValue="VT"', 'id="VT.Functions.Namespace" DefaultValue="VTX"')
        .replace(/<Set Name="SharedRuntime"[^>]*\/>/, ''),
    );
    expect(checkNamespace(m, 'VT')).toEqual(['custom functions namespace is "VTX", expected "VT"']);
    expect(checkRequirements(m, REQUIRED_SETS)).toEqual(['requirement set SharedRuntime is missing']);
  });

  it('reports a requirement set below what the code uses, comparing versions part by part', async () => {
    const old = await broken((s) =>
      s
        .replace('<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>')
        .replace('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.6"/>'),
    );
    expect(checkRequirements(old, REQUIRED_SETS)).toEqual([
      'requirement set CustomFunctionsRuntime 1.1 is below 1.2',
      'requirement set ExcelApi 1.6 is below 1.7',
    ]);
    const newer = await broken((s) =>
      s.replace('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.10"/>'),
    );
    expect(checkRequirements(newer, REQUIRED_SETS)).toEqual([]);
    expect([compareVersions('1.10', '1.7'), compareVersions('1.7', '1.7'), compareVersions('1.2', '1.10')]).toEqual([1, 0, -1]);
  });

  it('reports a ShowTaskpane action without a TaskpaneId (a second pane under the shared runtime)', async () => {
    const m = await broken((s) => s.replace('<TaskpaneId>VT.Taskpane</TaskpaneId>', ''));
    expect(checkTaskpaneIds(m)).toEqual(['ShowTaskpane #1 has no TaskpaneId']);
  });

  it('reports icons with the wrong size or no file', async () => {
    const wrongSize = await broken((s) =>
      s.replace(
        '<bt:Image id="VT.Icon.16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
        '<bt:Image id="VT.Icon.16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      ),
    );
    expect(checkIcons(wrongSize, assetsDir).join('\n')).toMatch(/icon-32.png is 32x32, manifest states 16x16/);
    const missing = await broken((s) => s.replace('assets/icon-80.png', 'assets/icon-81.png'));
    expect(checkIcons(missing, assetsDir).join('\n')).toMatch(/icon-81.png has no file/);
  });
});

describe('custom functions', () => {
  it('generate metadata from the source named in webpack.config.js, each id backed by an exported function', async () => {
    const { default: makeConfig } = await loadWebpackConfig();
    const config = await makeConfig({}, { mode: 'production' });
    const plugin = (config.plugins ?? []).find((p) => p?.constructor?.name === 'CustomFunctionsMetadataPlugin') as
      { options: { input: string; output: string } } | undefined;
    expect(plugin?.options.output).toBe('functions.json');
    const input = path.resolve(root, plugin?.options.input ?? '');
    expect(input).toMatch(/src[\\/]functions[\\/]/);

    const result = await generateCustomFunctionsMetadata(input);
    expect(result.errors).toEqual([]);
    const metadata = JSON.parse(result.metadataJson) as { functions: { id: string; name: string }[] };
    expect(metadata.functions.length).toBeGreaterThan(0);
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const source = readFileSync(input, 'utf8');
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9._]*$/);
      const assoc = result.associate.find((a) => a.id === f.id);
      expect(assoc, `no function associated with ${f.id}`).toBeDefined();
      expect(source).toMatch(new RegExp(`export\\s+(async\\s+)?function\\s+${assoc?.functionName}\\b`));
    }
  });
});

describe('webpack.config.js helpers', () => {
  it('accepts only https base URLs and adds the trailing slash', async () => {
    const { parseBaseUrl } = await loadWebpackConfig();
    expect(parseBaseUrl('https://example.org/vt')).toBe('https://example.org/vt/');
    expect(() => parseBaseUrl('http://example.org/vt/')).toThrow(/must use https/);
    expect(() => parseBaseUrl('example.org/vt/')).toThrow(/not a valid URL/);
    expect(() => parseBaseUrl('https://example.org/vt/?x=1')).toThrow(/without query/);
  });

  it('lets OFFICE_JS_URL point only at the Office CDN, a relative path or localhost', async () => {
    const { parseOfficeJsUrl, OFFICE_JS_CDN } = await loadWebpackConfig();
    expect(parseOfficeJsUrl(undefined)).toBe(OFFICE_JS_CDN);
    expect(parseOfficeJsUrl('/office.js')).toBe('/office.js');
    expect(parseOfficeJsUrl('http://127.0.0.1:8080/office.js')).toBe('http://127.0.0.1:8080/office.js');
    expect(() => parseOfficeJsUrl('https://cdn.example.com/office.js')).toThrow(/OFFICE_JS_URL/);
    expect(() => parseOfficeJsUrl('//cdn.example.com/office.js')).toThrow(/OFFICE_JS_URL/);
  });
});

describe('production build (webpack into a temporary directory)', () => {
  const BASE = 'https://example.org/vt/';
  let out: string;
  let cfg: WebpackConfigModule;

  beforeAll(async () => {
    cfg = await loadWebpackConfig();
    out = mkdtempSync(path.join(tmpdir(), 'vt-build-'));
    const saved = { base: process.env.ADDIN_BASE_URL, office: process.env.OFFICE_JS_URL };
    process.env.ADDIN_BASE_URL = BASE;
    delete process.env.OFFICE_JS_URL;
    let config: webpack.Configuration;
    try {
      config = await cfg.default({}, { mode: 'production' });
    } finally {
      if (saved.base === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved.base;
      if (saved.office !== undefined) process.env.OFFICE_JS_URL = saved.office;
    }
    config.output = { ...config.output, path: out };
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))),
    );
    expect(stats.hasErrors(), stats.toString('errors-only')).toBe(false);
    return () => rmSync(out, { recursive: true, force: true });
  }, 120_000);

  it('emits functions.json whose every function id exists in src/functions and is associated in functions.js', async () => {
    const built = JSON.parse(readFileSync(path.join(out, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    const generated = await generateCustomFunctionsMetadata(path.join(root, 'src/functions/functions.ts'));
    const sourceIds = generated.associate.map((a) => a.id);
    const functionsJs = readFileSync(path.join(out, 'functions.js'), 'utf8');
    expect(built.functions.length).toBeGreaterThan(0);
    for (const { id } of built.functions) {
      expect(sourceIds).toContain(id);
      expect(functionsJs).toContain(`CustomFunctions.associate("${id}"`);
    }
  });

  it('emits one taskpane.html loading office.js from the Office CDN and only local bundles', () => {
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<html lang="?sv"?/);
    const srcs = [...html.matchAll(/<(?:script|link|img)\b[^>]*?\s(?:src|href)=["']?([^"'\s>]+)/g)].map((m) => m[1] ?? '');
    expect(srcs).toContain(cfg.OFFICE_JS_CDN);
    for (const src of srcs.filter((s) => s !== cfg.OFFICE_JS_CDN)) {
      expect(src, `external resource ${src}`).not.toMatch(/^([a-z]+:)?\/\//i);
      expect(existsSync(path.join(out, src)), `${src} not emitted`).toBe(true);
    }
    for (const chunk of ['functions.js', 'commands.js', 'taskpane.js']) expect(srcs).toContain(chunk);
  });

  it('writes dist/manifest.xml rebased on ADDIN_BASE_URL that still passes every check', async () => {
    const builtXml = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(builtXml).not.toContain('//localhost');
    const m = await parseXml(builtXml);
    expect(allProblems(m, path.join(out, 'assets'))).toEqual([]);
    expect(urlOf(m, sharedRuntimeParts(m).runtime)).toBe(`${BASE}taskpane.html`);
    // Every URL the manifest names is a file the build produced.
    for (const url of builtXml.match(/https:\/\/example\.org\/vt\/[^"<\s]+/g) ?? []) {
      expect(existsSync(path.join(out, url.slice(BASE.length))), url).toBe(true);
    }
  });

  it('leaves the source manifest untouched (all checks pass on it too)', () => {
    expect(allProblems(manifest)).toEqual([]);
    expect(cfg.rewriteManifest(xml, 'https://a.example/x&y/')).toContain('https://a.example/x&amp;y/taskpane.html');
  });
});
