/**
 * The tree a report is checked against, beyond the test files the audit reads: which files exist (a
 * claim about a file the tree does not hold is unverifiable, never false), their byte sizes and line
 * counts, which files name an identifier, and the classes defined across files. Walked once, lazily,
 * from the paths given to `verify`, skipping dependency, build and hidden folders; files are read
 * only when a claim needs their text.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { editorLineCount, lineFeedCount } from "../model/line-count.js";

/** Folders no report means when it counts "files in the codebase". */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", "build", "coverage", "__pycache__", "venv", "site-packages"]);
/** Files searched for identifiers and class definitions. */
const SOURCE_EXTENSIONS = new Set(["py", "pyi", "ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs", "java", "kt", "go", "rb", "cs", "php", "swift", "scala", "rs"]);
/** A file larger than this is no source file a report counts; it is not read. */
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
/** A tree larger than this is cut off, and said so. */
export const MAX_TREE_FILES = 200_000;

export interface TreeFile {
  /** Relative to the working directory, with "/". */
  path: string;
  bytes: number;
}

export interface ClassDefinition {
  name: string;
  path: string;
  line: number;
}

function extensionOf(path: string): string {
  const dot = path.lastIndexOf(".");
  return dot < 0 ? "" : path.slice(dot + 1).toLowerCase();
}

function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** Whether `text` holds `name` as a whole identifier (not inside a longer one). */
function holdsIdentifier(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isIdentifierChar(text.charCodeAt(at - 1)) && !isIdentifierChar(text.charCodeAt(at + name.length))) {
      return true;
    }
  }
  return false;
}

/** `class Name` at the start of a line (Python) or after export/abstract modifiers (JS, TS, Java …). */
function classesIn(text: string, path: string): ClassDefinition[] {
  const found: ClassDefinition[] = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    let rest = line.trimStart();
    for (const modifier of ["export ", "default ", "abstract ", "public ", "final ", "declare ", "private ", "internal ", "sealed ", "data ", "open "]) {
      if (rest.startsWith(modifier)) {
        rest = rest.slice(modifier.length).trimStart();
      }
    }
    if (!rest.startsWith("class ")) {
      return;
    }
    rest = rest.slice(6).trimStart();
    let end = 0;
    while (end < rest.length && isIdentifierChar(rest.charCodeAt(end))) {
      end += 1;
    }
    if (end > 0) {
      found.push({ name: rest.slice(0, end), path, line: index + 1 });
    }
  });
  return found;
}

export class CodeTree {
  readonly #cwd: string;
  readonly #roots: readonly string[];
  #files: TreeFile[] | null = null;
  #truncated = false;
  #classes: ClassDefinition[] | null = null;
  readonly #texts = new Map<string, string | null>();

  /** `roots`: the paths given to verify, relative to `cwd`. */
  constructor(cwd: string, roots: readonly string[]) {
    this.#cwd = cwd;
    this.#roots = roots;
  }

  /** Whether the walk stopped at MAX_TREE_FILES files: counts over the tree are then lower bounds. */
  get truncated(): boolean {
    this.files();
    return this.#truncated;
  }

  files(): readonly TreeFile[] {
    if (this.#files !== null) {
      return this.#files;
    }
    const files: TreeFile[] = [];
    const visit = (absolute: string): void => {
      if (files.length >= MAX_TREE_FILES) {
        this.#truncated = true;
        return;
      }
      let stats;
      try {
        stats = statSync(absolute);
      } catch {
        return;
      }
      if (stats.isDirectory()) {
        let entries: string[];
        try {
          entries = readdirSync(absolute).sort();
        } catch {
          return;
        }
        for (const entry of entries) {
          if (!entry.startsWith(".") && !SKIPPED_FOLDERS.has(entry)) {
            visit(join(absolute, entry));
          }
        }
      } else if (stats.isFile()) {
        files.push({ path: relative(this.#cwd, absolute).split(sep).join("/"), bytes: stats.size });
      }
    };
    for (const root of this.#roots) {
      visit(join(this.#cwd, root));
    }
    this.#files = files;
    return files;
  }

  /**
   * The tree's files a report's name for a file means: the same path, a path ending in it ("tests/x.py"
   * for "x.py"), or the tail of an absolute path the report gives ("C:\repo\tests\x.py").
   */
  find(named: string): TreeFile[] {
    const wanted = named.replace(/\\/gu, "/").replace(/^\.\//u, "");
    return this.files().filter((file) => file.path === wanted || file.path.endsWith(`/${wanted}`) || wanted.endsWith(`/${file.path}`));
  }

  /** A file's text, or null when it is too large or unreadable; kept for the files claims name. */
  text(path: string): string | null {
    if (!this.#texts.has(path)) {
      this.#texts.set(path, this.#read(path));
    }
    return this.#texts.get(path) ?? null;
  }

  /** A file's text, read afresh: whole-tree scans keep no texts in memory. */
  #read(path: string): string | null {
    try {
      const file = join(this.#cwd, path);
      return statSync(file).size <= MAX_SOURCE_BYTES ? readFileSync(file, "utf8") : null;
    } catch {
      return null;
    }
  }

  lineCounts(path: string): { lines: number; lineFeeds: number } | null {
    const text = this.text(path);
    return text === null ? null : { lines: editorLineCount(text), lineFeeds: lineFeedCount(text) };
  }

  sourceFiles(): TreeFile[] {
    return this.files().filter((file) => SOURCE_EXTENSIONS.has(extensionOf(file.path)) && file.bytes <= MAX_SOURCE_BYTES);
  }

  /** Source files naming `name`: as a whole identifier, and anywhere (as `grep -l` counts). */
  filesReferencing(name: string): { word: number; substring: number } {
    let word = 0;
    let substring = 0;
    for (const file of this.sourceFiles()) {
      const text = this.#read(file.path);
      if (text?.includes(name)) {
        substring += 1;
        if (holdsIdentifier(text, name)) {
          word += 1;
        }
      }
    }
    return { word, substring };
  }

  /** Every class defined in the tree's source files: the cross-file class index. */
  classes(): readonly ClassDefinition[] {
    if (this.#classes === null) {
      this.#classes = this.sourceFiles().flatMap((file) => {
        const text = this.#read(file.path);
        return text?.includes("class ") ? classesIn(text, file.path) : [];
      });
    }
    return this.#classes;
  }

  /** `def` statements (functions and methods) of a Python file; null for other languages. */
  pythonFunctions(path: string): number | null {
    if (extensionOf(path) !== "py") {
      return null;
    }
    const text = this.text(path);
    if (text === null) {
      return null;
    }
    let count = 0;
    for (const line of text.split("\n")) {
      const trimmed = line.trimStart();
      if (trimmed.startsWith("def ") || trimmed.startsWith("async def ")) {
        count += 1;
      }
    }
    return count;
  }
}
