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

/** A parse error as ESLint reads it: `lineNumber` and a 1-based `column`. */
class LocatedParseError extends Error {
  constructor(
    message: string,
    readonly lineNumber: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * ESLint copies a parse error's `lineNumber` and `column` into its fatal message as they are. The
 * parser's own errors give a 0-based column (espree's are 1-based, as ESLint's messages are), and a
 * stack exhausted by deep nesting gives no location at all: a message without one reads as line 0.
 */
function locatedParseError(error: unknown): unknown {
  if (!(error instanceof Error)) {
    return error;
  }
  const { lineNumber, column } = error as { lineNumber?: unknown; column?: unknown };
  if (typeof lineNumber === "number" && typeof column === "number") {
    return new LocatedParseError(error.message, lineNumber, column + 1);
  }
  if (error instanceof RangeError && error.message === "Maximum call stack size exceeded") {
    return new LocatedParseError(`${error.message}: the file nests too deeply to parse.`, 1, 1);
  }
  return new LocatedParseError(error.message, 1, 1);
}

/** The same parser as an ESLint parser object whose module loads when the first file is parsed. */
export const lazyTsParser = {
  // The parser's own meta (name and version), read without loading it: ESLint keys caches on it.
  meta: {
    name: "typescript-eslint/parser",
    version: (require("@typescript-eslint/parser/package.json") as { version: string }).version,
  },
  parseForESLint(code: string, options?: TsParser.ParserOptions): ReturnType<typeof TsParser.parseForESLint> {
    try {
      return tsParserModule().parseForESLint(code, options);
    } catch (error) {
      throw locatedParseError(error);
    }
  },
};
