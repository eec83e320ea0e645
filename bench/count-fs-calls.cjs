/**
 * Counts the synchronous file-system questions a process asks: `node --require bench/count-fs-calls.cjs ...`.
 * At exit it prints, on stderr, one line per function (calls and distinct paths) and a total, for the
 * bench to compare the CLI with ESLint. It wraps before any module imports `node:fs`, so ESM named
 * imports see the wrapped functions; it answers every call exactly as fs does.
 */
const fs = require("node:fs");

const NAMES = ["statSync", "lstatSync", "existsSync", "readFileSync", "readdirSync", "realpathSync", "accessSync", "openSync"];
const counts = new Map(NAMES.map((name) => [name, { calls: 0, paths: new Set() }]));

for (const name of NAMES) {
  const original = fs[name];
  const count = counts.get(name);
  fs[name] = function counted(path, ...rest) {
    count.calls += 1;
    if (typeof path === "string") {
      count.paths.add(path);
    }
    return original.call(this, path, ...rest);
  };
  if (name === "realpathSync") {
    fs.realpathSync.native = original.native;
  }
}

process.on("exit", () => {
  let calls = 0;
  const paths = new Set();
  const parts = [];
  for (const [name, count] of counts) {
    calls += count.calls;
    for (const path of count.paths) {
      paths.add(path);
    }
    if (count.calls > 0) {
      parts.push(`${name} ${count.calls}/${count.paths.size}`);
    }
  }
  process.stderr.write(`fs-calls total ${calls} on ${paths.size} paths: ${parts.join(", ")}\n`);
});
