/** The package's name and version, read from package.json wherever the code runs from (src or dist). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageJson(start: string): { name: string; version: string } {
  for (let directory = start; ; directory = dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "eslint-plugin-testaudit" && manifest.version) {
        return { name: manifest.name, version: manifest.version };
      }
    } catch {
      // No package.json here; keep looking upward.
    }
    if (dirname(directory) === directory) {
      throw new Error("eslint-plugin-testaudit: cannot find its own package.json.");
    }
  }
}

export const packageInfo = findPackageJson(dirname(fileURLToPath(import.meta.url)));
