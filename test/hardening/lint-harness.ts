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

export const RULE_IDS = ["testaudit/no-mocks", "testaudit/require-base-class", "testaudit/require-bvj", "testaudit/max-tests-per-file"];

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
 * The recommended configs, with all four rules switched on explicitly in both languages' files.
 * `tolerant` lints Python files with syntax errors too, so the rules meet broken trees.
 */
export async function allRulesConfig({ tolerant = false } = {}): Promise<Linter.Config[]> {
  const plugin = await loadPlugin();
  const every = Object.fromEntries(RULE_IDS.map((id) => [id, "error"])) as Linter.RulesRecord;
  const python = plugin.configs["recommended-python"];
  const js = plugin.configs["recommended-js"];
  return [
    ...plugin.configs.recommended,
    { files: python.files, rules: every, ...(tolerant ? { languageOptions: { tolerant: true } } : {}) },
    { files: js.files, rules: every },
  ];
}

export async function createEslint(cwd: string, options: { tolerant?: boolean } = {}): Promise<ESLint> {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: await allRulesConfig(options) });
}

/** A fresh temporary folder, optionally holding a copy of the bundled example suite. */
export function tempFolder(prefix: string, withExamples = false): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  if (withExamples) {
    cpSync(join(ROOT, "examples"), path, { recursive: true });
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * The lines each language's SourceCode counts: Python's splits at "\n" and "\r\n" only (as tree-sitter
 * does), JS's also at a lone "\r", U+2028 and U+2029. ESLint drops a leading byte order mark first.
 */
export function linesOf(text: string, language: Language): string[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  return body.split(language === "python" ? /\r?\n/u : /\r\n|[\r\n\u2028\u2029]/u);
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
    return `${what} line ${line} is outside 1..${lines.length}`;
  }
  const lastColumn = lines[line! - 1]!.length + 1;
  if (column! < 1 || column! > lastColumn) {
    return `${what} column ${column} is outside 1..${lastColumn} on line ${line}`;
  }
  return null;
}

/** ESLint's own report of an `eslint-disable` comment that silenced nothing (the fuzzed files write some). */
function isUnusedDirectiveReport(message: Linter.LintMessage): boolean {
  return message.ruleId === null && /^Unused eslint-(?:disable|enable) directive/u.test(message.message);
}

/**
 * What is wrong with a file's messages, or [] when nothing is: every message has a 1-based line and
 * column inside the text, an end (when given) inside the text and not before the start, and is either
 * a testaudit rule's finding, ESLint's report of an unused directive, or a fatal parsing error (which
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
    } else if (!RULE_IDS.includes(message.ruleId ?? "") && !isUnusedDirectiveReport(message)) {
      problems.push(`${label} comes from no testaudit rule`);
    }
  }
  return problems;
}
