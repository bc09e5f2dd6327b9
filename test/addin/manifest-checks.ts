// Offline checks for manifest.xml. `office-addin-manifest validate` needs Microsoft's online
// service, so these checks cover what can be verified locally: well-formedness, schema order,
// resource ids, https, the shared runtime URL, the VT namespace and the icon files.
// Every check returns a list of problems (empty = fine) so tests can also prove they fail.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStringPromise } from 'xml2js';

export const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  vo: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

/** A parsed element: local name, namespace URI, attributes by qualified name, element children. */
export interface XmlElement {
  local: string;
  uri: string;
  qname: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

interface RawAttr {
  value: string;
}
interface RawNode {
  '#name'?: string;
  $ns?: { uri: string; local: string };
  $?: Record<string, RawAttr>;
  $$?: RawNode[];
  _?: string;
}

function convert(raw: RawNode, parent?: XmlElement): XmlElement {
  const attrs: Record<string, string> = {};
  for (const [name, attr] of Object.entries(raw.$ ?? {})) attrs[name] = attr.value;
  const el: XmlElement = {
    local: raw.$ns?.local ?? raw['#name'] ?? '',
    uri: raw.$ns?.uri ?? '',
    qname: raw['#name'] ?? '',
    attrs,
    children: [],
    text: (raw._ ?? '').trim(),
    parent,
  };
  el.children = (raw.$$ ?? []).map((child) => convert(child, el));
  return el;
}

/** Parses strictly (sax strict mode, namespaces resolved); throws on malformed XML. */
export async function parseXml(xml: string): Promise<XmlElement> {
  const parsed = (await parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    xmlns: true,
    explicitRoot: true,
    strict: true,
  })) as Record<string, RawNode>;
  const [rootName, rootNode] = Object.entries(parsed)[0] ?? [];
  if (!rootName || !rootNode) throw new Error('empty document');
  return convert({ ...rootNode, '#name': rootName });
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const child of el.children) yield* walk(child);
}

export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const type = e.attrs['xsi:type'];
    parts.unshift(type ? `${e.local}[${type}]` : e.local);
  }
  return parts.join('/');
}

export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

export function findAll(root: XmlElement, pred: (el: XmlElement) => boolean): XmlElement[] {
  return [...walk(root)].filter(pred);
}

// ---------------------------------------------------------------------------------------------
// Schema order. Sequences transcribed from the Office add-in XSDs (OfficeAppManifest 1.1,
// TaskPaneAppVersionOverrides 1.0, OfficeAppBasicTypes 1.0) for the elements this add-in uses.
// ---------------------------------------------------------------------------------------------

interface Particle {
  local: string;
  uri: string;
  min: number;
  max: number;
}
const one = (local: string, uri: string): Particle => ({ local, uri, min: 1, max: 1 });
const opt = (local: string, uri: string): Particle => ({ local, uri, min: 0, max: 1 });
const many = (local: string, uri: string, min = 0): Particle => ({ local, uri, min, max: Infinity });
const OVERRIDES = (uri: string) => [many('Override', uri)];

