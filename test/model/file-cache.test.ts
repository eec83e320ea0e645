/**
 * FileCache keeps what testaudit read of other files for the most recently used files only, so memory
 * stays flat however large the suite; a file whose entry went is read again, to the same value.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileCache } from "../../src/model/file-cache.js";
import { startLint } from "../../src/model/fs-snapshot.js";
import { writeTree } from "../temp-tree.js";

const root = writeTree({ "a.py": "A = 1", "b.py": "B = 2", "c.py": "C = 3" }, "testaudit-file-cache-");
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("FileCache", () => {
  it("keeps the most recently used files, and reads a file whose entry went again to the same value", () => {
    const reads: string[] = [];
    const cache = new FileCache((path, text) => {
      reads.push(path.slice(root.length + 1));
      return text.trim();
    }, 2);
    const get = (name: string): string | null => cache.get(join(root, name));
    expect([get("a.py"), get("b.py"), get("c.py")]).toEqual(["A = 1", "B = 2", "C = 3"]);
    expect(reads).toEqual(["a.py", "b.py", "c.py"]);
    // b.py and c.py are kept; using b.py makes a.py's return push out c.py, the least recently used.
    expect([get("b.py"), get("c.py"), get("b.py")]).toEqual(["B = 2", "C = 3", "B = 2"]);
    expect(reads).toEqual(["a.py", "b.py", "c.py"]);
    expect(get("a.py")).toBe("A = 1");
    expect(get("b.py")).toBe("B = 2");
    expect(get("c.py")).toBe("C = 3");
    expect(reads).toEqual(["a.py", "b.py", "c.py", "a.py", "c.py"]);
  });

  it("still sees an edit to a kept file", () => {
    const cache = new FileCache((_path, text) => text.trim(), 2);
    const path = join(root, "a.py");
    expect(cache.get(path)).toBe("A = 1");
    writeFileSync(path, "A = 10\n");
    // The file system is read as a snapshot per lint run; the next file's lint asks afresh.
    startLint();
    expect(cache.get(path)).toBe("A = 10");
  });
});
