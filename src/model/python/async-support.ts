/**
 * What may run the coroutine of a pytest-style `async def` test besides its own marks: pytest's
 * configuration (`asyncio_mode`, `trio_mode`, `-p` plugins, `required_plugins`), the plugins the test
 * module and its conftest.py files name in `pytest_plugins` (followed into the project's own plugin
 * modules), the `pytest_*` hooks of those conftest.py files and plugin modules, and the fixtures each test
 * requests. Read, never imported.
 */
import type { PytestSettings } from "../pytest-config.js";
import type { PluginModule, PytestAsyncSupport, PytestHookFact } from "../test-file-model.js";
import { moduleFactsOfFile, type ModuleFacts } from "./module-facts.js";
import type { NameResolver } from "./name-resolver.js";
import { STDLIB_MODULES } from "./stdlib-modules.js";

const MAX_DEPTH = 40;

export interface AsyncSupportInput {
  settings: PytestSettings;
  /** The test module's facts. */
  self: ModuleFacts;
  /** The conftest.py files pytest loads for the test module, nearest first. */
  conftests: readonly ModuleFacts[];
  names: NameResolver;
  requestedFixtures: PytestAsyncSupport["requestedFixtures"];
}

/** The project file a plugin module name denotes, imported from the file at `fromPath`; the standard library is never read. */
function projectModule(names: NameResolver, fromPath: string, name: string): ModuleFacts | null {
  if (STDLIB_MODULES.has(name.split(".", 1)[0]!)) {
    return null;
  }
  for (const candidate of names.moduleCandidates(fromPath, name, 0)) {
    const found = moduleFactsOfFile(candidate);
    if (found) {
      return found;
    }
  }
  return null;
}

export function readAsyncSupport(input: AsyncSupportInput): PytestAsyncSupport {
  const { settings, self, conftests, names } = input;
  const plugins: PluginModule[] = [];
  const hooks: PytestHookFact[] = [];
  const read = new Set<string>([self.path]);
  /** A module pytest loads as a plugin: its hooks, and the plugins it names in turn. */
  const visitModule = (module: ModuleFacts, depth: number): void => {
    for (const hook of module.definitions.hooks) {
      hooks.push({ ...hook, path: module.path });
    }
    for (const name of module.definitions.plugins) {
      visitPlugin(name, module.path, depth + 1);
    }
  };
  const visitPlugin = (name: string, fromPath: string, depth: number): void => {
    const module = depth > MAX_DEPTH ? null : projectModule(names, fromPath, name);
    plugins.push({ name, path: module?.path ?? null });
    if (module && !read.has(module.path)) {
      read.add(module.path);
      visitModule(module, depth);
    }
  };
  const rootdir = settings.configFile ?? self.path;
  for (const name of settings.plugins) {
    // `required_plugins` names distributions (`pytest-asyncio>=0.21`), which are no module names.
    if (/^[\w.]+$/u.test(name)) {
      visitPlugin(name, rootdir, 0);
    } else {
      plugins.push({ name, path: null });
    }
  }
  for (const name of self.definitions.plugins) {
    visitPlugin(name, self.path, 0);
  }
  for (const conftest of conftests) {
    if (!read.has(conftest.path)) {
      read.add(conftest.path);
      visitModule(conftest, 0);
    }
  }
  return { asyncioMode: settings.asyncioMode, trioMode: settings.trioMode, plugins, hooks, requestedFixtures: input.requestedFixtures };
}
