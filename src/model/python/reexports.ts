/**
 * Follows a module's references through the project modules that re-export what they name, so that
 * `from tests import mock` is `unittest.mock` when `tests/__init__.py` imports it from there: every
 * policy then judges the library, not the project module that passes it on.
 */
import type { ModuleReference } from "../test-file-model.js";
import type { NameResolver } from "./name-resolver.js";
import type { References } from "./references.js";

/** `references` of the module at `path`, each carrying the outside names it reaches through project modules. */
export function withReexports(references: References, path: string, names: NameResolver): References {
  const resolved = new Map<string, readonly string[]>();
  const follow = (reference: ModuleReference): ModuleReference => {
    let external = resolved.get(reference.qualifiedName);
    if (external === undefined) {
      external = names.externalNamesThroughProject(path, reference.qualifiedName);
      resolved.set(reference.qualifiedName, external);
    }
    return external.length === 0 ? reference : { ...reference, throughProject: external };
  };
  return { ...references, moduleReferences: references.moduleReferences.map(follow) };
}
