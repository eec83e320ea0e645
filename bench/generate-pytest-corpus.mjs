#!/usr/bin/env node
/**
 * Writes a synthetic pytest suite with a `src/` layout for the benchmark:
 *   node bench/generate-pytest-corpus.mjs <empty-or-new-dir> [--seed N] [--files N]
 *
 * Deterministic: the JS corpus's seeded PRNG, no clock; the same seed and file count give the same bytes. Default:
 * 755 test files, the size of the real suite whose CLI run was 8x ESLint's.
 *
 * What makes it costly for a tool that reads other files, as real suites are:
 *   pyproject.toml                          pytest config: `pythonpath = ["src"]`, testpaths, markers
 *   src/shop/<area>/{models,service}.py     the code under test, imported by absolute name through `src`
 *   tests/conftest.py                       `pytest_plugins` naming two plugin modules, session fixtures
 *   tests/plugins/{db,http}.py              fixtures the plugins provide (one patches, for the tracer)
 *   tests/framework/base.py                 the shared base test case, aliased (`BaseTestCase = ...`)
 *   tests/helpers/*.py                      helpers the tests call, re-exported by tests/helpers/__init__.py
 *   tests/integration/conftest.py           fixtures per level of the chain
 *   tests/integration/<area>/conftest.py
 *   tests/integration/<area>/<group>/test_<name>.py   the test files: classes on the shared base and
 *                                           module-level tests requesting fixtures, with BVJ docstrings
 * Packages have `__init__.py` in some folders and not others (rootdir-relative imports both ways), and
 * tests import names that do not exist (a typo, an optional dependency), as real suites do.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./generate-js-corpus.mjs";

export const DEFAULT_SEED = 20261203;
export const DEFAULT_FILES = 755;

const AREAS = ["orders", "billing", "inventory", "shipping", "accounts", "search", "payments", "catalog", "reviews", "notifications", "returns", "pricing"];
const GROUPS = ["api", "workflows", "persistence", "events", "reports"];
const ENTITIES = ["order", "invoice", "item", "parcel", "user", "query", "charge", "product", "review", "message", "refund", "price"];

const pascal = (name) => name.replace(/(^|_)([a-z])/gu, (_, __, letter) => letter.toUpperCase());

function bvj(indent) {
  return [
    `${indent}Business Value Justification:`,
    `${indent}    - Segment: Enterprise`,
    `${indent}    - Business Goal: Retention`,
    `${indent}    - Value Impact: Customers see correct totals`,
    `${indent}    - Strategic Impact: Fewer support tickets`,
  ];
}

function sourceModule(area, entity) {
  const cls = pascal(entity);
  return [
    `"""The ${area} service."""`,
    "from dataclasses import dataclass",
    "",
    "",
    "@dataclass",
    `class ${cls}:`,
    "    id: int",
    "    total: int = 0",
    "",
    "",
    `class ${cls}Service:`,
    "    def __init__(self, database):",
    "        self.database = database",
    "",
    `    def create(self, **fields) -> ${cls}:`,
    `        return ${cls}(id=self.database.insert("${entity}", fields), **fields)`,
    "",
  ].join("\n");
}

function testFile(rng, area, group, index) {
  const entity = ENTITIES[AREAS.indexOf(area)];
  const cls = pascal(entity);
  const lines = [
    `"""Integration tests of ${area} ${group} (${index})."""`,
    "import pytest",
    "",
    `from shop.${area}.service import ${cls}Service`,
    `from shop.${area}.models import ${cls}`,
    "from tests.framework.base import BaseTestCase",
    "from tests.helpers import assert_persisted, make_payload",
  ];
  if (rng() < 0.2) {
    // A name the project does not define: an optional dependency, or a typo the tests never reach.
    lines.push(`from shop.${area}.legacy import Legacy${cls}Adapter`);
  }
  if (rng() < 0.1) {
    lines.push("from tests.integration.shared import *");
  }
  lines.push("", "");
  const tests = 2 + Math.floor(rng() * 6);
  lines.push(`class Test${cls}${pascal(group)}${index}(BaseTestCase):`, '    """', ...bvj("    "), '    """', "");
  for (let t = 0; t < tests; t++) {
    const fixture = rng() < 0.3 ? "http_client" : rng() < 0.5 ? `${area}_database` : "database";
    lines.push(
      `    def test_${entity}_${group}_${t}(self, ${fixture}):`,
      `        service = ${cls}Service(${fixture})`,
      `        created = service.create(**make_payload("${entity}", ${t}))`,
      "        assert_persisted(created)",
      `        assert isinstance(created, ${cls})`,
      "",
    );
  }
  lines.push("", `def test_${entity}_${group}_module_${index}(${area}_database):`, '    """', ...bvj("    "), '    """', `    assert ${cls}Service(${area}_database).create().id > 0`, "");
  return lines.join("\n");
}

/** Writes the corpus into `outDir` (which must be empty or new); returns the number of test files. */
export function generatePytestCorpus(outDir, { seed = DEFAULT_SEED, files = DEFAULT_FILES } = {}) {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    throw new Error(`${outDir} is not empty`);
  }
  const rng = mulberry32(seed);
  const write = (path, text) => {
    const full = join(outDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text.endsWith("\n") ? text : `${text}\n`);
  };
  write("pyproject.toml", ['[tool.pytest.ini_options]', 'pythonpath = ["src"]', 'testpaths = ["tests"]', 'markers = ["slow: long-running"]'].join("\n"));
  write("src/shop/__init__.py", "");
  for (const [i, area] of AREAS.entries()) {
    write(`src/shop/${area}/__init__.py`, "");
    write(`src/shop/${area}/service.py`, sourceModule(area, ENTITIES[i]));
    write(`src/shop/${area}/models.py`, `from shop.${area}.service import ${pascal(ENTITIES[i])}\n\n__all__ = ["${pascal(ENTITIES[i])}"]`);
  }
  write("tests/__init__.py", "");
  write("tests/conftest.py", ['import pytest', '', 'pytest_plugins = ["tests.plugins.db", "tests.plugins.http"]', '', '', '@pytest.fixture(scope="session")', 'def settings():', '    return {"env": "integration"}'].join("\n"));
  write("tests/plugins/__init__.py", "");
  write("tests/plugins/db.py", ['import pytest', '', '', '@pytest.fixture', 'def database(settings):', '    from shop.orders.service import OrderService', '    return OrderService', ''].join("\n"));
  write("tests/plugins/http.py", ['import pytest', 'from unittest import mock', '', '', '@pytest.fixture', 'def http_client():', '    with mock.patch("requests.Session.send"):', '        yield object()', ''].join("\n"));
  write("tests/framework/__init__.py", "");
  write("tests/framework/base.py", ['import unittest', '', '', 'class SSotBaseTestCase(unittest.TestCase):', '    """The shared base."""', '', '', 'BaseTestCase = SSotBaseTestCase  # legacy name'].join("\n"));
  write("tests/helpers/__init__.py", "from tests.helpers.payloads import make_payload\nfrom tests.helpers.checks import assert_persisted\n");
  write("tests/helpers/payloads.py", 'def make_payload(kind, index):\n    return {"kind": kind, "index": index}\n');
  write("tests/helpers/checks.py", "def assert_persisted(value):\n    assert value.id > 0\n");
  write("tests/integration/conftest.py", ['import pytest', '', '', '@pytest.fixture(autouse=True)', 'def clean_tables(database):', '    yield', ''].join("\n"));
  write("tests/integration/shared.py", "SHARED_TIMEOUT = 5\n");
  let written = 0;
  for (let i = 0; written < files; i++) {
    const area = AREAS[i % AREAS.length];
    const group = GROUPS[Math.floor(i / AREAS.length) % GROUPS.length];
    if (i < AREAS.length) {
      write(`tests/integration/${area}/conftest.py`, ['import pytest', '', '', '@pytest.fixture', `def ${area}_database(database):`, '    return database', ''].join("\n"));
    }
    // Some groups are packages, some are not: both import modes.
    if (i < AREAS.length * GROUPS.length && rng() < 0.5) {
      write(`tests/integration/${area}/${group}/__init__.py`, "");
    }
    write(`tests/integration/${area}/${group}/test_${area}_${group}_${i}.py`, testFile(rng, area, group, i));
    written += 1;
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [outDir, ...rest] = process.argv.slice(2);
  if (!outDir) {
    console.error("usage: node bench/generate-pytest-corpus.mjs <empty-or-new-dir> [--seed N] [--files N]");
    process.exit(2);
  }
  const option = (flag, fallback) => {
    const at = rest.indexOf(flag);
    return at === -1 ? fallback : Number(rest[at + 1]);
  };
  const count = generatePytestCorpus(resolve(outDir), { seed: option("--seed", DEFAULT_SEED), files: option("--files", DEFAULT_FILES) });
  console.log(`${count} test files in ${resolve(outDir)}`);
}