/** Which child sequence applies to an element; undefined = the check does not know this element. */
function sequenceFor(el: XmlElement): Particle[] | undefined {
  const { app, vo, bt } = NS;
  const type = el.attrs['xsi:type'];
  const parent = el.parent?.local;
  if (el.uri === app) {
    switch (el.local) {
      case 'OfficeApp':
        // OfficeApp base sequence, then the TaskPaneApp extension.
        return [
          one('Id', app),
          opt('AlternateId', app),
          one('Version', app),
          one('ProviderName', app),
          one('DefaultLocale', app),
          one('DisplayName', app),
          one('Description', app),
          opt('IconUrl', app),
          opt('HighResolutionIconUrl', app),
          opt('SupportUrl', app),
          opt('AppDomains', app),
          opt('Hosts', app),
          opt('Requirements', app),
          one('DefaultSettings', app),
          one('Permissions', app),
          opt('Dictionary', app),
          opt('VersionOverrides', vo),
        ];
      case 'Id':
      case 'Version':
      case 'ProviderName':
      case 'DefaultLocale':
      case 'Permissions':
      case 'AppDomain':
      case 'Host':
      case 'Set':
        return [];
      case 'DisplayName':
      case 'Description':
      case 'IconUrl':
      case 'HighResolutionIconUrl':
      case 'SupportUrl':
      case 'SourceLocation':
        return OVERRIDES(app);
      case 'Override':
        return [];
      case 'AppDomains':
        return [many('AppDomain', app, 1)];
      case 'Hosts':
        return [many('Host', app, 1)];
      case 'Requirements':
        return [opt('Sets', app), opt('Methods', app)];
      case 'Sets':
        return [many('Set', app, 1)];
      case 'DefaultSettings':
        return [one('SourceLocation', app)];
    }
    return undefined;
  }
  if (el.uri === vo) {
    switch (el.local) {
      case 'VersionOverrides':
        return [
          opt('Description', vo),
          opt('Requirements', vo),
          opt('Hosts', vo),
          opt('Resources', vo),
          opt('WebApplicationInfo', vo),
          opt('EquivalentAddins', vo),
        ];
      case 'Hosts':
        return [many('Host', vo, 1)];
      case 'Host':
        if (type !== 'Workbook') return undefined;
        return [opt('Runtimes', vo), opt('AllFormFactors', vo), opt('DesktopFormFactor', vo)];
      case 'Runtimes':
        return [many('Runtime', vo, 1)];
      case 'Runtime':
        return OVERRIDES(vo);
      case 'AllFormFactors':
        return [opt('ExtensionPoint', vo)];
      case 'DesktopFormFactor':
        return [opt('GetStarted', vo), opt('FunctionFile', vo), many('ExtensionPoint', vo, 1)];
      case 'GetStarted':
        return [one('Title', vo), one('Description', vo), one('LearnMoreUrl', vo)];
      case 'ExtensionPoint':
        if (type === 'CustomFunctions') {
          return [one('Script', vo), one('Page', vo), opt('Metadata', vo), opt('Namespace', vo)];
        }
        if (type === 'PrimaryCommandSurface') return [many('OfficeTab', vo), many('CustomTab', vo)];
        return undefined;
      case 'Script':
      case 'Page':
      case 'Metadata':
        return [one('SourceLocation', vo)];
      case 'OfficeTab':
        return [many('Group', vo, 1)];
      case 'CustomTab':
        return [many('Group', vo, 1), one('Label', vo)];
      case 'Group':
        return [one('Label', vo), one('Icon', vo), many('Control', vo, 1)];
      case 'Icon':
        return [many('Image', bt, 1)];
      case 'Control':
        if (type !== 'Button') return undefined;
        return [one('Label', vo), one('Supertip', vo), one('Icon', vo), one('Action', vo)];
      case 'Supertip':
        return [one('Title', vo), one('Description', vo)];
      case 'Action':
        if (type === 'ShowTaskpane') return [opt('TaskpaneId', vo), one('SourceLocation', vo), opt('Title', vo)];
        if (type === 'ExecuteFunction') return [one('FunctionName', vo)];
        return undefined;
      case 'Resources':
        return [opt('Images', bt), opt('Urls', bt), opt('ShortStrings', bt), opt('LongStrings', bt)];
      case 'Description':
      case 'Title':
      case 'Label':
      case 'LearnMoreUrl':
      case 'FunctionFile':
      case 'SourceLocation':
      case 'Namespace':
      case 'TaskpaneId':
      case 'FunctionName':
        return [];
    }
    return undefined;
  }
  if (el.uri === bt) {
    switch (el.local) {
      case 'Images':
        return [many('Image', bt, 1)];
      case 'Urls':
        return [many('Url', bt, 1)];
      case 'ShortStrings':
      case 'LongStrings':
        return [many('String', bt, 1)];
      case 'Image':
        return parent === 'Icon' ? [] : OVERRIDES(bt);
      case 'Url':
      case 'String':
        return OVERRIDES(bt);
      case 'Override':
        return [];
    }
  }
  return undefined;
}

