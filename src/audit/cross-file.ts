/**
 * Checks across files that per-file rules cannot make: shared class names and colliding test names.
 * Collected a file at a time; what is kept per name is the index of each file it is in and the line.
 */
import type { CrossFileFindings, FileReport, SharedName } from "./report-types.js";

/** Per name, its places as pairs of numbers: the index of the file (in the order files were added), then the line. */
type Places = Map<string, number[]>;

function note(places: Places, name: string, fileIndex: number, line: number): void {
  const found = places.get(name);
  if (found) {
    found.push(fileIndex, line);
  } else {
    places.set(ownCopy(name), [fileIndex, line]);
  }
}

/**
 * The same text in a string of its own. A name the model read is a slice of its file's source, and V8
 * keeps the whole source alive for as long as the slice lives: kept for the whole audit, each name
 * would hold its file.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export class CrossFileCollector {
  readonly #paths: string[] = [];
  readonly #classes: Places = new Map();
  readonly #tests: Places = new Map();

  add(file: FileReport): void {
    const index = this.#paths.push(file.path) - 1;
    for (const cls of file.classes) {
      note(this.#classes, cls.name, index, cls.line);
    }
    for (const test of file.tests) {
      note(this.#tests, test.name, index, test.line);
    }
  }

  findings(): CrossFileFindings {
    return { duplicateClasses: this.#shared(this.#classes), collidingTests: this.#shared(this.#tests) };
  }

  /** The names in more than one file, sorted, each with its places in the order they were added. */
  #shared(byName: Places): SharedName[] {
    const shared: SharedName[] = [];
    for (const [name, pairs] of byName) {
      if (pairs.some((fileIndex, at) => at % 2 === 0 && fileIndex !== pairs[0])) {
        const places: SharedName["places"] = [];
        for (let at = 0; at < pairs.length; at += 2) {
          places.push({ path: this.#paths[pairs[at]!]!, line: pairs[at + 1]! });
        }
        // In path order, as the files are reported; a file's own places stay in the order it holds them.
        shared.push({ name, places: places.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) });
      }
    }
    return shared.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
