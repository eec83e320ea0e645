/**
 * Whether a JS/TS class-based suite reaches one of a set of base classes, following `extends` through
 * classes of the same file and through relative imports into other files of the project, which are
 * parsed (never run). Package imports are not read: their classes match by name or stay unresolved.
 */
import { dirname, extname, resolve } from "node:path";
import type { TSESTree } from "@typescript-eslint/utils";
import { tsParserModule } from "../../ts-parser.js";
import { matchesBase } from "../base-match.js";
import { dependsOn } from "../dependencies.js";
import { FileCache } from "../file-cache.js";
import { statIfFile } from "../fs-snapshot.js";
import type { BaseReference, BaseResolution, UndeterminedBase } from "../test-file-model.js";

const MAX_DEPTH = 40;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const TS_EXTENSIONS = new Set([".ts", ".mts", ".cts"]);
/** Classes of the language and of browsers/Node that test suites may extend; no file to read. */
const GLOBAL_CLASSES = new Set(["Object", "Error", "EventEmitter", "EventTarget", "Array", "Map", "Set", "Promise"]);

interface ImportedName {
  specifier: string;
  /** The exported name; "default" for default imports, null for namespace imports. */
  imported: string | null;
}

export interface JsModuleSummary {
  path: string;
  /** Classes declared at the top level, with their `extends` as dotted names. */
  classes: Map<string, string[]>;
  imports: Map<string, ImportedName>;
  /** Exported name → local name (`export { Base as Default }`, `export default class Base`). */
  exports: Map<string, string>;
  /** `export * from "./x"` and `export { X } from "./x"`. */
  reexports: { specifier: string; exported: string | null; imported: string | null }[];
}

/** `a.b.C` for an identifier or member chain; null otherwise. */
export function dottedExpression(node: TSESTree.Node | null | undefined): string | null {
  if (node?.type === "Identifier") {
    return node.name;
  }
  if (node?.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    const object = dottedExpression(node.object);
    return object === null ? null : `${object}.${node.property.name}`;
  }
  return null;
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === "Identifier" ? node.name : node.value;
}

export function summarizeProgram(path: string, program: TSESTree.Program): JsModuleSummary {
  const summary: JsModuleSummary = { path, classes: new Map(), imports: new Map(), exports: new Map(), reexports: [] };
  const addClass = (node: TSESTree.ClassDeclaration | TSESTree.ClassExpression, anonymous: string | null = null): string | null => {
    const name = node.id?.name ?? anonymous;
    if (name !== null) {
      const base = dottedExpression(node.superClass);
      summary.classes.set(name, base === null ? [] : [base]);
    }
    return name;
  };
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      for (const specifier of statement.specifiers) {
        const imported = specifier.type === "ImportSpecifier" ? moduleExportName(specifier.imported) : specifier.type === "ImportDefaultSpecifier" ? "default" : null;
        summary.imports.set(specifier.local.name, { specifier: statement.source.value, imported });
      }
    } else if (statement.type === "ClassDeclaration") {
      addClass(statement);
    } else if (statement.type === "ExportNamedDeclaration") {
      if (statement.declaration?.type === "ClassDeclaration") {
        const name = addClass(statement.declaration);
        if (name !== null) {
          summary.exports.set(name, name);
        }
      }
      for (const specifier of statement.specifiers) {
        const local = moduleExportName(specifier.local);
        const exported = moduleExportName(specifier.exported);
        if (statement.source) {
          summary.reexports.push({ specifier: statement.source.value, exported, imported: local });
        } else {
          summary.exports.set(exported, local);
        }
      }
    } else if (statement.type === "ExportAllDeclaration") {
      summary.reexports.push({ specifier: statement.source.value, exported: statement.exported ? moduleExportName(statement.exported) : null, imported: null });
    } else if (statement.type === "ExportDefaultDeclaration") {
      const declaration = statement.declaration;
      if (declaration.type === "ClassDeclaration" || declaration.type === "ClassExpression") {
        // An anonymous class is known by its export name, which no binding of the module can take.
        summary.exports.set("default", addClass(declaration, "default") ?? "default");
      } else if (declaration.type === "Identifier") {
        summary.exports.set("default", declaration.name);
      }
    }
  }
  return summary;
}

