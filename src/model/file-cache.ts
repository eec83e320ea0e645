/**
 * What testaudit reads from other project files (base classes' modules, conftest.py files), kept per
 * path and read again when the file's size or modification time changes, so long-lived processes
 * (editors, the CLI over thousands of files) see edits and read each file once otherwise.
 */
import { readFileSync } from "node:fs";
import { statIfFile } from "./fs-snapshot.js";

export class FileCache<T> {
  readonly #entries = new Map<string, { stamp: string; value: T | null }>();
  readonly #read: (path: string, text: string) => T | null;

  /** @param read what to keep of a file's text; it may throw (the file then gives null). */
  constructor(read: (path: string, text: string) => T | null) {
    this.#read = read;
  }

  /**
   * Keeps `value`, made of `text`, as what `read` would make of the file at `path`, when `text` is the
   * file as it is on disk (by size, with or without a UTF-8 BOM): not an editor's unsaved buffer.
   */
  remember(path: string, text: string, value: T): void {
    const stat = statIfFile(path);
    const bytes = Buffer.byteLength(text, "utf8");
    if (stat && (stat.size === bytes || stat.size === bytes + 3)) {
      this.#entries.set(path, { stamp: `${stat.mtimeMs}:${stat.size}`, value });
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
      return cached.value;
    }
    let value: T | null;
    try {
      value = this.#read(path, readFileSync(path, "utf8"));
    } catch {
      value = null;
    }
    this.#entries.set(path, { stamp, value });
    return value;
  }
}
