/**
 * Random Python test modules from a small grammar: imports (mocking libraries among them), classes
 * with bases, test functions and methods under decorators (fixtures, parametrize, patches),
 * docstrings with BVJ-like blocks, and statements that mock, patch or call real services.
 */
import fc from "fast-check";
import { bvjBodyArbitrary } from "./bvj-arbitrary.js";
import { identifierArbitrary, layoutArbitrary, nest, render, type Line } from "./layout.js";

const importArbitrary = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom(
  "import unittest",
  "import unittest.mock",
  "import unittest.mock as um",
  "from unittest import mock",
  "from unittest import TestCase, mock as m",
  "from unittest.mock import patch, MagicMock, AsyncMock",
  "from unittest.mock import *",
  "import pytest",
  "from pytest import fixture, mark",
  "import pytest_mock",
  "from pytest_mock import MockerFixture",
  "import responses, requests",
  "from test_framework.ssot import SSotBaseTestCase",
  "from test_framework import ssot",
  "from . import helpers",
  "from .. import conftest as c",
  "from .base import BaseIntegrationTest",
  "import a.b.c as d",
  "from __future__ import annotations",
  ) },
  { weight: 1, arbitrary: fc.constantFrom("from (", "import", "from . import") },
);

const baseArbitrary = fc.constantFrom(
  "unittest.TestCase",
  "TestCase",
  "SSotBaseTestCase",
  "ssot.SSotBaseTestCase",
  "BaseIntegrationTest",
  "object",
  "mock.Mock",
  "Generic[T]",
  "metaclass=ABCMeta",
  "*bases",
  "helpers.Base()",
);

const decoratorArbitrary = fc.constantFrom(
  "@pytest.fixture",
  "@pytest.fixture(scope=\"module\", autouse=True)",
  "@fixture",
  "@pytest.mark.parametrize(\"a,b\", [(1, 2), (3, 4)])",
  "@mark.parametrize(\"value\", [pytest.param(1, id=\"one\")])",
  "@pytest.mark.skip(reason=\"flaky\")",
  "@unittest.skip(\"later\")",
  "@mock.patch(\"service.client.send\")",
  "@patch.object(Client, \"send\", return_value=None)",
  "@um.patch.dict(\"os.environ\", {\"A\": \"1\"})",
  "@staticmethod",
  "@classmethod",
  "@functools.wraps(f)",
);

const parameterArbitrary = fc.constantFrom("self", "cls", "client", "mocker", "monkeypatch", "tmp_path", "a", "b", "*args", "**kwargs", "value: int = 1", "db=None", "/", "*");

const statementArbitrary = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(
    "pass",
    "...",
    "return",
    "assert response.status_code == 200",
    "self.assertEqual(a, b)",
    "response = requests.get(self.api_url, timeout=10)",
    "m = MagicMock()",
    "p = mock.patch(\"a.b\").start()",
    "patcher = patch.object(Client, \"send\")",
    "monkeypatch.setattr(\"auth.clock.now\", lambda: 0)",
    "monkeypatch.setenv(\"TTL\", \"1\")",
    "mocker.patch(\"x.y\", return_value=1)",
    "with patch(\"x\") as p:",
    "async with client.session() as s:",
    "for item in items:",
    "if value is None:",
    "try:",
    "except Exception:",
    "__test__ = False",
    "patch = {\"a\": 1}",
    "global mock",
    "lambda: mock.Mock()",
    "x = f\"{value!r:>10}\"",
    "y = b\"\\x00\\xff\"",
    "z = r'\\d+'",
    "del mock",
  ) },
  { weight: 10, arbitrary: identifierArbitrary.map((name) => `${name} = ${name}`) },
  // Broken lines, now and then.
  { weight: 1, arbitrary: fc.constantFrom(")", "]:", "'unterminated", "@", "def (") },
  { weight: 1, arbitrary: fc.string({ maxLength: 25 }) },
);

interface FunctionShape {
  decorators: string[];
  isAsync: boolean;
  name: string;
  parameters: string[];
  docstring: { quote: string; body: string[] } | null;
  statements: string[];
}

