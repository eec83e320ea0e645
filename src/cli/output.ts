/**
 * Where a report goes. `--output FILE` is written to a temporary file beside FILE and renamed over it,
 * so a full disk or a killed run leaves the previous FILE whole, never a truncated one. Standard output
 * may be a pipe whose reader stops early (`testaudit | head`): the write error that follows (EPIPE) ends
 * the output quietly instead of crashing with a stack trace. A report comes in pieces, written a
 * megabyte or so at a time, so a large one is never held whole as text and again as bytes.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The report could not be written (exit code 3). */
export class OutputError extends Error {}

let guarded = false;

/** From now on a closed standard output or error ends writing to it, silently. */
export function guardClosedPipes(): void {
  if (guarded) {
    return;
  }
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") {
        process.exitCode = 3;
        process.stderr.write(`testaudit: cannot write the output: ${error.message}\n`);
      }
    });
  }
}

/** How much text is gathered before a write: few system calls, and little held at once. */
const BATCH_CHARACTERS = 1 << 20;

/** The pieces of `text` joined into batches of about BATCH_CHARACTERS. */
function* batches(text: string | Iterable<string>): Generator<string> {
  if (typeof text === "string") {
    yield text;
    return;
  }
  let batch = "";
  for (const piece of text) {
    batch += piece;
    if (batch.length >= BATCH_CHARACTERS) {
      yield batch;
      batch = "";
    }
  }
  if (batch !== "") {
    yield batch;
  }
}

/** Writes every batch of `text` to the open file `fd`. */
function writeAll(fd: number, text: string | Iterable<string>): void {
  for (const batch of batches(text)) {
    // writeSync may write part of the buffer (a file size limit, a nearly full disk): the next write then fails.
    const bytes = Buffer.from(batch, "utf8");
    for (let written = 0; written < bytes.length; ) {
      written += writeSync(fd, bytes, written);
    }
  }
}

function writeAtomically(path: string, text: string | Iterable<string>): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "wx");
    try {
      writeAll(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Never created: its folder is not one.
    }
    throw new OutputError(`cannot write --output ${path}: ${(error as Error).message}`);
  }
}

/** Writes `text`, whole or in pieces, to `path`, or to standard output when `path` is undefined. */
export function writeOutput(text: string | Iterable<string>, path: string | undefined): void {
  // `/dev/stdout` cannot always be opened (a socket on fd 1 gives ENXIO): it is standard output.
  if (path === undefined || path === "/dev/stdout") {
    for (const batch of batches(text)) {
      process.stdout.write(batch);
    }
    return;
  }
  // Only a regular file (or none yet) can be replaced by a rename: a FIFO or a device is written to.
  let existing;
  try {
    existing = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new OutputError(`cannot write --output ${path}: ${(error as Error).message}`);
  }
  if (existing && !existing.isFile()) {
    try {
      const fd = openSync(path, "w");
      try {
        writeAll(fd, text);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw new OutputError(`cannot write --output ${path}: ${(error as Error).message}`);
    }
    return;
  }
  writeAtomically(path, text);
}
