/**
 * The classes a JS/TS file declares and imports from project files, and the calls and `new` expressions
 * of names it holds, for the no-test-doubles policy. What each callee's first name is bound to (a class
 * of the file, an import) is read from ESLint's scope manager while the tree is there, as plain data;
 * imports are followed into project files only on first use (see class-resolver.ts).
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { isWithinModule, JS_MOCK_CLASS_MODULES } from "../mock-catalog.js";
import type { BaseReference, ClassSite, Loc, NamedCall, ProjectClass } from "../test-file-model.js";
import { dottedExpression, type JsClassResolver, type JsModuleSummary } from "./class-resolver.js";

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A class the file declares, anywhere in it. */
interface DeclaredClass {
  name: string;
  nameLoc: Loc;
  /** Its `extends`; null without one. */
  base: Pick<BaseReference, "written" | "computed"> | null;
  testClass: boolean;
}

/** What a callee's first name is bound to: a class the file declares (by index), or an import of a relative module. */
type CalleeBinding = { kind: "declared"; index: number } | { kind: "import"; specifier: string; imported: string | null };

interface ReadCall {
  written: string;
  qualifiedName: string;
  loc: Loc;
  binding: CalleeBinding | null;
  /** The names read off the first one (`FakeApi` in `fakes.FakeApi`). */
  members: string[];
}

interface ReadImport {
  written: string;
  loc: Loc;
  specifier: string;
  /** The exported name; "default" for a default import. */
  imported: string;
}

/** A file's classes, imports of relative modules and calls of names, as read from its tree. */
export interface JsClassUses {
  declared: DeclaredClass[];
  imports: ReadImport[];
  calls: ReadCall[];
}

/** The name of a class: its own, or that of the variable a nameless class expression is assigned to. */
function classNameOf(node: ClassNode): TSESTree.Identifier | null {
  if (node.id) {
    return node.id;
  }
  return node.parent.type === "VariableDeclarator" && node.parent.id.type === "Identifier" ? node.parent.id : null;
}

function baseOf(node: ClassNode, sourceCode: TSESLint.SourceCode): DeclaredClass["base"] {
  if (!node.superClass) {
    return null;
  }
  const written = dottedExpression(node.superClass);
  return { written: written ?? sourceCode.getText(node.superClass), computed: written !== null ? null : node.superClass.type === "CallExpression" ? "call" : "expression" };
}

/** The identifier a dotted callee starts with, and the names after it. */
function headOf(callee: Node): { head: TSESTree.Identifier; members: string[] } | null {
  const members: string[] = [];
  let node = callee;
  while (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    members.unshift(node.property.name);
    node = node.object;
  }
  return node.type === "Identifier" ? { head: node, members } : null;
}

/**
 * @param suites the file's class-based suites, with whether each holds tests.
 * @param qualified the qualified name of each identifier an import binds (see bindings.ts).
 */
export function readJsClassUses(sourceCode: TSESLint.SourceCode, classes: readonly ClassNode[], calls: readonly (TSESTree.CallExpression | TSESTree.NewExpression)[], suites: ReadonlySet<ClassNode>, qualified: ReadonlyMap<TSESTree.Identifier, string>): JsClassUses {
  const declared: DeclaredClass[] = [];
  const indexes = new Map<ClassNode, number>();
  for (const node of classes) {
    const name = classNameOf(node);
    if (name) {
      indexes.set(node, declared.length);
      declared.push({ name: name.name, nameLoc: name.loc, base: baseOf(node, sourceCode), testClass: suites.has(node) });
    }
  }

  const imports: ReadImport[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== "ImportDeclaration" || statement.importKind === "type" || !statement.source.value.startsWith(".")) {
      continue;
    }
    for (const specifier of statement.specifiers) {
      if (specifier.type === "ImportNamespaceSpecifier" || (specifier.type === "ImportSpecifier" && specifier.importKind === "type")) {
        continue;
      }
      const imported = specifier.type === "ImportDefaultSpecifier" ? "default" : specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value;
      imports.push({ written: sourceCode.getText(specifier), loc: specifier.loc, specifier: statement.source.value, imported });
    }
  }

  // Every reference to a class the file declares or to a name a relative import binds, through the scope manager.
  const bindings = new Map<TSESTree.Identifier | TSESTree.JSXIdentifier, CalleeBinding>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      const definition = variable.defs[0];
      let binding: CalleeBinding | undefined;
      if (definition?.type === "ClassName") {
        const index = indexes.get(definition.node);
        binding = index === undefined ? undefined : { kind: "declared", index };
      } else if (definition?.type === "Variable" && definition.node.init?.type === "ClassExpression" && variable.defs.length === 1) {
        const index = indexes.get(definition.node.init);
        binding = index === undefined ? undefined : { kind: "declared", index };
      } else if (definition?.type === "ImportBinding" && definition.parent.type === "ImportDeclaration" && definition.parent.source.value.startsWith(".")) {
        const specifier = definition.node;
        const imported =
          specifier.type === "ImportNamespaceSpecifier" ? null
          : specifier.type === "ImportDefaultSpecifier" ? "default"
          : specifier.type === "ImportSpecifier" ? (specifier.imported.type === "Identifier" ? specifier.imported.name : specifier.imported.value)
          : undefined;
        binding = imported === undefined ? undefined : { kind: "import", specifier: definition.parent.source.value, imported };
      }
      if (binding) {
        for (const reference of variable.references) {
          bindings.set(reference.identifier, binding);
        }
      }
    }
  }

  const read: ReadCall[] = [];
  for (const call of calls) {
    const written = dottedExpression(call.callee);
    const head = written === null ? null : headOf(call.callee);
    if (written === null || head === null) {
      continue;
    }
    const root = qualified.get(head.head);
    const qualifiedName = root === undefined ? written : [root, ...head.members].filter((part) => part !== "").join(".");
    read.push({ written, qualifiedName, loc: call.callee.loc, binding: bindings.get(head.head) ?? null, members: head.members });
  }
  read.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
  return { declared, imports, calls: read };
}

