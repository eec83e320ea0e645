/**
 * What testaudit reads from other project files (base classes' modules, conftest.py files), kept per
 * path and read again when the file's size or modification time changes, so long-lived processes
 * (editors, the CLI over thousands of files) see edits and read each file once otherwise.
 *
 * It keeps the most recently used entries only, so memory does not grow with the suite: every file
 * linted is remembered in case another imports it, which few are, while the modules many files share
 * (conftest.py chains, base classes, helpers) are used again and again and stay. An entry that went is
 * read again when asked for, to the same value.
 *
 * A value is kept as a deep copy (`structuredClone`): what the model reads of a file holds names that
 * are slices of the file's text, and V8 keeps a whole text alive for as long as one slice of it lives,
 * so a kept summary would hold its file's source (a thousand files of the standard library: 28 MB).
 * The values are plain data (objects, arrays, Maps, strings), which a clone copies faithfully.
 */
import { readFileSync } from "node:fs";
import { statIfFile } from "./fs-snapshot.js";

/** How many files' values a cache keeps: far more than the modules a suite's tests share. */
export const FILE_CACHE_ENTRIES = 1000;

export class FileCache<T> {
  /** In order of last use, the least recent first. */
  readonly #entries = new Map<string, { stamp: string; value: T | null }>();
  readonly #read: (path: string, text: string) => T | null;
  readonly #capacity: number;

  /**
   * @param read what to keep of a file's text; it may throw (the file then gives null).
   * @param capacity how many files' values to keep.
   */
  constructor(read: (path: string, text: string) => T | null, capacity = FILE_CACHE_ENTRIES) {
    this.#read = read;
    this.#capacity = capacity;
  }

  #keep(path: string, entry: { stamp: string; value: T | null }): void {
    this.#entries.delete(path);
    this.#entries.set(path, entry);
    if (this.#entries.size > this.#capacity) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
  }

  /**
   * Keeps `value`, made of `text`, as what `read` would make of the file at `path`, when `text` is the
   * file as it is on disk (by size, with or without a UTF-8 BOM): not an editor's unsaved buffer.
   */
  remember(path: string, text: string, value: T): void {
    const stat = statIfFile(path);
    const bytes = Buffer.byteLength(text, "utf8");
    if (stat && (stat.size === bytes || stat.size === bytes + 3)) {
      this.#keep(path, { stamp: `${stat.mtimeMs}:${stat.size}`, value: structuredClone(value) });
    }
  }

  /** What `read` made of the file at `path`, or null when it is missing, unreadable or `read` failed. */
  get(path: string): T | null {
    const stat = statIfFile(path);
    if (!stat) {
      return null;
    }
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    const cached = this.#entries.get(path);
    if (cached?.stamp === stamp) {
      this.#keep(path, cached);
      return cached.value;
    }
    let value: T | null;
    try {
      value = this.#read(path, readFileSync(path, "utf8"));
    } catch {
      value = null;
    }
    // The copy is what every later call gets too: the same object each time, as indexes keyed by it expect.
    const kept = value === null ? null : structuredClone(value);
    this.#keep(path, { stamp, value: kept });
    return kept;
  }
}
