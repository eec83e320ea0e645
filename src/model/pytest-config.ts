/**
 * The pytest settings that decide what pytest collects, read as pytest reads them when it is run on a
 * file or its folder: from that folder up, the first folder holding a pytest configuration wins, and
 * in a folder the files are tried in pytest's order (`pytest.toml`, `.pytest.toml`, `pytest.ini`,
 * `.pytest.ini`, `pyproject.toml`, `tox.ini`, `setup.cfg`). INI files are parsed as pytest's iniconfig
 * parses them, TOML with a TOML parser, and string values are split with shlex as pytest splits them.
 * Nothing is imported or run. docs/test-collection.md says where pytest versions differ and which we follow.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import type * as SmolToml from "smol-toml";
import { dependsOn } from "./dependencies.js";
import { fnmatch } from "./fnmatch.js";
import { isFile, statOf } from "./fs-snapshot.js";
import { IniSyntaxError, parseIni, type IniSections } from "./iniconfig.js";
import { ShlexError, shlexSplit } from "./shlex.js";

export interface PytestSettings {
  pythonFiles: string[];
  pythonClasses: string[];
  pythonFunctions: string[];
  /** Extra import roots (`pythonpath`), absolute. */
  pythonpath: string[];
  /** pytest-asyncio's `asyncio_mode` as the configuration sets it (the setting, or `--asyncio-mode` in `addopts`, which wins), or null when it does not. */
  asyncioMode: string | null;
  /** pytest-trio's `trio_mode` as the configuration sets it, or null. */
  trioMode: string | null;
  /** Plugins the configuration names: `required_plugins`, and `-p NAME` in `addopts` unless a `-p no:NAME` blocks it. */
  plugins: string[];
  /** The configuration file the settings came from, or null for pytest's defaults. */
  configFile: string | null;
}

const DEFAULTS = { pythonFiles: ["test_*.py", "*_test.py"], pythonClasses: ["Test"], pythonFunctions: ["test"] };

/** What a configuration says about coroutine tests when it says nothing. */
const NO_ASYNC_SETTINGS = { asyncioMode: null, trioMode: null, plugins: [] };

/** The files pytest looks for in a folder, in its order: pytest 9's, of which pytest 7 and 8 know all but the first two. */
const CONFIG_NAMES = ["pytest.toml", ".pytest.toml", "pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"];

/**
 * A setting as the file gives it. In "ini" mode (INI files, `[tool.pytest.ini_options]`) a value is a
 * string, or a TOML array as written; in pytest 9's "toml" mode (`pytest.toml`, a native `[tool.pytest]`
 * table) it is the TOML value itself.
 */
interface RawValue {
  value: unknown;
  mode: "ini" | "toml";
}

type RawConfig = Map<string, RawValue>;

/** Why pytest would stop with an error on a configuration file, and where when the parser says. */
class ConfigProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

const requireModule = createRequire(import.meta.url);
let tomlModule: typeof SmolToml | undefined;

/** smol-toml, loaded when a TOML file is first read: a project without one never pays for it. */
function toml(): typeof SmolToml {
  tomlModule ??= requireModule("smol-toml") as typeof SmolToml;
  return tomlModule;
}

function readToml(text: string): Record<string, unknown> {
  try {
    return toml().parse(text);
  } catch (error) {
    if (error instanceof toml().TomlError) {
      // The message goes on with a code frame; the warning names the line and column instead.
      throw new ConfigProblem(error.message.split("\n")[0]!, error.line, error.column);
    }
    throw error;
  }
}

function readIni(text: string): IniSections {
  try {
    return parseIni(text);
  } catch (error) {
    if (error instanceof IniSyntaxError) {
      throw new ConfigProblem(error.message, error.line);
    }
    throw error;
  }
}

function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Python's `str()` of a TOML scalar, which pytest applies to the values of `[tool.pytest.ini_options]` that are not arrays. */
function pythonStr(value: unknown): string {
  if (typeof value === "boolean") {
    return value ? "True" : "False";
  }
  return String(value);
}

function withMode(entries: Iterable<[string, unknown]>, mode: RawValue["mode"]): RawConfig {
  return new Map([...entries].map(([key, value]) => [key, { value, mode }]));
}