// A file that does not parse has no classes to offer; its bases stay unresolved.
const summaries = new FileCache((path, text) => {
  // JSX everywhere but in TypeScript files, whose `<T>value` assertions it would break (as TypeScript does).
  const jsx = !TS_EXTENSIONS.has(extname(path));
  return summarizeProgram(path, tsParserModule().parse(text, { jsx, range: true, loc: false, comment: false }));
});

function summarizeFile(path: string): JsModuleSummary | null {
  dependsOn(path);
  return summaries.get(path);
}

/** The file a relative specifier names, trying TypeScript's and Node's extensions and index files. */
function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const withoutJs = base.replace(/\.(?:m|c)?js$/u, "");
  const candidates = [base, ...EXTENSIONS.map((extension) => `${withoutJs}${extension}`), ...EXTENSIONS.map((extension) => resolve(base, `index${extension}`))];
  return (
    candidates.find((candidate) => {
      dependsOn(candidate);
      return statIfFile(candidate) !== undefined;
    }) ?? null
  );
}

/** A base as resolution reads it: where it is written does not matter. */
type BaseName = Pick<BaseReference, "written" | "computed">;

/** What a base is looked for by: a name it is known by (its qualified name), to the target it matches, or null. */
type BaseMatcher = (name: string) => string | null;

/** A top-level class of a project file. */
export interface JsClassRef {
  module: JsModuleSummary;
  name: string;
}

export class JsClassResolver {
  resolveBases(summary: JsModuleSummary, bases: readonly BaseReference[], targets: readonly string[]): BaseResolution {
    return this.#resolveMatching(summary, bases, (name) => matchesBase(name, targets));
  }

  /**
   * The first name a class with `bases`, in `summary`'s module, inherits from that `match` accepts
   * (what it returns), followed as resolveBases follows bases; null when it reaches none.
   */
  inheritsFrom(summary: JsModuleSummary, bases: readonly BaseName[], match: BaseMatcher): string | null {
    const resolution = this.#resolveMatching(summary, bases, match);
    return resolution.reached ? resolution.via : null;
  }

  /**
   * The top-level class an import names: the export `imported` (null: the module's namespace, whose
   * export `members[0]` is then taken) of the file a relative `specifier` names from the file at
   * `fromPath`, followed through re-exports. Null for a package, a file not found, or no such class.
   */
  importedClass(fromPath: string, specifier: string, imported: string | null, members: readonly string[], depth = 0): JsClassRef | null {
    const path = specifier.startsWith(".") ? resolveRelative(fromPath, specifier) : null;
    const module = path === null ? null : summarizeFile(path);
    const [exported, ...rest] = imported === null ? members : [imported, ...members];
    return module && exported !== undefined && rest.length === 0 ? this.#exportedClass(module, exported, new Set(), depth) : null;
  }

