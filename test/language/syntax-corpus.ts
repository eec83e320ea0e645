/**
 * The syntax-error corpus: CPython's own error cases (extracted by label.py from the installed test
 * suite) and single-edit mutations of real files (recipes in test/fixtures/syntax-errors/mutations.json,
 * applied to the installed files here). Every entry is labelled by python3 itself, in one process.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/syntax-errors");
const ROOT = resolve(import.meta.dirname, "../..");
export const PYTHON = "/usr/bin/python3";
export const CPYTHON_TESTS = "/usr/lib/python3.11/test";

export interface OracleLabel {
  class: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
}

export interface CorpusEntry {
  name: string;
  text: string;
  /** What Python 3.11 says: null when it compiles the text. */
  label: OracleLabel | null;
}

interface Recipe {
  kind: string;
  source: string;
  offset: number;
  remove: string;
  insert: string;
}

/** Applies one recipe to the installed file, or null when the installed file is not the one it was made for. */
function applyRecipe(recipe: Recipe): Buffer | null {
  const path = recipe.source.startsWith("/") ? recipe.source : join(ROOT, recipe.source);
  if (!existsSync(path)) {
    return null;
  }
  const bytes = readFileSync(path);
  const removed = Buffer.from(recipe.remove, "utf8");
  if (!bytes.subarray(recipe.offset, recipe.offset + removed.length).equals(removed)) {
    return null;
  }
  return Buffer.concat([bytes.subarray(0, recipe.offset), Buffer.from(recipe.insert, "utf8"), bytes.subarray(recipe.offset + removed.length)]);
}

/**
 * Why an entry is left out of the rates, or null to keep it. The oracle is Python 3.11, but the
 * checker accepts what newer Pythons accept, and decoding bytes is the file reader's job, not the
 * checker's (it gets text).
 */
export function exclusionReason(entry: CorpusEntry): string | null {
  const message = entry.label?.msg ?? "";
  if (message.startsWith("(unicode error)") || message.startsWith("encoding problem")) {
    return "a decoding error: the checker reads text, already decoded";
  }
  if (entry.label?.class !== undefined && !["SyntaxError", "IndentationError", "TabError"].includes(entry.label.class)) {
    return `python3 raised ${entry.label.class}, not a syntax error`;
  }
  if (message === "multiple exception types must be parenthesized" && !/^\s*except\b.*\bas\b/mu.test(entry.text)) {
    return "PEP 758: Python 3.14 accepts `except A, B:` without parentheses";
  }
  return null;
}

export function loadCorpus(): CorpusEntry[] {
  const folder = mkdtempSync(join(tmpdir(), "testaudit-syntax-"));
  try {
    const { recipes } = JSON.parse(readFileSync(join(FIXTURES, "mutations.json"), "utf8")) as { recipes: Recipe[] };
    for (const [index, recipe] of recipes.entries()) {
      const mutated = applyRecipe(recipe);
      if (mutated !== null) {
        const base = recipe.source.split("/").pop()!.replace(/\.py$/u, "");
        writeFileSync(join(folder, `mutation-${String(index).padStart(3, "0")}-${recipe.kind}-${base}.py`), mutated);
      }
    }
    const labels = JSON.parse(execFileSync(PYTHON, [join(FIXTURES, "label.py"), folder], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as Record<string, OracleLabel | null>;
    return readdirSync(folder)
      .filter((name) => name.endsWith(".py"))
      .sort()
      .map((name) => ({ name, text: readFileSync(join(folder, name), "utf8"), label: labels[name] ?? null }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** CPython's offset counts code points; ESLint's column counts UTF-16 code units. */
export function utf16Column(text: string, line: number, offset: number): number {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  const content = lines[line - 1] ?? "";
  let column = 0;
  for (let codePoints = 0; codePoints < offset - 1 && column < content.length; codePoints++) {
    column += content.codePointAt(column)! > 0xffff ? 2 : 1;
  }
  return column + 1;
}
