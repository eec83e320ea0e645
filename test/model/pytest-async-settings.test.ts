/**
 * The async settings testaudit reads from pytest's configuration (`asyncio_mode`, `trio_mode`, `-p`
 * plugins), against Debian's pytest 7.2 reading the same files. pytest-asyncio and pytest-trio are not
 * installed, so a conftest.py declares their settings and option exactly as they do (`asyncio_mode` and
 * `--asyncio-mode`, read option first as pytest-asyncio reads them; `trio_mode` as a bool) and writes what
 * pytest resolved, with the names of the plugins it loaded from the tree. pytest reads `-o` only from its
 * command line (and PYTEST_ADDOPTS), not from `addopts`: a `-o` there changes no setting.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import dedent from "dedent";
import { afterAll, describe, expect, it } from "vitest";
import { pytestSettingsFor } from "../../src/model/pytest-config.js";
import { ORACLE_PYTHON } from "../pytest-oracle.js";
import { writeTree, type Files } from "../temp-tree.js";

const PROBE_CONFTEST = dedent`
  import json


  def pytest_addoption(parser):
      parser.addini("asyncio_mode", "as pytest-asyncio declares it")
      parser.addoption("--asyncio-mode", dest="asyncio_mode", default=None)
      parser.addini("trio_mode", "as pytest-trio declares it", type="bool", default=False)


  def pytest_configure(config):
      mode = config.getoption("asyncio_mode")
      if mode is None:
          mode = config.getini("asyncio_mode") or None
      names = sorted(name for name, plugin in config.pluginmanager.list_name_plugin() if plugin is not None and name.startswith("plugin_"))
      with open(config.rootpath / "resolved.json", "w") as out:
          json.dump({"asyncioMode": mode, "trioMode": config.getini("trio_mode"), "plugins": names}, out)
`;

/** Plugin modules a configuration may load with `-p`. */
const PLUGINS: Files = { "plugin_one.py": "", "plugin_two.py": "" };

const CASES: { name: string; files: Files }[] = [
  { name: "no async settings", files: { "pytest.ini": "[pytest]\n" } },
  { name: "asyncio_mode in pytest.ini", files: { "pytest.ini": "[pytest]\nasyncio_mode = auto\n" } },
  { name: "asyncio_mode and trio_mode in pyproject.toml", files: { "pyproject.toml": '[tool.pytest.ini_options]\nasyncio_mode = "strict"\ntrio_mode = true\n' } },
  { name: "asyncio_mode in tox.ini", files: { "tox.ini": "[pytest]\nasyncio_mode = auto\n" } },
  { name: "asyncio_mode in setup.cfg", files: { "setup.cfg": "[tool:pytest]\nasyncio_mode = auto\n" } },
  { name: "-o in addopts overrides no setting", files: { "pytest.ini": "[pytest]\nasyncio_mode = strict\naddopts = -o asyncio_mode=auto -otrio_mode=1\n" } },
  { name: "--asyncio-mode wins over -o, wherever it stands", files: { "pytest.ini": "[pytest]\naddopts = --asyncio-mode=auto -o asyncio_mode=strict --override-ini=trio_mode=yes\n" } },
  { name: "--asyncio-mode as two words, the last one winning", files: { "pytest.ini": "[pytest]\naddopts = --asyncio-mode strict --asyncio-mode auto\n" } },
  { name: "trio_mode off", files: { "pytest.ini": "[pytest]\ntrio_mode = off\n" } },
  { name: "-p in its three spellings, and -p no: blocking one", files: { "pytest.ini": "[pytest]\naddopts = -p plugin_one -pplugin_two -p no:plugin_two --strict-markers\n" } },
  { name: "addopts as a TOML array", files: { "pyproject.toml": '[tool.pytest.ini_options]\naddopts = ["-p", "plugin_one", "--asyncio-mode=auto"]\n' } },
];

interface Resolved {
  asyncioMode: string | null;
  trioMode: boolean;
  plugins: string[];
}

function resolvedByPytest(root: string): Resolved {
  const run = spawnSync(ORACLE_PYTHON, ["-m", "pytest", "-p", "no:cacheprovider", "-q", "--collect-only", `--rootdir=${root}`, "."], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: "/usr/bin:/bin", LANG: "C.UTF-8", PYTHONDONTWRITEBYTECODE: "1", PYTHONNOUSERSITE: "1", PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1", PYTHONPATH: root },
  });
  if (run.status !== 0 && run.status !== 5) {
    throw new Error(`pytest exited ${String(run.status)}:\n${run.stdout}${run.stderr}`);
  }
  return JSON.parse(readFileSync(join(root, "resolved.json"), "utf8")) as Resolved;
}

/** pytest-trio's reading of `trio_mode`, as pytest reads a bool setting. */
function trioModeOn(value: string | null): boolean {
  return value !== null && ["y", "yes", "t", "true", "on", "1"].includes(value.trim().toLowerCase());
}

describe("async settings as pytest resolves them", () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) {
      rmSync(root, { recursive: true, force: true });
    }
  });

  for (const { name, files } of CASES) {
    it(name, () => {
      const root = writeTree({ "conftest.py": PROBE_CONFTEST, ...PLUGINS, ...files }, "testaudit-async-settings-");
      roots.push(root);
      const expected = resolvedByPytest(root);
      const settings = pytestSettingsFor(root);
      expect({ asyncioMode: settings.asyncioMode, trioMode: trioModeOn(settings.trioMode), plugins: [...settings.plugins].sort() }).toEqual(expected);
    });
  }
});
