/**
 * The file reports of an audit, kept on disk rather than in memory: each report is written to a
 * temporary file as soon as it is made, as JSON the way the JSON report writes it, and read back one at
 * a time, in path order, by whatever renders the report. What stays in memory is a path, an offset and a length per file, so
 * the audit's memory does not grow with the suite (a file's report is about 5 KB of JSON, several
 * times that as objects).
 *
 * The file is unlinked as soon as it is open (where the system allows), so nothing is left behind
 * however the process ends; its descriptor is closed when the spool is collected.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TemporaryFileError } from "./errors.js";
import { nested, type RenderedList } from "./formats/json-chunks.js";
import type { FileReport } from "./report-types.js";

/** The file reports of an audit in path order: an array, or a spool read back from disk. */
export interface FileReportList extends Iterable<FileReport> {
  readonly length: number;
}

const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed: nothing to free.
  }
});

/** Folders whose file could not be unlinked while open (Windows): removed when the process exits. */
const leftBehind = new Set<string>();
let cleanupRegistered = false;

function removeAtExit(folder: string): void {
  leftBehind.add(folder);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once("exit", () => {
      for (const path of leftBehind) {
        rmSync(path, { recursive: true, force: true });
      }
    });
  }
}

/** Why the spool failed, with where it was: the folder is the one to give room or TMPDIR to change. */
function spoolError(what: "make" | "write" | "read", error: unknown): TemporaryFileError {
  return new TemporaryFileError(`cannot ${what} the audit's temporary file of file reports in ${tmpdir()} (set TMPDIR to change the folder): ${(error as Error).message}`);
}

/** The depth of a file report in the JSON report (an element of the top-level object's `files` array). */
const REPORT_DEPTH = 2;

export class FileReportSpool implements FileReportList, RenderedList {
  readonly #fd: number;
  readonly #paths: string[] = [];
  readonly #offsets: number[] = [];
  readonly #lengths: number[] = [];
  #end = 0;
  #sorted = true;

  constructor() {
    let folder: string;
    try {
      folder = mkdtempSync(join(tmpdir(), "testaudit-"));
    } catch (error) {
      throw spoolError("make", error);
    }
    const path = join(folder, "file-reports");
    try {
      this.#fd = openSync(path, "w+", 0o600);
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw spoolError("make", error);
    }
    descriptors.register(this, this.#fd);
    try {
      unlinkSync(path);
      rmSync(folder, { recursive: true, force: true });
    } catch {
      removeAtExit(folder);
    }
  }

  get length(): number {
    return this.#paths.length;
  }

  append(file: FileReport): void {
    // Kept as the JSON report writes it, so that report copies it out; the other formats parse it.
    const bytes = Buffer.from(nested(file, REPORT_DEPTH), "utf8");
    let written = 0;
    try {
      while (written < bytes.length) {
        written += writeSync(this.#fd, bytes, written, bytes.length - written, this.#end + written);
      }
    } catch (error) {
      throw spoolError("write", error);
    }
    const previous = this.#paths.at(-1);
    if (previous !== undefined && previous > file.path) {
      this.#sorted = false;
    }
    this.#paths.push(file.path);
    this.#offsets.push(this.#end);
    this.#lengths.push(bytes.length);
    this.#end += bytes.length;
  }

  /** The reports' paths, sorted (as `<` compares them). */
  paths(): string[] {
    return this.#order().map((index) => this.#paths[index]!);
  }

  /** The reports in the order their paths sort in (as `<` compares them); each is read and parsed afresh. */
  *[Symbol.iterator](): Iterator<FileReport> {
    for (const text of this.renderedElements()) {
      yield JSON.parse(text) as FileReport;
    }
  }

  /** Each report's text as the JSON report writes it, in path order. */
  *renderedElements(): Generator<string> {
    let buffer = Buffer.alloc(0);
    for (const index of this.#order()) {
      const length = this.#lengths[index]!;
      const path = this.#paths[index]!;
      if (buffer.length < length) {
        buffer = Buffer.alloc(Math.max(length, buffer.length * 2));
      }
      let read = 0;
      while (read < length) {
        let got: number;
        try {
          got = readSync(this.#fd, buffer, read, length - read, this.#offsets[index]! + read);
        } catch (error) {
          throw spoolError("read", error);
        }
        if (got === 0) {
          throw new TemporaryFileError(`the audit's temporary file of file reports ended early, at ${path}`);
        }
        read += got;
      }
      yield buffer.toString("utf8", 0, length);
    }
  }

  #order(): number[] {
    const order = this.#paths.map((_, index) => index);
    if (!this.#sorted) {
      const paths = this.#paths;
      order.sort((a, b) => (paths[a]! < paths[b]! ? -1 : paths[a]! > paths[b]! ? 1 : 0));
    }
    return order;
  }
}
