/**
 * The real ESLint with every testaudit rule on both languages, loaded from the compiled plugin in
 * dist/ as a user's config loads it, and the check every hardening test makes of its results: each
 * message is located inside the text, and none comes from anything but a testaudit rule or a parser.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import type pluginType from "../../src/index.js";

export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

export const RULE_IDS = [
  "testaudit/no-mocks",
  "testaudit/require-base-class",
  "testaudit/require-bvj",
  "testaudit/max-tests-per-file",
  "testaudit/no-unawaited-async-tests",
  "testaudit/max-lines",
];

/** Where a file of each language sits so that the recommended configs' globs lint it. */
export const PYTHON_PATH = "tests/integration/test_sample.py";
export const TS_PATH = "integration/sample.test.ts";

export type Language = "python" | "ts";

export async function loadPlugin(): Promise<typeof pluginType> {
  // Imported by URL, so the type check does not need dist/ to exist yet.
  const module = (await import(pathToFileURL(join(ROOT, "dist/src/index.js")).href)) as { default: typeof pluginType };
  return module.default;
}

/**
 * Options that give every rule the most to do: bases to resolve across files, required imports, an
 * extra mocking module, a low test limit, a low line limit with lines left out of the count.
 */
const DEMANDING_OPTIONS: Record<"python" | "js", Linter.RulesRecord> = {
  python: {
    "testaudit/no-mocks": ["error", { modules: ["responses"], allow: ["unittest.mock.sentinel"] }],
    "testaudit/require-base-class": ["error", { bases: ["test_framework.ssot.SSotBaseTestCase"], imports: ["test_framework.ssot"] }],
    "testaudit/require-bvj": ["error", { from: ["function", "class"] }],
    "testaudit/max-tests-per-file": ["error", { max: 3 }],
    "testaudit/no-unawaited-async-tests": ["error", { asyncBases: ["test_framework.aio.LoopTestCase"] }],
    "testaudit/max-lines": ["error", { max: 20, skipBlankLines: true, skipComments: true }],
  },
  js: {
    "testaudit/no-mocks": ["error", { modules: ["nock"] }],
    "testaudit/require-base-class": ["error", { bases: ["SSotBase"], imports: ["test-framework/ssot"] }],
    "testaudit/require-bvj": ["error", { from: ["function", "module"] }],
    "testaudit/max-tests-per-file": ["error", { max: 3 }],
    "testaudit/no-unawaited-async-tests": "error",
    "testaudit/max-lines": ["error", { max: 20, skipComments: true }],
  },
};

export interface ConfigChoice {
  /** Lint Python files with syntax errors too, so the rules meet broken trees. */
  tolerant?: boolean;
  /** The demanding options above instead of each rule's defaults. */
  demanding?: boolean;
}

/** The recommended configs, with every rule switched on explicitly in both languages' files. */
export async function allRulesConfig({ tolerant = false, demanding = false }: ConfigChoice = {}): Promise<Linter.Config[]> {
  const plugin = await loadPlugin();
  const every = Object.fromEntries(RULE_IDS.map((id) => [id, "error"])) as Linter.RulesRecord;
  const python = plugin.configs["recommended-python"];
  const js = plugin.configs["recommended-js"];
  return [
    ...plugin.configs.recommended,
    { files: python.files, rules: demanding ? DEMANDING_OPTIONS.python : every, ...(tolerant ? { languageOptions: { tolerant: true } } : {}) },
    { files: js.files, rules: demanding ? DEMANDING_OPTIONS.js : every },
  ];
}

export async function createEslint(cwd: string, choice: ConfigChoice = {}): Promise<ESLint> {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: await allRulesConfig(choice) });
}

/** A fresh temporary folder, optionally holding a copy of the bundled example suite. */
export function tempFolder(prefix: string, withExamples = false): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  if (withExamples) {
    cpSync(join(ROOT, "examples"), path, { recursive: true });
  }
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/**
 * The lines each language's SourceCode counts: Python's splits at "\n", "\r\n" and a lone "\r" (as
 * Python does), JS's also at U+2028 and U+2029. ESLint drops a leading byte order mark first.
 */
export function linesOf(text: string, language: Language): string[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return body.split(language === "python" ? /\r\n|[\r\n]/u : /\r\n|[\r\n\u2028\u2029]/u);
}

interface Position {
  line: number | undefined;
  column: number | undefined;
}

function positionProblem(lines: readonly string[], { line, column }: Position, what: string): string | null {
  if (!Number.isInteger(line) || !Number.isInteger(column)) {
    return `${what} is not a line and column (${String(line)}:${String(column)})`;
  }
  if (line! < 1 || line! > lines.length) {
    return `${what} line ${line!} is outside 1..${lines.length}`;
  }
  const lastColumn = lines[line! - 1]!.length + 1;
  if (column! < 1 || column! > lastColumn) {
    return `${what} column ${column!} is outside 1..${lastColumn} on line ${line!}`;
  }
  return null;
}

/**
 * ESLint's own reports on the `eslint-disable` comments the fuzzed files write: one that silenced
 * nothing, or one naming a rule that does not exist (in Python a lone "\r" does not end a line, so a
 * comment runs on to the next "\n" and its rule list takes in the code after it).
 */
function isDirectiveReport(message: Linter.LintMessage): boolean {
  return (
    (message.ruleId === null && /^Unused eslint-(?:disable|enable) directive/u.test(message.message)) ||
    message.message === `Definition for rule '${String(message.ruleId)}' was not found.`
  );
}

/**
 * What is wrong with a file's messages, or [] when nothing is: every message has a 1-based line and
 * column inside the text, an end (when given) inside the text and not before the start, and is either
 * a testaudit rule's finding, ESLint's report on a directive comment, or a fatal parsing error (which
 * then is the only message).
 */
export function messageProblems(text: string, language: Language, messages: readonly Linter.LintMessage[]): string[] {
  const lines = linesOf(text, language);
  const problems: string[] = [];
  for (const message of messages) {
    const label = `${message.ruleId ?? "fatal"} "${message.message.slice(0, 120)}"`;
    const start = positionProblem(lines, message, `${label} start`);
    if (start) {
      problems.push(start);
    }
    if (message.endLine !== undefined || message.endColumn !== undefined) {
      const end = positionProblem(lines, { line: message.endLine, column: message.endColumn }, `${label} end`);
      if (end) {
        problems.push(end);
      } else if (message.endLine! < message.line || (message.endLine === message.line && message.endColumn! < message.column)) {
        problems.push(`${label} ends before it starts`);
      }
    }
    if (message.fatal === true) {
      if (message.ruleId !== null || !message.message.startsWith("Parsing error: ") || messages.length !== 1) {
        problems.push(`${label} is a fatal message that is not a lone parsing error`);
      }
    } else if (!RULE_IDS.includes(message.ruleId ?? "") && !isDirectiveReport(message)) {
      problems.push(`${label} comes from no testaudit rule`);
    }
  }
  return problems;
}
