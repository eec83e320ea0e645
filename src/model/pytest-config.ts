/**
 * The pytest naming settings that decide what pytest collects, read from the nearest pytest
 * configuration as pytest finds it: in each folder from the file's upward, `pytest.ini` (or
 * `.pytest.ini`), then `pyproject.toml` with `[tool.pytest.ini_options]` or `[tool.pytest]`, then
 * `tox.ini` with `[pytest]`, then `setup.cfg` with `[tool:pytest]`. Nothing is imported or run.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { dependsOn } from "./dependencies.js";
import { fnmatch } from "./fnmatch.js";

export interface PytestSettings {
  pythonFiles: string[];
  pythonClasses: string[];
  pythonFunctions: string[];
  /** Extra import roots (`pythonpath`), absolute. */
  pythonpath: string[];
  /** The configuration file the settings came from, or null for pytest's defaults. */
  configFile: string | null;
}

const DEFAULTS = { pythonFiles: ["test_*.py", "*_test.py"], pythonClasses: ["Test"], pythonFunctions: ["test"] };

type RawSettings = Partial<Record<"python_files" | "python_classes" | "python_functions" | "pythonpath", string[]>>;

/** Reads `key = value` lines of one INI section, with indented continuation lines; values split on white space. */
function readIniSection(text: string, section: string): RawSettings | null {
  let inSection = false;
  let found = false;
  let lastKey: string | null = null;
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/u)) {
    if (/^\s*[#;]/u.test(rawLine) || rawLine.trim() === "") {
      continue;
    }
    const header = /^\[([^\]]+)\]\s*$/u.exec(rawLine);
    if (header) {
      inSection = header[1]!.trim() === section;
      found ||= inSection;
      lastKey = null;
      continue;
    }
    if (!inSection) {
      continue;
    }
    if (/^\s/u.test(rawLine) && lastKey !== null) {
      values[lastKey]! += ` ${rawLine.trim()}`;
      continue;
    }
    const pair = /^([\w.-]+)\s*[=:]\s*(.*)$/u.exec(rawLine);
    if (pair) {
      lastKey = pair[1]!;
      values[lastKey] = pair[2]!;
    }
  }
  if (!found) {
    return null;
  }
  return pickSettings((key) => (key in values ? values[key]!.split(/\s+/u).filter(Boolean) : undefined));
}

/** Reads string and array-of-string values of one TOML table (the subset pytest settings use). */
function readTomlTable(text: string, table: string): RawSettings | null {
  const lines = text.split(/\r?\n/u);
  const start = lines.findIndex((line) => line.trim() === `[${table}]`);
  if (start === -1) {
    return null;
  }
  const values: Record<string, string[]> = {};
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\s+/u, "");
    if (line.startsWith("[") && !line.startsWith("[[")) {
      break;
    }
    const pair = /^([\w.-]+|"[^"]+")\s*=\s*(.*)$/u.exec(line);
    if (!pair) {
      continue;
    }
    let value = pair[2]!;
    if (value.startsWith("[")) {
      while (!/\]\s*(#.*)?$/u.test(value) && i + 1 < lines.length) {
        i += 1;
        value += ` ${lines[i]!.trim()}`;
      }
    }
    const strings = [...value.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/gu)].map((match) => match[1] ?? match[2] ?? "");
    values[pair[1]!.replace(/"/gu, "")] = value.startsWith("[") ? strings : strings.slice(0, 1).flatMap((s) => s.split(/\s+/u)).filter(Boolean);
  }
  return pickSettings((key) => values[key]);
}

function pickSettings(get: (key: string) => string[] | undefined): RawSettings {
  const settings: RawSettings = {};
  for (const key of ["python_files", "python_classes", "python_functions", "pythonpath"] as const) {
    const value = get(key);
    if (value !== undefined) {
      settings[key] = value;
    }
  }
  return settings;
}

function readIfExists(path: string): string | null {
  try {
    return statSync(path).isFile() ? readFileSync(path, "utf8") : null;
  } catch {
    return null;
  }
}

/** The pytest settings declared in `directory` itself, or null when it holds no pytest configuration. */
function settingsInDirectory(directory: string): { file: string; raw: RawSettings } | null {
  for (const name of ["pytest.ini", ".pytest.ini"]) {
    const text = readIfExists(join(directory, name));
    if (text !== null) {
      return { file: join(directory, name), raw: readIniSection(text, "pytest") ?? {} };
    }
  }
  const pyproject = readIfExists(join(directory, "pyproject.toml"));
  if (pyproject !== null) {
    const raw = readTomlTable(pyproject, "tool.pytest.ini_options") ?? readTomlTable(pyproject, "tool.pytest");
    if (raw) {
      return { file: join(directory, "pyproject.toml"), raw };
    }
  }
  for (const [name, section] of [["tox.ini", "pytest"], ["setup.cfg", "tool:pytest"]] as const) {
    const text = readIfExists(join(directory, name));
    const raw = text === null ? null : readIniSection(text, section);
    if (raw) {
      return { file: join(directory, name), raw };
    }
  }
  return null;
}

/** The settings each folder's own configuration declares (null: none), with the stamp they were read under. */
const settingsByDirectory = new Map<string, { settings: PytestSettings | null; stamp: string }>();

const DEFAULT_SETTINGS: PytestSettings = { ...DEFAULTS, pythonpath: [], configFile: null };

/** A cheap fingerprint of the config files a directory could hold, so edits are seen in long-lived processes. */
function directoryStamp(directory: string): string {
  return ["pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"]
    .map((name) => {
      // Most folders hold none of these: not throwing for a missing file keeps this cheap.
      const path = join(directory, name);
      dependsOn(path);
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat ? `${stat.mtimeMs}:${stat.size}` : "-";
    })
    .join("|");
}

/** The settings declared by `directory`'s own configuration, or null when it holds none. */
function ownSettings(directory: string): PytestSettings | null {
  const stamp = directoryStamp(directory);
  const cached = settingsByDirectory.get(directory);
  if (cached?.stamp === stamp) {
    return cached.settings;
  }
  const own = settingsInDirectory(directory);
  let settings: PytestSettings | null = null;
  if (own) {
    const root = dirname(own.file);
    settings = {
      pythonFiles: own.raw.python_files ?? DEFAULTS.pythonFiles,
      pythonClasses: own.raw.python_classes ?? DEFAULTS.pythonClasses,
      pythonFunctions: own.raw.python_functions ?? DEFAULTS.pythonFunctions,
      pythonpath: (own.raw.pythonpath ?? []).map((entry) => resolve(root, entry)),
      configFile: own.file,
    };
  }
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