/** Every element's children must follow its schema sequence; unknown elements are reported too. */
export function checkSchemaOrder(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.local !== 'OfficeApp' || root.uri !== NS.app) {
    problems.push(`root must be OfficeApp in ${NS.app}, found ${root.qname} in ${root.uri}`);
    return problems;
  }
  for (const el of walk(root)) {
    const seq = sequenceFor(el);
    if (!seq) {
      problems.push(`${pathOf(el)}: not covered by the offline schema check (add it to manifest-checks.ts)`);
      continue;
    }
    let i = 0;
    for (const p of seq) {
      let count = 0;
      while (i < el.children.length && count < p.max) {
        const c = el.children[i];
        if (!c || c.local !== p.local || c.uri !== p.uri) break;
        count++;
        i++;
      }
      if (count < p.min) problems.push(`${pathOf(el)}: missing ${p.local} (or it is out of order)`);
    }
    for (const extra of el.children.slice(i)) {
      problems.push(`${pathOf(el)}: ${extra.qname} is out of schema order or not allowed here`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

export type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Resources by kind: id → DefaultValue. */
export function resources(root: XmlElement): Record<ResourceKind, Map<string, string>> {
  const out: Record<ResourceKind, Map<string, string>> = {
    Images: new Map(),
    Urls: new Map(),
    ShortStrings: new Map(),
    LongStrings: new Map(),
  };
  const res = child(child(root, 'VersionOverrides'), 'Resources');
  for (const group of res?.children ?? []) {
    const kind = group.local as ResourceKind;
    if (!(kind in out)) continue;
    for (const item of group.children) out[kind].set(item.attrs.id ?? '', item.attrs.DefaultValue ?? '');
  }
  return out;
}

/** Which resource kind an element's resid must point to. */
function residKind(el: XmlElement): ResourceKind {
  if (el.local === 'Image') return 'Images';
  if (['Runtime', 'SourceLocation', 'FunctionFile', 'LearnMoreUrl'].includes(el.local)) return 'Urls';
  if (el.local === 'Description') return 'LongStrings';
  return 'ShortStrings';
}

export function checkResids(root: XmlElement): string[] {
  const problems: string[] = [];
  const res = resources(root);
  const used = new Set<string>();
  const seenIds = new Map<string, ResourceKind>();
  for (const [kind, map] of Object.entries(res) as [ResourceKind, Map<string, string>][]) {
    for (const id of map.keys()) {
      if (seenIds.has(id)) problems.push(`resource id "${id}" is defined twice`);
      seenIds.set(id, kind);
      if (id.length === 0 || id.length > 32) problems.push(`resource id "${id}" must be 1-32 characters`);
    }
  }
  for (const el of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const kind = residKind(el);
    used.add(`${kind}:${resid}`);
    if (resid.length > 32) problems.push(`${pathOf(el)}: resid "${resid}" is longer than 32 characters`);
    if (!res[kind].has(resid)) {
      const elsewhere = seenIds.get(resid);
      problems.push(
        `${pathOf(el)}: resid "${resid}" does not resolve to a ${kind} resource` +
          (elsewhere ? ` (it is defined under ${elsewhere})` : ''),
      );
    }
  }
  for (const [kind, map] of Object.entries(res) as [ResourceKind, Map<string, string>][]) {
    for (const id of map.keys()) {
      if (!used.has(`${kind}:${id}`)) problems.push(`resource ${kind}/"${id}" is never referenced`);
    }
  }
  return problems;
}

/** The URL a resid points to, or undefined. */
export function urlOf(root: XmlElement, el: XmlElement | undefined): string | undefined {
  const resid = el?.attrs.resid;
  return resid === undefined ? undefined : resources(root).Urls.get(resid);
}

// ---------------------------------------------------------------------------------------------
// URLs
// ---------------------------------------------------------------------------------------------

// Anything written as scheme://... or //host counts as a URL wherever it appears.
const URLISH = /^([a-z][a-z0-9+.-]*:)?\/\//i;

/** Every URL in an attribute or text must be https (namespace declarations excepted). */
export function checkHttps(root: XmlElement): string[] {
  const problems: string[] = [];
  const urlAttrs = new Set(['DefaultValue', 'Value']);
  for (const el of walk(root)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:') || name === 'xsi:schemaLocation') continue;
      const isUrlSlot =
        urlAttrs.has(name) &&
        (el.local === 'Url' ||
          el.local === 'IconUrl' ||
          el.local === 'HighResolutionIconUrl' ||
          el.local === 'SupportUrl' ||
          (el.local === 'Image' && el.parent?.local === 'Images') ||
          el.local === 'SourceLocation' ||
          (el.local === 'Override' && ['Url', 'Image', 'IconUrl', 'SourceLocation'].includes(el.parent?.local ?? '')));
      if (isUrlSlot || URLISH.test(value)) {
        if (!value.startsWith('https://')) problems.push(`${pathOf(el)} @${name}: "${value}" is not an https URL`);
        else {
          try {
            new URL(value);
          } catch {
            problems.push(`${pathOf(el)} @${name}: "${value}" is not a valid URL`);
          }
        }
      }
    }
    if (URLISH.test(el.text)) {
      if (!el.text.startsWith('https://')) problems.push(`${pathOf(el)}: "${el.text}" is not an https URL`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Shared runtime, namespace, requirements
// ---------------------------------------------------------------------------------------------

function dirOf(url: string): string {
  return url.slice(0, url.lastIndexOf('/') + 1);
}

/** The pieces of the manifest that make up the shared runtime. */
export function sharedRuntimeParts(root: XmlElement) {
  const host = findAll(root, (e) => e.local === 'Host' && e.uri === NS.vo && e.attrs['xsi:type'] === 'Workbook')[0];
  const runtimes = findAll(root, (e) => e.local === 'Runtime' && e.uri === NS.vo);
  const cf = findAll(root, (e) => e.local === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions')[0];
  const functionFile = findAll(root, (e) => e.local === 'FunctionFile')[0];
  const showTaskpane = findAll(root, (e) => e.local === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane');
  const defaultSource = child(child(root, 'DefaultSettings'), 'SourceLocation');
  return {
    host,
    runtimes,
    runtime: runtimes[0],
    page: child(child(cf, 'Page'), 'SourceLocation'),
    script: child(child(cf, 'Script'), 'SourceLocation'),
    metadata: child(child(cf, 'Metadata'), 'SourceLocation'),
    namespace: child(cf, 'Namespace'),
    functionFile,
    showTaskpane: showTaskpane.map((a) => child(a, 'SourceLocation')),
    defaultSource,
  };
}

/**
 * One long-lived runtime whose page is also the task pane, the custom-functions page and the
 * ribbon's function file, all through the same resid (Office does not share the runtime otherwise).
 */
export function checkSharedRuntime(root: XmlElement): string[] {
  const problems: string[] = [];
  const p = sharedRuntimeParts(root);
  if (!p.host) return ['VersionOverrides has no Host of xsi:type Workbook'];
  if (p.runtimes.length !== 1) problems.push(`expected exactly one Runtime, found ${p.runtimes.length}`);
  if (!p.runtime) return problems;
  if (p.runtime.attrs.lifetime !== 'long') problems.push(`Runtime lifetime must be "long", is "${p.runtime.attrs.lifetime}"`);
  const resid = p.runtime.attrs.resid;
  const runtimeUrl = urlOf(root, p.runtime);
  if (!runtimeUrl) return [...problems, 'Runtime resid does not resolve to a URL'];

  const sameResid: [string, XmlElement | undefined][] = [
    ['custom functions Page', p.page],
    ['FunctionFile', p.functionFile],
    ...p.showTaskpane.map((s, i) => [`ShowTaskpane #${i + 1}`, s] as [string, XmlElement | undefined]),
  ];
  if (p.showTaskpane.length === 0) problems.push('no ShowTaskpane button opens the task pane');
  for (const [what, el] of sameResid) {
    if (!el) problems.push(`${what} is missing`);
    else if (el.attrs.resid !== resid) {
      problems.push(
        `${what} uses resid "${el.attrs.resid}" but the Runtime uses "${resid}" (${urlOf(root, el)} vs ${runtimeUrl})`,
      );
    }
  }
  const defaultUrl = p.defaultSource?.attrs.DefaultValue;
  if (defaultUrl !== runtimeUrl)
    problems.push(`DefaultSettings SourceLocation ${defaultUrl} differs from the runtime URL ${runtimeUrl}`);

  // Script names the JavaScript file (schema docs); it must come from the same build next to the page.
  const scriptUrl = urlOf(root, p.script);
  if (!scriptUrl) problems.push('custom functions Script URL is missing');
  else if (dirOf(scriptUrl) !== dirOf(runtimeUrl) || !scriptUrl.endsWith('.js')) {
    problems.push(`custom functions Script ${scriptUrl} must be a .js file next to ${runtimeUrl}`);
  }
  const metadataUrl = urlOf(root, p.metadata);
  if (metadataUrl !== `${dirOf(runtimeUrl)}functions.json`) {
    problems.push(`custom functions Metadata ${metadataUrl} must be ${dirOf(runtimeUrl)}functions.json`);
  }
  return problems;
}

export function checkNamespace(root: XmlElement, expected: string): string[] {
  const ns = sharedRuntimeParts(root).namespace;
  if (!ns) return ['custom functions Namespace is missing'];
  const value = resources(root).ShortStrings.get(ns.attrs.resid ?? '');
  return value === expected ? [] : [`custom functions namespace is "${value}", expected "${expected}"`];
}

/** Compares requirement-set versions part by part: 1.10 is above 1.7. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export function checkRequirements(root: XmlElement, needed: Record<string, string>): string[] {
  const sets = findAll(child(root, 'Requirements') ?? root, (e) => e.local === 'Set' && e.uri === NS.app);
  const defaultMin = child(child(root, 'Requirements'), 'Sets')?.attrs.DefaultMinVersion;
  const problems: string[] = [];
  for (const [name, min] of Object.entries(needed)) {
    const set = sets.find((s) => s.attrs.Name === name);
    const version = set?.attrs.MinVersion ?? defaultMin ?? '1.1';
    if (!set) problems.push(`requirement set ${name} is missing`);
    else if (compareVersions(version, min) < 0) problems.push(`requirement set ${name} ${version} is below ${min}`);
  }
  return problems;
}

/**
 * Every ShowTaskpane action names the same TaskpaneId: under a shared runtime an action without
 * one counts as a different task pane, which the one runtime cannot serve.
 */
export function checkTaskpaneIds(root: XmlElement): string[] {
  const actions = findAll(root, (e) => e.local === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane');
  const ids = actions.map((a) => child(a, 'TaskpaneId')?.text);
  const problems = ids.flatMap((id, i) => (id ? [] : [`ShowTaskpane #${i + 1} has no TaskpaneId`]));
  const distinct = [...new Set(ids.filter((id) => id))];
  if (distinct.length > 1) problems.push(`ShowTaskpane actions name different task panes: ${distinct.join(', ')}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Icons
// ---------------------------------------------------------------------------------------------

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR') throw new Error('PNG does not start with an IHDR chunk');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Every icon URL in the manifest maps to a PNG in assetsDir whose pixel size matches what the
 * manifest states (bt:Image size, icon-N file name, 32 px IconUrl, 64 px HighResolutionIconUrl).
 */
export function checkIcons(root: XmlElement, assetsDir: string): string[] {
  const problems: string[] = [];
  const images = resources(root).Images;
  const stated: { where: string; url: string; size?: number }[] = [];
  const iconUrl = child(root, 'IconUrl')?.attrs.DefaultValue;
  const hiRes = child(root, 'HighResolutionIconUrl')?.attrs.DefaultValue;
  if (iconUrl) stated.push({ where: 'IconUrl', url: iconUrl, size: 32 });
  else problems.push('IconUrl is missing');
  if (hiRes) stated.push({ where: 'HighResolutionIconUrl', url: hiRes, size: 64 });
  else problems.push('HighResolutionIconUrl is missing');
  for (const img of findAll(root, (e) => e.local === 'Image' && e.parent?.local === 'Icon')) {
    const url = images.get(img.attrs.resid ?? '');
    if (url) stated.push({ where: pathOf(img), url, size: Number(img.attrs.size) });
  }
  for (const [id, url] of images) stated.push({ where: `bt:Image ${id}`, url });

  for (const { where, url, size } of stated) {
    const name = url.slice(url.lastIndexOf('/') + 1);
    if (!url.includes('/assets/')) problems.push(`${where}: ${url} is not under assets/`);
    const file = path.join(assetsDir, name);
    if (!existsSync(file)) {
      problems.push(`${where}: ${url} has no file ${file}`);
      continue;
    }
    let actual: { width: number; height: number };
    try {
      actual = pngSize(readFileSync(file));
    } catch (err) {
      problems.push(`${where}: ${file}: ${(err as Error).message}`);
      continue;
    }
    const fromName = /icon-(\d+)\.png$/.exec(name)?.[1];
    for (const expected of [size, fromName === undefined ? undefined : Number(fromName)]) {
      if (expected === undefined) continue;
      if (actual.width !== expected || actual.height !== expected) {
        problems.push(`${where}: ${name} is ${actual.width}x${actual.height}, manifest states ${expected}x${expected}`);
      }
    }
  }
  return [...new Set(problems)];
}
