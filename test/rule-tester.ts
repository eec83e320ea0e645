/**
 * ESLint's own RuleTester, wired to vitest, with the testaudit plugin and the Python language.
 */
import tsParser from "@typescript-eslint/parser";
import { Linter, RuleTester } from "eslint";
import { describe, it } from "vitest";
import plugin, { getTestFileModel, type TestFileModel } from "../src/index.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;


/** Python cases default to a file pytest collects (`test_*.py`) in the repository folder. */
export const pythonRuleTester = new RuleTester({
  plugins: { testaudit: plugin },
  language: "testaudit/python",
});

/** JS/TS cases parsed by @typescript-eslint/parser, as a TypeScript project configures ESLint. */
export const jsRuleTester = new RuleTester({
  plugins: { testaudit: plugin },
  languageOptions: { parser: tsParser },
});

/** Plain JS cases parsed by ESLint's default parser (espree). */
export const espreeRuleTester = new RuleTester({
  plugins: { testaudit: plugin },
});

/** Where RuleTester expects a report: 1-based line and columns, end column exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A report that stays on one line. */
export function at(line: number, column: number, endColumn: number): Span {
  return { line, column, endLine: line, endColumn };
}

/** A RuleTester error: a message id with its data, at a span. */
export interface ExpectedError<MessageId extends string = string> extends Span {
  messageId: MessageId;
  data: Record<string, string>;
}

export { plugin };

/**
 * Lints `code` as `filename` (in `cwd`) with one testaudit rule, Python or JS/TS by the file's extension,
 * and returns the rule's messages with the test-file model the rule read: what a policy's judgement of
 * the same model must agree with.
 */
export function lintWithModel(code: string, filename: string, rule: string, options: object, cwd = process.cwd()): { messages: Linter.LintMessage[]; model: TestFileModel } {
  let model: TestFileModel | null = null;
  const capture = {
    rules: {
      model: {
        meta: { languages: ["testaudit/python", "js/js"], schema: [] },
        create(context: Parameters<typeof getTestFileModel>[0]) {
          const read = (): void => void (model = getTestFileModel(context));
          return { module: read, Program: read };
        },
      },
    },
  };
  const rules: Linter.RulesRecord = { [`testaudit/${rule}`]: ["error", options], "capture/model": "error" };
  const config: Linter.Config = filename.endsWith(".py")
    ? { files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin, capture }, rules }
    : { files: ["**/*.{js,ts}"], languageOptions: { parser: tsParser }, plugins: { testaudit: plugin, capture }, rules };
  const messages = new Linter({ configType: "flat", cwd }).verify(code, [config], filename);
  return { messages, model: model! };
}