const quoteArbitrary = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('"""', "'''", 'r"""') }, { weight: 1, arbitrary: fc.constantFrom('"', 'f"""', 'b"""') });

const docstringArbitrary = fc.option(fc.record({ quote: quoteArbitrary, body: bvjBodyArbitrary }), { freq: 3 });

const functionArbitrary: fc.Arbitrary<FunctionShape> = fc.record({
  decorators: fc.array(decoratorArbitrary, { maxLength: 3 }),
  isAsync: fc.boolean(),
  name: fc.oneof({ weight: 3, arbitrary: identifierArbitrary.map((name) => `test_${name}`) }, { weight: 1, arbitrary: identifierArbitrary }),
  parameters: fc.array(parameterArbitrary, { maxLength: 4 }),
  docstring: docstringArbitrary,
  statements: fc.array(statementArbitrary, { minLength: 1, maxLength: 5 }),
});

function docstringLines(docstring: FunctionShape["docstring"]): Line[] {
  if (!docstring) {
    return [];
  }
  const close = docstring.quote.replace(/^[rfb]/u, "");
  const [first = "", ...rest] = docstring.body;
  if (rest.length === 0) {
    return [{ depth: 0, text: `${docstring.quote}${first}${close}` }];
  }
  return [{ depth: 0, text: `${docstring.quote}${first}` }, ...rest.map((text) => ({ depth: 0, text })), { depth: 0, text: close }];
}

function functionLines(fn: FunctionShape): Line[] {
  return [
    ...fn.decorators.map((text) => ({ depth: 0, text })),
    { depth: 0, text: `${fn.isAsync ? "async " : ""}def ${fn.name}(${fn.parameters.join(", ")}):` },
    // Block openers among the statements get a body one level deeper, as the next line.
    ...nest([...docstringLines(fn.docstring), ...fn.statements.flatMap((text) => (text.endsWith(":") ? [{ depth: 0, text }, { depth: 1, text: "pass" }] : [{ depth: 0, text }]))]),
  ];
}

const classArbitrary = fc.record({
  name: fc.oneof(identifierArbitrary.map((name) => `Test${name}`), identifierArbitrary.map((name) => `${name}Tests`), identifierArbitrary),
  bases: fc.array(baseArbitrary, { maxLength: 3 }),
  docstring: docstringArbitrary,
  methods: fc.array(functionArbitrary, { maxLength: 4 }),
});

function classLines(cls: { name: string; bases: string[]; docstring: FunctionShape["docstring"]; methods: FunctionShape[] }): Line[] {
  const header = cls.bases.length > 0 ? `class ${cls.name}(${cls.bases.join(", ")}):` : `class ${cls.name}:`;
  const body = [...docstringLines(cls.docstring), ...cls.methods.flatMap((method) => [...functionLines(method), { depth: 0, text: "" }])];
  return [{ depth: 0, text: header }, ...nest(body.length > 0 ? body : [{ depth: 0, text: "pass" }])];
}

const topLevelArbitrary: fc.Arbitrary<Line[]> = fc.oneof(
  { weight: 3, arbitrary: functionArbitrary.map(functionLines) },
  { weight: 3, arbitrary: classArbitrary.map(classLines) },
  { weight: 1, arbitrary: statementArbitrary.map((text) => [{ depth: 0, text }]) },
  { weight: 1, arbitrary: fc.constantFrom("# a comment", "# eslint-disable-next-line testaudit/no-mocks", "#!/usr/bin/env python", "# -*- coding: latin-1 -*-").map((text) => [{ depth: 0, text }]) },
);

/** A whole module: a docstring, imports, then functions, classes and loose statements. */
export const pythonModuleArbitrary: fc.Arbitrary<string> = fc
  .tuple(docstringArbitrary, fc.array(importArbitrary, { maxLength: 5 }), fc.array(topLevelArbitrary, { maxLength: 6 }), layoutArbitrary)
  .map(([docstring, imports, blocks, layout]) =>
    render([...docstringLines(docstring), ...imports.map((text) => ({ depth: 0, text })), ...blocks.flatMap((block) => [{ depth: 0, text: "" }, ...block])], layout),
  );
