/**
 * Keeps ESLint's cache correct across files. `eslint --cache` reuses a file's results while the file
 * and its config are unchanged, but testaudit's results for a file also depend on other files: the
 * modules its base classes live in, `__init__.py` files that make packages, and pytest configuration
 * files (found or probed and missing). The model records every such path as it reads or probes it,
 * and appends new ones, each with its size and modification time (or absence) when it was recorded, to
 * a manifest kept outside the user's repository: in the folder ESLint was given as
 * `--cache-location DIR/`, else in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`, else the
 * system's temporary folder), under a name made from the project root's path. When the plugin loads,
 * the configs carry in their `settings`, which ESLint's cache keys on, a stamp of every manifest path
 * whose state now differs from its recorded one, with that state: when a dependency changes, appears or
 * disappears, the next run's config differs and every file is linted again.
 *
 * A path recorded unchanged adds nothing to the stamp, so recording new dependencies does not change
 * it: the run after a cold one takes every result from the cache. Two configs stamp alike only when
 * every dependency is in the same state, so a result is never reused across a change.
 */
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { statOf } from "./fs-snapshot.js";

/** The folder ESLint's `--cache-location` names when it names a folder (ending in a separator, or an existing folder). */
function eslintCacheFolder(argv: readonly string[], cwd: string): string | undefined {
  const index = argv.findIndex((arg) => arg === "--cache-location" || arg.startsWith("--cache-location="));
  const value = index === -1 ? undefined : argv[index]!.includes("=") ? argv[index]!.slice(argv[index]!.indexOf("=") + 1) : argv[index + 1];
  if (value === undefined || value === "") {
    return undefined;
  }
  const location = resolve(cwd, value);
  const isFolder = value.endsWith("/") || value.endsWith(sep) || statSync(location, { throwIfNoEntry: false })?.isDirectory() === true;
  return isFolder ? location : undefined;
}

/** The user's cache folder: XDG's, else `~/.cache`, else the temporary folder when there is no home. */
function userCacheFolder(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg !== "") {
    return xdg;
  }
  try {
    return join(homedir(), ".cache");
  } catch {
    return tmpdir();
  }
}

const manifestPaths = new Map<string, string>();

/** Where the manifest of the project at `cwd` lives: one file per project root, never inside the project. */
function manifestPath(cwd: string): string {
  let path = manifestPaths.get(cwd);
  if (path === undefined) {
    path = locateManifest(cwd);
    manifestPaths.set(cwd, path);
  }
  return path;
}

function locateManifest(cwd: string): string {
  let root = resolve(cwd);
  try {
    root = realpathSync(root);
  } catch {
    // A working directory that cannot be resolved is keyed as written.
  }
  const key = createHash("sha1").update(root).digest("hex").slice(0, 16);
  const folder = eslintCacheFolder(process.argv, cwd) ?? join(userCacheFolder(), "testaudit");
  return join(folder, `testaudit-dependencies-${key}.txt`);
}

/** Paths already in the manifest or waiting to be appended, by manifest. */
const recorded = new Map<string, Set<string>>();
let pending: string[] = [];

/** A manifest line: a path, then NUL and its state when recorded (lines of older manifests have none). */
const STATE_SEPARATOR = "\0";

/** The recorded state of every path in a manifest; a path recorded twice (by parallel workers) keeps its first. */
function readManifest(manifest: string): Map<string, string | undefined> {
  const states = new Map<string, string | undefined>();
  let text: string;
  try {
    text = readFileSync(manifest, "utf8");
  } catch {
    return states;
  }
  for (const line of text.split("\n")) {
    const at = line.indexOf(STATE_SEPARATOR);
    const path = at === -1 ? line : line.slice(0, at);
    if (path !== "" && !states.has(path)) {
      states.set(path, at === -1 ? undefined : line.slice(at + 1));
    }
  }
  return states;
}

/** A path's state: its size and modification time, or `-` when nothing is there. */
function stateOf(stat: { mtimeMs: number; size: number } | undefined): string {
  return stat ? `${stat.mtimeMs}:${stat.size}` : "-";
}

/** The state of `path` now, asked afresh (the stamp is taken when the plugin loads, before any lint). */
function currentStateOf(path: string): string {
  try {
    return stateOf(statSync(path, { throwIfNoEntry: false }));
  } catch {
    // A path too long to look up is as absent as a missing one.
    return stateOf(undefined);
  }
}

/** Notes that the results of the file being linted depend on `path` (read, or probed and missing). */
export function dependsOn(path: string): void {
  // The manifest holds a path a line; a path no file system can hold (from junk in an import) needs no line.
  if (!/[\n\0]/u.test(path)) {
    pending.push(path);
  }
}

/** Appends the paths recorded since the last flush that the manifest of `cwd` does not hold yet. */
export function flushDependencies(cwd: string): void {
  if (pending.length === 0) {
    return;
  }
  const manifest = manifestPath(cwd);
  let known = recorded.get(manifest);
  if (!known) {
    known = new Set(readManifest(manifest).keys());
    recorded.set(manifest, known);
  }
  const fresh = [...new Set(pending)].filter((path) => !known.has(path));
  pending = [];
  if (fresh.length === 0) {
    return;
  }
  for (const path of fresh) {
    known.add(path);
  }
  try {
    mkdirSync(dirname(manifest), { recursive: true });
    // One append per linted file: lines from parallel workers interleave whole, and duplicates are harmless.
    // Recorded as the model saw it: the file-system snapshot holds the stats its reads were made with.
    appendFileSync(manifest, fresh.map((path) => `${path}${STATE_SEPARATOR}${stateOf(statOf(path))}\n`).join(""));
  } catch {
    // A read-only project cannot keep a manifest; ESLint's cache is then as blind as without testaudit.
  }
}

/** A digest of every path in the manifest of `cwd` whose state differs from its recorded one, with that state. */
export function dependencyStamp(cwd: string): string {
  const digest = createHash("sha1");
  const states = readManifest(manifestPath(cwd));
  for (const path of [...states.keys()].sort()) {
    const state = currentStateOf(path);
    if (state !== states.get(path)) {
      digest.update(`${path}\0${state}\n`);
    }
  }
  return digest.digest("hex");
}
