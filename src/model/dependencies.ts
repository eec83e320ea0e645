/**
 * Keeps ESLint's cache correct across files. `eslint --cache` reuses a file's results while the file
 * and its config are unchanged, but testaudit's results for a file also depend on other files: the
 * modules its base classes live in, `__init__.py` files that make packages, and pytest configuration
 * files (found or probed and missing). The model records every such path as it reads or probes it,
 * and appends new ones to a manifest under `node_modules/.cache/testaudit/`. When the plugin loads,
 * the configs carry a stamp of the size and modification time of every path in the manifest in their
 * `settings`, which ESLint's cache keys on: when one of those files changes, appears or disappears,
 * the next run's config differs and every file is linted again.
 *
 * The first cached run after a new dependency appears lints everything once more, because its stamp was
 * taken before the dependency was recorded; results are never stale, only re-computed.
 */
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";

const MANIFEST = join("node_modules", ".cache", "testaudit", "dependencies.txt");

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
  const manifest = resolve(cwd, MANIFEST);
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
  for (const path of [...new Set(readManifest(resolve(cwd, MANIFEST)))].sort()) {
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