/** The mocking-library package a qualified name (`sinon.SinonStub`, `jest-mock.ModuleMocker`) is in. */
function mockClassModule(name: string): string | null {
  return JS_MOCK_CLASS_MODULES.some((module) => isWithinModule(name, module)) ? name : null;
}

/** A file's classes and calls resolved across the project: what each declared, imported or called class is. */
export class JsClassUseResolver {
  readonly #uses: JsClassUses;
  readonly #summary: JsModuleSummary;
  readonly #resolver: JsClassResolver;
  readonly #declared = new Map<number, ProjectClass>();
  readonly #imported = new Map<string, ProjectClass | null>();

  constructor(uses: JsClassUses, summary: JsModuleSummary, resolver: JsClassResolver) {
    this.#uses = uses;
    this.#summary = summary;
    this.#resolver = resolver;
  }

  classSites(): ClassSite[] {
    const sites: ClassSite[] = this.#uses.declared.map((declared, index) => ({ kind: "definition", written: declared.name, loc: declared.nameLoc, cls: this.#declaredClass(index) }));
    for (const { written, loc, specifier, imported } of this.#uses.imports) {
      const cls = this.#importedClass(specifier, imported, []);
      if (cls) {
        sites.push({ kind: "import", written, loc, cls });
      }
    }
    return sites.sort((a, b) => a.loc.start.line - b.loc.start.line || a.loc.start.column - b.loc.start.column);
  }

  namedCalls(): NamedCall[] {
    return this.#uses.calls.map(({ written, qualifiedName, loc, binding, members }) => {
      let cls: ProjectClass | null = null;
      if (binding?.kind === "declared" && members.length === 0) {
        cls = this.#declaredClass(binding.index);
      } else if (binding?.kind === "import") {
        cls = this.#importedClass(binding.specifier, binding.imported, members);
      }
      return { written, qualifiedName, loc, cls };
    });
  }

  #declaredClass(index: number): ProjectClass {
    let cls = this.#declared.get(index);
    if (!cls) {
      const declared = this.#uses.declared[index]!;
      const mockBase = declared.base ? this.#resolver.inheritsFrom(this.#summary, [declared.base], mockClassModule) : null;
      cls = { name: declared.name, mockBase, testClass: declared.testClass };
      this.#declared.set(index, cls);
    }
    return cls;
  }

  /** The class an import (with names read off a namespace import) names in a project file; never a test class (its decorators are not read). */
  #importedClass(specifier: string, imported: string | null, members: readonly string[]): ProjectClass | null {
    const key = [specifier, imported ?? "*", ...members].join("\0");
    let cls = this.#imported.get(key);
    if (cls === undefined) {
      const found = this.#resolver.importedClass(this.#summary.path, specifier, imported, members);
      const bases = found ? (found.module.classes.get(found.name) ?? []) : [];
      cls = found && { name: found.name, mockBase: this.#resolver.inheritsFrom(found.module, bases.map((written) => ({ written, computed: null })), mockClassModule), testClass: false };
      this.#imported.set(key, cls);
    }
    return cls;
  }
}