  #exportedClass(module: JsModuleSummary, exported: string, seen: Set<string>, depth: number): JsClassRef | null {
    const key = `${module.path}\0${exported}`;
    if (seen.has(key) || depth > MAX_DEPTH) {
      return null;
    }
    seen.add(key);
    const local = module.exports.get(exported);
    if (local !== undefined) {
      if (module.classes.has(local)) {
        return { module, name: local };
      }
      // `import { X } from "./x"; export { X };`
      const imported = module.imports.get(local);
      return imported ? this.importedClass(module.path, imported.specifier, imported.imported, [], depth + 1) : null;
    }
    for (const reexport of module.reexports) {
      if (reexport.exported === null ? exported === "default" : reexport.exported !== exported) {
        continue;
      }
      // `export * as ns from` names a namespace, not a class.
      if (reexport.exported !== null && reexport.imported === null) {
        continue;
      }
      const path = reexport.specifier.startsWith(".") ? resolveRelative(module.path, reexport.specifier) : null;
      const next = path === null ? null : summarizeFile(path);
      const found = next ? this.#exportedClass(next, reexport.imported ?? exported, seen, depth + 1) : null;
      if (found) {
        return found;
      }
    }
    return null;
  }

  #resolveMatching(summary: JsModuleSummary, bases: readonly BaseName[], match: BaseMatcher): BaseResolution {
    const unresolved: string[] = [];
    const undetermined: UndeterminedBase[] = [];
    const seen = new Set<string>();
    for (const base of bases) {
      if (base.computed !== null) {
        // `extends mixin(Base)`: only running the code tells what the class extends.
        undetermined.push({ base: base.written, reason: base.computed });
        continue;
      }
      const reached = this.#resolveName(summary, base.written, match, seen, 0, unresolved);
      if (reached !== null) {
        return { reached: true, via: reached };
      }
    }
    return { reached: false, unresolved: [...new Set(unresolved)], undetermined };
  }

  #resolveName(summary: JsModuleSummary, written: string, match: BaseMatcher, seen: Set<string>, depth: number, unresolved: string[]): string | null {
    const direct = match(written);
    if (direct !== null || depth > MAX_DEPTH) {
      return direct;
    }
    const [head, ...rest] = written.split(".") as [string, ...string[]];
    const local = summary.classes.get(head);
    if (local && rest.length === 0) {
      // A class met again (classes extending each other) reaches nothing.
      const key = `${summary.path}\0${head}`;
      if (seen.has(key)) {
        return null;
      }
      seen.add(key);
      for (const base of local) {
        const reached = this.#resolveName(summary, base, match, seen, depth + 1, unresolved);
        if (reached !== null) {
          return reached;
        }
      }
      return null;
    }
    const imported = summary.imports.get(head);
    if (imported) {
      const qualified = [imported.specifier, ...(imported.imported === null ? rest : [imported.imported, ...rest])].join(".");
      const byName = match(qualified);
      if (byName !== null) {
        return byName;
      }
      const path = imported.specifier.startsWith(".") ? resolveRelative(summary.path, imported.specifier) : null;
      const module = path === null ? null : summarizeFile(path);
      // `import { X }` + `X.Y`, or `import * as ns` + `ns.X.Y`: the export X, then its member Y.
      const [exportedName, ...members] = imported.imported === null ? rest : [imported.imported, ...rest];
      if (module && exportedName !== undefined) {
        const reached = this.#resolveExport(module, exportedName, members, match, seen, depth + 1, unresolved);
        if (reached !== undefined) {
          return reached;
        }
      }
    }
    if (!GLOBAL_CLASSES.has(written)) {
      unresolved.push(written);
    }
    return null;
  }

  /**
   * Follows an exported name of `module` (and `members` read off it) to its class; undefined when the module
   * does not export it. An export asked for again while it is being followed (modules that re-export it from
   * each other) is exported by none of them, as an ES module would fail to link.
   */
  #resolveExport(module: JsModuleSummary, exported: string, members: readonly string[], match: BaseMatcher, seen: Set<string>, depth: number, unresolved: string[]): string | null | undefined {
    const local = module.exports.get(exported);
    if (local !== undefined && members.length === 0 && module.classes.has(local)) {
      // Cycles between classes are caught where classes are followed.
      return this.#resolveName(module, local, match, seen, depth, unresolved);
    }
    const key = `export\0${module.path}\0${exported}`;
    if (seen.has(key) || depth > MAX_DEPTH) {
      return undefined;
    }
    seen.add(key);
    if (local !== undefined) {
      return this.#resolveName(module, [local, ...members].join("."), match, seen, depth, unresolved);
    }
    for (const reexport of module.reexports) {
      // `export *` re-exports every name but the default one.
      if (reexport.exported === null ? exported === "default" : reexport.exported !== exported) {
        continue;
      }
      // `export * as ns from`: the name is the other module's namespace, so its first member is the export.
      const [name, ...rest] = reexport.exported !== null && reexport.imported === null ? members : [reexport.imported ?? exported, ...members];
      if (name === undefined) {
        continue;
      }
      const path = reexport.specifier.startsWith(".") ? resolveRelative(module.path, reexport.specifier) : null;
      const next = path === null ? null : summarizeFile(path);
      const reached = next ? this.#resolveExport(next, name, rest, match, seen, depth + 1, unresolved) : undefined;
      if (reached !== undefined) {
        return reached;
      }
    }
    return undefined;
  }
}
