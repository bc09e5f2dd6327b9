// Minimal typing for the one xml2js call the manifest checks make (saves a @types dependency).
declare module 'xml2js' {
  export interface ParserOptions {
    explicitChildren?: boolean;
    preserveChildrenOrder?: boolean;
    xmlns?: boolean;
    explicitRoot?: boolean;
    strict?: boolean;
  }
  export function parseStringPromise(xml: string, options?: ParserOptions): Promise<unknown>;
}
