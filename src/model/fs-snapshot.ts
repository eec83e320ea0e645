/**
 * The file-system questions the model asks about other files (is there a file here, a folder, what are
 * its size and time), answered once per path and kept, failures included: resolving one import probes
 * the same candidate paths again and again, and the conftest.py chain and pytest config of a folder
 * are the same for all its files.
 *
 * How long an answer is kept: inside `testaudit`, for the whole audit (it opens a run: each path is
 * asked once, the tree taken as it was when first asked about); otherwise for the lint of one file, so
 * an editor's next check sees a base class or a conftest.py saved a moment ago.
 *
 * Kept under a global symbol, as the model sink is: the CLI and the user's config may load two copies
 * of this module, and the run the CLI opens must hold for the rules the config's copy runs.
 */
import { statSync } from "node:fs";

/** What the model asks of a path's stats; kept rather than the Stats object, which holds four Dates and twelve numbers. */
export interface PathStat {
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly size: number;
  readonly mtimeMs: number;
}

interface Snapshot {
  answers: Map<string, PathStat | undefined>;
  /** Answers derived from the file system alone (which file a module name finds), by table and key. */
  derived: Map<string, unknown>;
  openRuns: number;
}

const SNAPSHOT = Symbol.for("testaudit.fsSnapshot");

function snapshot(): Snapshot {
  const global = globalThis as Record<symbol, Snapshot | undefined>;
  global[SNAPSHOT] ??= { answers: new Map(), derived: new Map(), openRuns: 0 };
  return global[SNAPSHOT];
}

/**
 * The stats of `path`, or undefined when nothing is there. A path the system cannot look up (a name
 * too long, a NUL byte: junk from an import) names nothing either.
 */
export function statOf(path: string): PathStat | undefined {
  const { answers } = snapshot();
  if (answers.has(path)) {
    return answers.get(path);
  }
  let stat: PathStat | undefined;
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    stat = stats && { isFile: stats.isFile(), isDirectory: stats.isDirectory(), size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    stat = undefined;
  }
  answers.set(path, stat);
  return stat;
}

/** The stats of the regular file at `path`, or undefined when there is none. */
export function statIfFile(path: string): PathStat | undefined {
  const stat = statOf(path);
  return stat?.isFile === true ? stat : undefined;
}

export function isFile(path: string): boolean {
  return statOf(path)?.isFile === true;
}

export function isDirectory(path: string): boolean {
  return statOf(path)?.isDirectory === true;
}

/**
 * What `compute` answers for `key` in `table`, kept as long as the stats are: for questions whose answer
 * follows from the files alone, like which file a module name finds from a list of import roots. Inside
 * a run, the thousands of files that import the same modules ask once. `compute` must not depend on
 * which file is being linted beyond what `key` says, and what it records for the cache (dependsOn) is
 * recorded the first time only, which is enough: the run's manifest is one list for every file.
 */
export function keptAnswer<T>(table: string, key: string, compute: () => T): T {
  const { derived } = snapshot();
  const slot = `${table}\0${key}`;
  if (derived.has(slot)) {
    return derived.get(slot) as T;
  }
  const answer = compute();
  derived.set(slot, answer);
  return answer;
}

function forget(state: Snapshot): void {
  state.answers.clear();
  state.derived.clear();
}

/** A new file's lint begins: outside a run, what was asked for the last one is asked again. */
export function startLint(): void {
  const state = snapshot();
  if (state.openRuns === 0) {
    forget(state);
  }
}

/** Runs `work` with every answer kept until it ends. Runs nest; when the last one ends, answers go. */
export async function inOneRun<T>(work: () => Promise<T>): Promise<T> {
  const state = snapshot();
  state.openRuns += 1;
  try {
    return await work();
  } finally {
    state.openRuns -= 1;
    if (state.openRuns === 0) {
      forget(state);
    }
  }
}
