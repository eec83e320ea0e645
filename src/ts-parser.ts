/**
 * @typescript-eslint/parser, loaded on first use. Importing it loads all of TypeScript (about 0.4 s),
 * which a Python-only run, a pre-commit hook on one file or an editor must not pay at start-up.
 */
import { createRequire } from "node:module";
import type * as TsParser from "@typescript-eslint/parser";

const require = createRequire(import.meta.url);

let loaded: typeof TsParser | undefined;

export function tsParserModule(): typeof TsParser {
  loaded ??= require("@typescript-eslint/parser") as typeof TsParser;
  return loaded;
}

/** The same parser as an ESLint parser object whose module loads when the first file is parsed. */
export const lazyTsParser = {
  // The parser's own meta (name and version), read without loading it: ESLint keys caches on it.
  meta: {
    name: "typescript-eslint/parser",
    version: (require("@typescript-eslint/parser/package.json") as { version: string }).version,
  },
  parseForESLint(code: string, options?: TsParser.ParserOptions): ReturnType<typeof TsParser.parseForESLint> {
    return tsParserModule().parseForESLint(code, options);
  },
};