/** The pytest configuration `name` holds (empty when it counts without settings), null when it holds none, or a ConfigProblem thrown. */
function loadConfig(name: string, text: string): RawConfig | null {
  if (name === "pyproject.toml") {
    const tool = readToml(text).tool;
    const { ini_options: iniOptions, ...native } = isTable(tool) && isTable(tool.pytest) ? tool.pytest : {};
    // pytest 9 refuses a file with both tables; pytest 7 and 8 read `ini_options` and ignore the rest.
    if (isTable(iniOptions)) {
      return withMode(Object.entries(iniOptions).map(([key, value]) => [key, Array.isArray(value) ? value : pythonStr(value)]), "ini");
    }
    return Object.keys(native).length > 0 ? withMode(Object.entries(native), "toml") : null;
  }
  if (name.endsWith(".toml")) {
    // pytest 9's pytest.toml: its [pytest] table, and the file counts even without one.
    const table = readToml(text).pytest;
    if (table !== undefined && !isTable(table)) {
      throw new ConfigProblem("`pytest` is not a table");
    }
    return withMode(Object.entries(table ?? {}), "toml");
  }
  const sections = readIni(text);
  if (name === "setup.cfg") {
    if (sections.has("pytest") && !sections.has("tool:pytest")) {
      throw new ConfigProblem("[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead");
    }
    const section = sections.get("tool:pytest");
    return section ? withMode(section, "ini") : null;
  }
  const section = sections.get("pytest");
  if (section) {
    return withMode(section, "ini");
  }
  // An empty pytest.ini still wins; an empty .pytest.ini does only from pytest 9 on, and we follow pytest 7 and 8.
  return name === "pytest.ini" ? new Map() : null;
}

/** A setting of type "args" or "paths" as pytest's `getini` returns it, or undefined when the file does not set it. */
function listSetting(config: RawConfig, key: string): string[] | undefined {
  const raw = config.get(key);
  if (raw === undefined) {
    return undefined;
  }
  if (raw.mode === "ini" && typeof raw.value === "string") {
    try {
      return shlexSplit(raw.value);
    } catch (error) {
      if (error instanceof ShlexError) {
        throw new ConfigProblem(`${key}: ${error.message}`);
      }
      throw error;
    }
  }
  if (Array.isArray(raw.value) && raw.value.every((item) => typeof item === "string")) {
    return raw.value;
  }
  // pytest 9 refuses anything else in TOML mode; an array with other items makes pytest fail on matching them.
  throw new ConfigProblem(`config option '${key}' expects a list of strings`);
}

/** A setting of type "string" (or "bool") as the file gives it, or null when it does not set it. */
function scalarSetting(config: RawConfig, key: string): string | null {
  const raw = config.get(key);
  if (raw === undefined) {
    return null;
  }
  return typeof raw.value === "string" ? raw.value : pythonStr(raw.value);
}

type AsyncSettings = Pick<PytestSettings, "asyncioMode" | "trioMode" | "plugins">;

/**
 * What `addopts` changes for coroutine tests, read as pytest's argument parser reads it: `-p NAME`
 * (also `-pNAME`) and `--asyncio-mode MODE` (also `=MODE`), the last one winning, which pytest-asyncio
 * reads before its setting. A `-o asyncio_mode=...` there changes nothing: pytest takes `-o` from its
 * command line before it reads `addopts` (pytest 7.2 to 8.4).
 */
function readAddopts(args: readonly string[], settings: AsyncSettings): AsyncSettings {
  let asyncioOption: string | null = null;
  const loaded: string[] = [];
  const blocked = new Set<string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    let plugin: string | undefined;
    if (arg === "-p" || arg === "--asyncio-mode") {
      const value = args[index + 1];
      if (value === undefined) {
        break;
      }
      index += 1;
      if (arg === "-p") {
        plugin = value;
      } else {
        asyncioOption = value;
      }
    } else if (arg.startsWith("-p")) {
      plugin = arg.slice(2);
    } else if (arg.startsWith("--asyncio-mode=")) {
      asyncioOption = arg.slice("--asyncio-mode=".length);
    }
    if (plugin?.startsWith("no:")) {
      blocked.add(plugin.slice("no:".length));
    } else if (plugin !== undefined) {
      loaded.push(plugin);
    }
  }
  // A blocked plugin is never loaded, whether `-p no:NAME` comes before or after `-p NAME`.
  return {
    asyncioMode: asyncioOption ?? settings.asyncioMode,
    trioMode: settings.trioMode,
    plugins: [...settings.plugins, ...loaded.filter((name) => !blocked.has(name))],
  };
}

