/**
 * The paths an audit considers, found as ESLint finds them (files under the named folders, globs matched
 * with ESLint's own minimatch options, `node_modules` and `.git` left out, symlinked files followed and
 * symlinked folders not), but sorted into what can be read and what cannot: a FIFO, socket or device is
 * never opened (reading a FIFO blocks), a symlink that leaves the project root is not followed (its
 * target's bytes could reach a message), and a dangling or looping symlink is a file that cannot be read.
 * The walk is iterative: a deep tree cannot overflow the stack.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { minimatch } from "minimatch";
import type { SkippedReport } from "./report-types.js";

/** The options `@eslint/config-array` matches `files` and `ignores` with. */
export const ESLINT_MINIMATCH_OPTIONS = { dot: true };

/** Folders ESLint never lints. */
const ALWAYS_IGNORED = new Set(["node_modules", ".git"]);

export interface Discovered {
  /** Regular files, and symlinks to regular files inside the root: what may be audited. */
  files: string[];
  /** Paths not read, with why; `named` when a pattern names the path itself. */
  skipped: { path: string; reason: SkippedReport["reason"]; named?: boolean }[];
  /** Paths that cannot be read: a dangling or looping symlink, a file gone or forbidden. */
  broken: { path: string; code: string; message: string }[];
}

type Entry = { kind: "file" } | { kind: "folder" } | { kind: "skip"; reason: SkippedReport["reason"] } | { kind: "broken"; code: string; message: string } | { kind: "none" };

function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

function errorOf(error: unknown): { code: string; message: string } {
  const { code, message } = error as NodeJS.ErrnoException;
  return { code: code ?? "EIO", message };
}

function kindOf(stats: Stats): Entry {
  if (stats.isFile()) {
    return { kind: "file" };
  }
  if (stats.isDirectory()) {
    return { kind: "folder" };
  }
  return { kind: "skip", reason: stats.isFIFO() ? "fifo" : stats.isSocket() ? "socket" : "device" };
}

/**
 * What `path` is. A symlink is followed only to a regular file inside `root` (the real path of the
 * working directory); a symlinked folder is not walked, as ESLint does not walk one.
 */
function classify(path: string, root: string, followFolderLinks: boolean): Entry {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    return { kind: "broken", ...errorOf(error) };
  }
  if (!stats.isSymbolicLink()) {
    return kindOf(stats);
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    // Dangling or looping: not followed either when what it names is outside the root.
    let target: string;
    try {
      target = resolve(dirname(path), readlinkSync(path));
    } catch {
      target = path;
    }
    return within(root, target) ? { kind: "broken", ...errorOf(error) } : { kind: "skip", reason: "outsideRoot" };
  }
  if (!within(root, real)) {
    return { kind: "skip", reason: "outsideRoot" };
  }
  try {
    const entry = kindOf(statSync(path));
    return entry.kind === "folder" && !followFolderLinks ? { kind: "none" } : entry;
  } catch (error) {
    return { kind: "broken", ...errorOf(error) };
  }
}

/** Files and folders below `folder`, depth first, in no particular order. */
function walk(folder: string, root: string, found: Discovered): void {
  const folders = [folder];
  for (let next = folders.pop(); next !== undefined; next = folders.pop()) {
    let names: string[];
    try {
      names = readdirSync(next);
    } catch (error) {
      found.broken.push({ path: next, ...errorOf(error) });
      continue;
    }
    for (const name of names) {
      const path = join(next, name);
      const entry = classify(path, root, false);
      if (entry.kind === "folder") {
        if (!ALWAYS_IGNORED.has(name)) {
          folders.push(path);
        }
      } else {
        record(path, entry, found);
      }
    }
  }
}

function record(path: string, entry: Entry, found: Discovered): void {
  if (entry.kind === "file") {
    found.files.push(path);
  } else if (entry.kind === "skip") {
    found.skipped.push({ path, reason: entry.reason });
  } else if (entry.kind === "broken") {
    found.broken.push({ path, code: entry.code, message: entry.message });
  }
}

/**
 * The paths `patterns` name (files, folders, or globs relative to `cwd`), each once, sorted.
 * @throws {Error} naming a pattern that matches nothing.
 */
export function discover(cwd: string, patterns: readonly string[]): Discovered {
  const root = realpathSync(cwd);
  const found: Discovered = { files: [], skipped: [], broken: [] };
  let everything: Discovered | undefined;
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    if (lstatSync(path, { throwIfNoEntry: false }) !== undefined) {
      // A path through a symlinked folder (`tests/linked/test_a.py`) is outside the root when what it names is.
      const real = realpathIfAny(path);
      const entry = real !== undefined && !within(root, real) ? ({ kind: "skip", reason: "outsideRoot" } as const) : classify(path, root, true);
      if (entry.kind === "folder") {
        walk(path, root, found);
      } else if (entry.kind === "skip") {
        found.skipped.push({ path, reason: entry.reason, named: true });
      } else {
        record(path, entry, found);
      }
      continue;
    }
    // Not a path: a glob over the working directory's files.
    everything ??= walkAll(cwd, root);
    const matches = (item: { path: string }): boolean => minimatch(relative(cwd, item.path).split(sep).join("/"), pattern, ESLINT_MINIMATCH_OPTIONS);
    const before = found.files.length + found.skipped.length + found.broken.length;
    append(found.files, everything.files.filter((file) => matches({ path: file })));
    append(found.skipped, everything.skipped.filter(matches));
    append(found.broken, everything.broken.filter(matches));
    if (found.files.length + found.skipped.length + found.broken.length === before) {
      throw new Error(`No files matching the pattern "${pattern}" were found.`);
    }
  }
  const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const unique = <T extends { path: string }>(items: T[]): T[] => [...new Map(items.map((item) => [item.path, item])).values()].sort(byPath);
  return {
    files: [...new Set(found.files)].sort(),
    skipped: unique(found.skipped),
    broken: unique(found.broken),
  };
}

function realpathIfAny(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function walkAll(cwd: string, root: string): Discovered {
  const all: Discovered = { files: [], skipped: [], broken: [] };
  walk(cwd, root, all);
  return all;
}

/** `target.push(...items)` without passing every item as an argument, which overflows the stack on a large tree. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) {
    target.push(item);
  }
}
