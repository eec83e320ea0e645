/**
 * README's demo: lints the bundled example suite with the real eslint binary and the repository's
 * flat config, printing paths relative to the repository. The suite has planted violations, so
 * eslint's exit code 1 ("problems found") is the expected outcome and the demo then exits 0; any
 * other outcome (no problems, a crash, a config error) fails the demo.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const eslintBin = join(dirname(createRequire(import.meta.url).resolve("eslint/package.json")), "bin", "eslint.js");
const color = process.stdout.isTTY ? ["--color"] : ["--no-color"];
const run = spawnSync(process.execPath, [eslintBin, "-c", "eslint-plugin.config.js", ...color, "examples"], { cwd: root, encoding: "utf8" });

process.stdout.write(run.stdout.replaceAll(`${root}/`, ""));
process.stderr.write(run.stderr);
if (run.status === 1) {
  console.log("The problems above are the violations planted in examples/: the demo worked.");
  process.exit(0);
}
console.error(run.status === 0 ? "No problems found: the example suite's planted violations were missed." : `eslint failed (exit ${run.status}).`);
process.exit(1);
