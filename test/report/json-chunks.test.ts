/**
 * The JSON report is written in pieces (src/audit/formats/json-chunks.ts); joined, they must be
 * exactly what `JSON.stringify(value, null, 2)` writes, which is the oracle here.
 */
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/audit/formats/json-chunks.js";

const STREAMED = new Set(["files"]);

const cases: Record<string, object> = {
  "an empty object": {},
  "an empty file list": { files: [], totals: { tests: 0 } },
  "a report's shape": {
    schemaVersion: 3,
    tool: { name: "testaudit", version: "0.1.0" },
    files: [
      { path: "tests/test_a.py", tests: [{ name: "test_one", line: 3, compliant: { noMocks: true, bvj: null } }], violations: [] },
      { path: "tests/test_b.py", tests: [], violations: [{ ruleId: "testaudit/no-mocks", message: "a\nb \"quoted\" \u2028 tab\t" }] },
    ],
    totals: { tests: 1, byPolicy: [[1, 2], []] },
    crossFile: [],
  },
  "properties JSON leaves out, and an array element it writes as null": {
    before: undefined,
    files: [{ kept: 1, dropped: undefined }, undefined, () => 1, null],
    after: () => 0,
    last: "end",
  },
  "a streamed key that holds no array": { files: "not a list", other: [1, [2, [3]]] },
  "non-ASCII keys and values": { "clé": "naïve ☃", files: [{ "名前": "テスト" }] },
  "only properties JSON leaves out": { gone: undefined },
  "a value with toJSON": { toJSON: () => ({ replaced: true }), files: [1] },
};

describe("the JSON report written in pieces", () => {
  for (const [name, value] of Object.entries(cases)) {
    it(`is JSON.stringify's text for ${name}`, () => {
      expect([...jsonChunks(value, STREAMED)].join("")).toBe(JSON.stringify(value, null, 2));
    });
  }

  it("yields each element of a streamed array as a piece of its own", () => {
    const files = Array.from({ length: 50 }, (_, index) => ({ path: `tests/test_${index}.py`, tests: [] }));
    const pieces = [...jsonChunks({ files }, STREAMED)];
    expect(pieces.length).toBeGreaterThanOrEqual(files.length);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(JSON.stringify(files[0], null, 2).length * 2);
  });
});
