/** Checks across files that per-file rules cannot make: shared class names and colliding test names. */
import type { CrossFileFindings, FileReport, SharedName } from "./report-types.js";

function shared(entries: { name: string; path: string; line: number }[]): SharedName[] {
  const byName = new Map<string, { path: string; line: number }[]>();
  for (const entry of entries) {
    const places = byName.get(entry.name) ?? [];
    places.push({ path: entry.path, line: entry.line });
    byName.set(entry.name, places);
  }
  return [...byName]
    .filter(([, places]) => new Set(places.map((place) => place.path)).size > 1)
    .map(([name, places]) => ({ name, places }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function findCrossFile(files: readonly FileReport[]): CrossFileFindings {
  return {
    duplicateClasses: shared(files.flatMap((file) => file.classes.map((cls) => ({ name: cls.name, path: file.path, line: cls.line })))),
    collidingTests: shared(files.flatMap((file) => file.tests.map((test) => ({ name: test.name, path: file.path, line: test.line })))),
  };
}