function settingsFrom(file: string, config: RawConfig): PytestSettings {
  const root = dirname(file);
  const configured: AsyncSettings = {
    asyncioMode: scalarSetting(config, "asyncio_mode"),
    trioMode: scalarSetting(config, "trio_mode"),
    plugins: listSetting(config, "required_plugins") ?? [],
  };
  return {
    pythonFiles: listSetting(config, "python_files") ?? DEFAULTS.pythonFiles,
    pythonClasses: listSetting(config, "python_classes") ?? DEFAULTS.pythonClasses,
    pythonFunctions: listSetting(config, "python_functions") ?? DEFAULTS.pythonFunctions,
    pythonpath: (listSetting(config, "pythonpath") ?? []).map((entry) => resolve(root, entry)),
    ...readAddopts(listSetting(config, "addopts") ?? [], configured),
    configFile: file,
  };
}

/**
 * Where pytest stops with an error, testaudit cannot say what it would collect: it warns once per
 * version of the file and counts with pytest's defaults, so a broken file is seen rather than silently
 * read in some other way.
 */
function warnUnreadable(file: string, problem: ConfigProblem): void {
  const location = [file, problem.line, problem.column].filter((part) => part !== undefined).join(":");
  process.emitWarning(
    `${location}: pytest stops on this configuration (${problem.message}); testaudit counts the tests under it with pytest's default settings.`,
    { code: "TESTAUDIT_PYTEST_CONFIG" },
  );
}

function readIfExists(path: string): string | null {
  try {
    return isFile(path) ? readFileSync(path, "utf8") : null;
  } catch {
    return null;
  }
}

/** The settings `directory`'s own pytest configuration declares, or null when it holds none. */
function readOwnSettings(directory: string): PytestSettings | null {
  for (const name of CONFIG_NAMES) {
    const file = join(directory, name);
    const text = readIfExists(file);
    if (text === null) {
      continue;
    }
    try {
      const config = loadConfig(name, text);
      if (config) {
        return settingsFrom(file, config);
      }
    } catch (error) {
      if (!(error instanceof ConfigProblem)) {
        throw error;
      }
      warnUnreadable(file, error);
      return { ...DEFAULTS, pythonpath: [], ...NO_ASYNC_SETTINGS, configFile: file };
    }
  }
  return null;
}

/** The settings each folder's own configuration declares (null: none), with the stamp they were read under. */
const settingsByDirectory = new Map<string, { settings: PytestSettings | null; stamp: string }>();

const DEFAULT_SETTINGS: PytestSettings = { ...DEFAULTS, pythonpath: [], ...NO_ASYNC_SETTINGS, configFile: null };

/** A cheap fingerprint of the config files a directory could hold, so edits are seen in long-lived processes. */
function directoryStamp(directory: string): string {
  return CONFIG_NAMES.map((name) => {
    // Most folders hold none of these: not throwing for a missing file keeps this cheap.
    const path = join(directory, name);
    dependsOn(path);
    const stat = statOf(path);
    return stat ? `${stat.mtimeMs}:${stat.size}` : "-";
  }).join("|");
}

/** The settings declared by `directory`'s own configuration, or null when it holds none. */
function ownSettings(directory: string): PytestSettings | null {
  const stamp = directoryStamp(directory);
  const cached = settingsByDirectory.get(directory);
  if (cached?.stamp === stamp) {
    return cached.settings;
  }
  const settings = readOwnSettings(directory);
  settingsByDirectory.set(directory, { settings, stamp });
  return settings;
}

/**
 * The settings pytest would use for a file in `directory`. Only each folder's own configuration is
 * cached: the walk up to the nearest one is repeated, so an edit in a parent folder is seen too.
 */
export function pytestSettingsFor(directory: string): PytestSettings {
  for (let current = resolve(directory); ; current = dirname(current)) {
    const settings = ownSettings(current);
    if (settings) {
      return settings;
    }
    if (dirname(current) === current) {
      return DEFAULT_SETTINGS;
    }
  }
}

/** pytest's `python_files` test: a pattern without a slash matches the base name, one with a slash the path. */
export function isPytestFile(path: string, patterns: readonly string[]): boolean {
  const name = basename(path);
  return patterns.some((pattern) =>
    pattern.includes("/") ? fnmatch(path, isAbsolute(pattern) ? pattern : `*/${pattern}`) : fnmatch(name, pattern),
  );
}
