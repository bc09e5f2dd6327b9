// The words after a command: node:util's parseArgs in strict mode, its errors told in Swedish,
// shared by every command of the command line.
import { parseArgs as parseNodeArgs } from 'node:util';

export class ArgsError extends Error {}

export type OptionSpec =
  { readonly type: 'string'; readonly multiple?: boolean } | { readonly type: 'boolean'; readonly short?: string };
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export type ArgvValues<O extends OptionSpecs> = {
  readonly [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

/**
 * parseArgs' errors carry English text only; the argument at fault is found again by a lenient
 * parse of the same words, which yields each one as a token.
 */
function swedishParseError(argv: readonly string[], options: OptionSpecs, code: unknown): ArgsError {
  const { tokens } = parseNodeArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional' && code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return new ArgsError(`Okänt argument "${t.value}". Varje värde skrivs efter sitt argument, t.ex. --in REGISTER.xlsx.`);
    }
    if (t.kind !== 'option') continue;
    const spec = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
    if (!spec) return new ArgsError(`Okänt argument "${t.rawName}".`);
    const takesValue = spec.type === 'string';
    if (takesValue && t.value === undefined) return new ArgsError(`${t.rawName} behöver ett värde.`);
    if (takesValue && !t.inlineValue && t.value?.startsWith('-')) {
      return new ArgsError(
        `${t.rawName} behöver ett värde, men följs av "${t.value}". Ett värde som börjar med bindestreck skrivs ${t.rawName}=${t.value}.`,
      );
    }
    if (!takesValue && t.value !== undefined)
      return new ArgsError(`${t.rawName} tar inget värde (fick "${t.rawName}=${t.value}").`);
  }
  return new ArgsError(`Argumenten går inte att läsa: ${argv.join(' ')}.`);
}

/**
 * Reads `argv` strictly: unknown arguments, positionals, a missing or blank value, and an option
 * given twice (unless it may repeat) are ArgsErrors in Swedish naming the argument.
 */
export function readArgv<O extends OptionSpecs>(argv: readonly string[], options: O): ArgvValues<O> {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    throw swedishParseError(argv, options, (e as { code?: unknown }).code);
  }
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    const spec = options[t.name];
    if (seen.has(t.name) && !(spec?.type === 'string' && spec.multiple)) throw new ArgsError(`--${t.name} anges två gånger.`);
    seen.add(t.name);
    if (t.value !== undefined && t.value.trim() === '') throw new ArgsError(`--${t.name} behöver ett värde.`);
  }
  return parsed.values as ArgvValues<O>;
}
