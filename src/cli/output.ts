/**
 * Where a report goes. `--output FILE` is written to a temporary file beside FILE and renamed over it,
 * so a full disk or a killed run leaves the previous FILE whole, never a truncated one. Standard output
 * may be a pipe whose reader stops early (`testaudit | head`): the write error that follows (EPIPE) ends
 * the output quietly instead of crashing with a stack trace.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
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

function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, "wx");
    try {
      // writeSync may write part of the buffer (a file size limit, a nearly full disk): the next write then fails.
      const bytes = Buffer.from(text, "utf8");
      for (let written = 0; written < bytes.length; ) {
        written += writeSync(fd, bytes, written);
      }
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

/** Writes `text` to `path`, or to standard output when `path` is undefined. */
export function writeOutput(text: string, path: string | undefined): void {
  // `/dev/stdout` cannot always be opened (a socket on fd 1 gives ENXIO): it is standard output.
  if (path === undefined || path === "/dev/stdout") {
    process.stdout.write(text);
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
      writeFileSync(path, text);
    } catch (error) {
      throw new OutputError(`cannot write --output ${path}: ${(error as Error).message}`);
    }
    return;
  }
  writeAtomically(path, text);
}
