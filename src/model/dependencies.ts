/**
 * Keeps ESLint's cache correct across files. `eslint --cache` reuses a file's results while the file
 * and its config are unchanged, but testaudit's results for a file also depend on other files: the
 * modules its base classes live in, `__init__.py` files that make packages, and pytest configuration
 * files (found or probed and missing). The model records every such path as it reads or probes it,
 * and appends new ones to a manifest kept outside the user's repository: in the folder ESLint was given
 * as `--cache-location DIR/`, else in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`, else the
 * system's temporary folder), under a name made from the project root's path. When the plugin loads,
 * the configs carry a stamp of the size and modification time of every path in the manifest in their
 * `settings`, which ESLint's cache keys on: when one of those files changes, appears or disappears,
 * the next run's config differs and every file is linted again.
 *
 * The first cached run after a new dependency appears lints everything once more, because its stamp was
 * taken before the dependency was recorded; results are never stale, only re-computed.
 */
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";

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

function readManifest(manifest: string): string[] {
  try {
    return readFileSync(manifest, "utf8").split("\n").filter((line) => line !== "");
  } catch {
    return [];
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
    known = new Set(readManifest(manifest));
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
    appendFileSync(manifest, `${fresh.join("\n")}\n`);
  } catch {
    // A read-only project cannot keep a manifest; ESLint's cache is then as blind as without testaudit.
  }
}

/** A digest of the size and modification time (or absence) of every path in the manifest of `cwd`. */
export function dependencyStamp(cwd: string): string {
  const digest = createHash("sha1");
  for (const path of [...new Set(readManifest(manifestPath(cwd)))].sort()) {
    let stat: Stats | undefined;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch {
      // A path too long to look up is as absent as a missing one.
    }
    digest.update(`${path}\0${stat ? `${stat.mtimeMs}:${stat.size}` : "-"}\n`);
  }
  return digest.digest("hex");
}
