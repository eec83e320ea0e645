/**
 * Small readers of Python syntax on PyNode trees, shared by the model builder and the base-class resolver.
 */
import type { PyNode } from "../../../parsers/python/py-node.js";

/** `a.b.c` for an identifier or a chain of attributes on one; null for anything else. */
export function dottedName(node: PyNode): string | null {
  const parts: string[] = [];
  let current: PyNode | undefined = node;
  while (current?.type === "attribute") {
    const attribute = current.attribute;
    if (!attribute) {
      return null;
    }
    parts.push(attribute.text);
    current = current.object;
  }
  if (current?.type !== "identifier") {
    return null;
  }
  parts.push(current.text);
  return parts.reverse().join(".");
}

/** A decorator's expression without its call: `@pytest.mark.skip(reason=...)` → `pytest.mark.skip`. */
export function decoratorName(decorator: PyNode): string | null {
  const expression = decorator.children.find((child) => child.type !== "comment");
  if (!expression) {
    return null;
  }
  return dottedName(expression.type === "call" ? (expression.function ?? expression) : expression);
}

/** The definition inside a `decorated_definition`, with its decorators; other nodes come back as they are. */
export function unwrapDefinition(node: PyNode): { definition: PyNode; decorators: PyNode[] } {
  if (node.type !== "decorated_definition") {
    return { definition: node, decorators: [] };
  }
  return {
    definition: node.definition ?? node,
    decorators: node.children.filter((child) => child.type === "decorator"),
  };
}

/** `async def`: tree-sitter keeps the `async` keyword as an unnamed token of the function definition. */
export function isAsyncDefinition(definition: PyNode): boolean {
  return /^async\b/u.test(definition.text);
}

/** `__test__ = False` (or True) as a statement of a class body: its value, or null for any other statement. */
export function testAttributeOf(statement: PyNode): boolean | null {
  const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
  if (assignment?.type !== "assignment" || assignment.left?.text !== "__test__") {
    return null;
  }
  const value = assignment.right?.type;
  return value === "true" ? true : value === "false" ? false : null;
}

/** The first statement of a module or block, skipping comments. */
function firstStatement(body: PyNode): PyNode | undefined {
  return body.children.find((child) => child.type !== "comment");
}

export interface StringBody {
  text: string;
  /** Offset of the body's first character in the file. */
  start: number;
}

/** The characters between a string's quotes, as written; null for f-strings and bytes. */
export function stringBody(node: PyNode): StringBody | null {
  if (node.type !== "string") {
    return null;
  }
  const open = node.children[0];
  const close = node.children[node.children.length - 1];
  if (open?.type !== "string_start" || close?.type !== "string_end" || /[fFbB]/u.test(open.text)) {
    return null;
  }
  const text = node.text;
  const offset = node.range[0];
  return { text: text.slice(open.range[1] - offset, close.range[0] - offset), start: open.range[1] };
}

/** The docstring string node of a module, class body or function body. */
export function docstringOf(body: PyNode | undefined): PyNode | null {
  const first = body ? firstStatement(body) : undefined;
  if (first?.type !== "expression_statement" || first.children.length !== 1) {
    return null;
  }
  const expression = first.children[0]!;
  return expression.type === "string" && stringBody(expression) ? expression : null;
}

/** Names a parameter list binds, with their nodes (`self`, `mocker`, `*args`, `**kwargs`). */
export function parameterNames(parameters: PyNode | undefined): PyNode[] {
  const names: PyNode[] = [];
  for (const parameter of parameters?.children ?? []) {
    let nameNode: PyNode | undefined;
    switch (parameter.type) {
      case "identifier":
        nameNode = parameter;
        break;
      case "typed_parameter":
      case "list_splat_pattern":
      case "dictionary_splat_pattern":
        nameNode = parameter.children.find((child) => child.type === "identifier" && child.field === null);
        break;
      case "default_parameter":
      case "typed_default_parameter":
        nameNode = parameter.name;
        break;
      default:
        break;
    }
    if (nameNode?.type === "identifier") {
      names.push(nameNode);
    }
  }
  return names;
}
