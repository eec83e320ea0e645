/**
 * Builds dist/ once before the tests: the end-to-end tests run the real eslint binary, which loads
 * the compiled plugin (Node 20 cannot load the TypeScript sources).
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export default function build(): void {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: root, stdio: "inherit" });
}
