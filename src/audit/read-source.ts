/**
 * Reads a file to audit without trusting what the walk saw: the path is opened without blocking and
 * checked to be a regular file on the open descriptor, so a file swapped for a FIFO after the walk
 * cannot hang the run, and a file that vanished or cannot be read is an error of that file alone.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";

export type ReadResult = { ok: true; text: string } | { ok: false; code: string; message: string };

export function readSource(path: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { ok: false, code: code ?? "EIO", message };
  }
  try {
    if (!fstatSync(fd).isFile()) {
      return { ok: false, code: "ENOTREG", message: `not a regular file: ${path}` };
    }
    // As ESLint reads a file it lints: UTF-8 (a Python file in another encoding is decoded again from its bytes).
    return { ok: true, text: readFileSync(fd, "utf8") };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { ok: false, code: code ?? "EIO", message };
  } finally {
    closeSync(fd);
  }
}
