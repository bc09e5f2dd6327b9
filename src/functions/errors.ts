// Errors a custom function throws. In Excel they must be CustomFunctions.Error (the cell shows
// #VALUE! or #N/A with the message on hover); in node tests there is no CustomFunctions global,
// so a plain Error with the same code and message stands in. Only this file touches the global.
import { RunError } from '../engine/index.js';

export type FunctionErrorCode = '#VALUE!' | '#N/A';

/** The stand-in outside Excel: same `code` and `message` as CustomFunctions.Error. */
export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

type CustomFunctionsGlobal = { Error: new (code: never, message?: string) => object; ErrorCode: Record<string, string> };

function officeGlobal(): CustomFunctionsGlobal | undefined {
  const cf = (globalThis as { CustomFunctions?: Partial<CustomFunctionsGlobal> }).CustomFunctions;
  return cf && typeof cf.Error === 'function' && cf.ErrorCode ? (cf as CustomFunctionsGlobal) : undefined;
}

// Looked up when thrown, not at import: office.js may define the global after this module loads.
function make(code: FunctionErrorCode, message: string): object {
  const cf = officeGlobal();
  if (!cf) return new FunctionError(code, message);
  const officeCode = code === '#VALUE!' ? cf.ErrorCode.invalidValue : cf.ErrorCode.notAvailable;
  return new cf.Error((officeCode ?? code) as never, message);
}

/** #VALUE!: an argument is wrong (unreadable, unknown, out of range). */
export function invalidValue(message: string): object {
  return make('#VALUE!', message);
}

/** #N/A: the data the answer needs is missing (no tariff version, no prisbasbelopp). */
export function notAvailable(message: string): object {
  return make('#N/A', message);
}

function isFunctionError(e: unknown): boolean {
  if (e instanceof FunctionError) return true;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof e === 'object' && e !== null && (code === '#VALUE!' || code === '#N/A' || code === '#NUM!');
}

/**
 * What a function throws for any failure: its own errors as they are, a RunError (the invoice
 * run could not go ahead either) as #N/A, anything else as #VALUE! — never an uncaught exception.
 */
export function asFunctionError(e: unknown): object {
  if (isFunctionError(e)) return e as object;
  // By name too: a RunError from another bundle's copy of the engine is still a RunError.
  if (e instanceof RunError || (e instanceof Error && e.name === 'RunError')) return notAvailable(e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return invalidValue(`Oväntat fel i VT-avgifter: ${detail}`);
}
