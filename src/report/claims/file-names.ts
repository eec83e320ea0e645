/** Which words name code files and test files, and which file a line names. */
import { isLetter, isUpper } from "./chars.js";
import type { Tok } from "./tokens.js";

const CODE_EXTENSIONS = new Set([
  "py", "pyi", "ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs",
  "go", "rb", "java", "kt", "kts", "rs", "cs", "php", "swift", "scala", "ex", "exs",
]);

const TEST_DIRS = new Set(["test", "tests", "__tests__", "spec", "specs", "e2e", "integration_tests", "testing"]);

/** The extension of a code file named by `s`, or null ("test_db.py" → "py"). */
export function codeExtension(s: string): string | null {
  const dot = s.lastIndexOf(".");
  if (dot <= 0 || dot === s.length - 1) {
    return null;
  }
  const ext = s.slice(dot + 1).toLowerCase();
  if (!CODE_EXTENSIONS.has(ext)) {
    return null;
  }
  const slash = Math.max(s.lastIndexOf("/"), s.lastIndexOf("\\"));
  const stem = s.slice(slash + 1, dot);
  for (let i = 0; i < stem.length; i += 1) {
    if (isLetter(stem.charCodeAt(i))) {
      return ext;
    }
  }
  return null;
}

/** Names a test file by the usual conventions: test_x.py, x_test.go, x.test.ts, XTest.java, tests/… */
export function isTestFileName(path: string): boolean {
  const parts = path.replaceAll("\\", "/").split("/");
  const base = parts[parts.length - 1] ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const low = stem.toLowerCase();
  if (
    low.startsWith("test_") || low.startsWith("test-") || low === "test" || low === "tests" ||
    low.endsWith("_test") || low.endsWith("_tests") || low.endsWith("-test") || low.endsWith("_spec") ||
    low.endsWith(".test") || low.endsWith(".spec") || low.includes(".test.") || low.includes(".spec.")
  ) {
    return true;
  }
  if (stem.endsWith("Test") || stem.endsWith("Tests") || stem.endsWith("IT")) {
    return true;
  }
  if (stem.startsWith("Test") && stem.length > 4 && isUpper(stem.charCodeAt(4))) {
    return true;
  }
  for (let i = 0; i < parts.length - 1; i += 1) {
    if (TEST_DIRS.has((parts[i] ?? "").toLowerCase())) {
      return true;
    }
  }
  return false;
}

/** Files named on a line; two mentions of one file (a link's text and target) count once. */
export function distinctFiles(toks: readonly Tok[]): string[] {
  const files: string[] = [];
  for (const t of toks) {
    if (t.kind === "file") {
      files.push(t.text);
    }
  }
  if (files.length <= 1) {
    return files;
  }
  const base = (f: string): string => f.slice(Math.max(f.lastIndexOf("/"), f.lastIndexOf("\\")) + 1);
  const first = base(files[0]!);
  let longest = files[0]!;
  for (const f of files) {
    if (base(f) !== first) {
      return files;
    }
    if (f.length > longest.length) {
      longest = f;
    }
  }
  return [longest];
}

/** The one file in `files`, or null when there are none or several. */
export function soleFile(files: readonly string[]): string | null {
  return files.length === 1 ? files[0]! : null;
}
