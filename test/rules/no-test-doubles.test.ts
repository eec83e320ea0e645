/**
 * RuleTester matrix for `testaudit/no-test-doubles` on Python: test-double classes defined in a test
 * file (by name or by a mocking library's base, at any depth), imported from project modules and
 * instantiated; mock factories called; uses from other files traced to the tests they reach (fixtures,
 * helpers, base classes' setUp, conftest.py); test classes and library classes left alone; the options
 * and their schema. Real ESLint (RuleTester), real tree-sitter, real files in temporary folder trees.
 */
import { rmSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import dedent from "dedent";
import { Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setModelSink } from "../../src/model/get-model.js";
import type { TestFileModel } from "../../src/model/test-file-model.js";
import { DEFAULT_TEST_DOUBLE_OPTIONS, judgeTestDoubles, reachingTestDoubles } from "../../src/policies/test-doubles.js";
import { caseTrees, writeTree } from "../temp-tree.js";
import { at, plugin, pythonRuleTester, type ExpectedError, type Span } from "../rule-tester.js";
import { doubleClass, doubleImport, doubleUse, factoryCall, inherits, PREFIX, SUFFIX } from "./no-test-doubles-errors.js";

const { inTree } = caseTrees("testaudit-no-test-doubles-");

const rule = plugin.rules["no-test-doubles"];

/** Where every case's test file sits in its tree; each tree has a pytest.ini at its root. */
const TEST_FILE = "tests/integration/test_orders.py";

/** The project's fakes, in `tests/support/fakes.py`, with a package on the way. */
const SUPPORT = {
  "pytest.ini": "[pytest]\n",
  "tests/__init__.py": "",
  "tests/integration/__init__.py": "",
  "tests/support/__init__.py": "",
  "tests/support/fakes.py": dedent`
    from unittest import mock


    class FakeRedis:
        def get(self, key):
            return None


    class RecordingBase(mock.MagicMock):
        pass


    class Recorder(RecordingBase):
        pass


    class RealRedis:
        pass
  `,
  "tests/support/factories.py": dedent`
    from tests.support.fakes import FakeRedis


    class SSotMockFactory:
        @staticmethod
        def create_agent():
            return FakeRedis()


    def make_redis():
        return FakeRedis()
  `,
};

interface Case {
  name: string;
  code: string;
  options?: [{ patterns?: string[]; factories?: string[] }];
}

function clean(testCase: Case, files: Record<string, string> = SUPPORT): Case & { filename: string } {
  return inTree(files, TEST_FILE, testCase);
}

function flagged(testCase: Case & { errors: ExpectedError[] }, files: Record<string, string> = SUPPORT): Case & { errors: ExpectedError[]; filename: string } {
  return inTree(files, TEST_FILE, testCase);
}

interface Reach {
  test: string;
  double: string;
  route: string;
  /** Where the use is written: `file:line`, the file relative to the tree. */
  usedAt: string;
}

/** An invalid case whose doubleReach reports' locations are relative to the test's folder, known once the tree is written. */
function traced(files: Record<string, string>, testCase: Case & { errors?: ExpectedError[] }, reaches: (Reach & Span)[]): Case & { errors: ExpectedError[]; filename: string } {
  const reachErrors = reaches.map(({ test, double, route, usedAt, ...span }): ExpectedError => ({
    messageId: "doubleReach",
    get data() {
      const [file, line] = usedAt.split(":") as [string, string];
      const treeRoot = placed.filename.slice(0, -TEST_FILE.length);
      return { test, double, route, location: `${relative(dirname(placed.filename), join(treeRoot, file)).split(sep).join("/")}:${line}` };
    },
    ...span,
  }));
  const placed = inTree(files, TEST_FILE, { ...testCase, errors: [...(testCase.errors ?? []), ...reachErrors] });
  return placed;
}

pythonRuleTester.run("no-test-doubles", rule, {
  valid: [
    clean({
      name: "a unittest test class about mocks is a test, not a double, whatever its name",
      code: dedent`
        import unittest


        class MockTest(unittest.TestCase):
            def test_return_value(self):
                self.assertTrue(True)


        class MockingTest(unittest.TestCase):
            def test_side_effect(self):
                self.assertTrue(True)
      `,
    }),
    clean({
      name: "a pytest test class named like a double is a test",
      code: dedent`
        class TestRedisMock:
            def test_get(self):
                assert True
      `,
    }),
    clean({
      name: "names that only look like doubles: no capital after the prefix, no lower-case letter before the suffix",
      code: dedent`
        class Mockingbird:
            pass


        class Faker:
            pass


        class Stubborn:
            pass


        class Spy:
            pass


        class MOCK:
            pass


        def test_birds():
            assert Mockingbird() and Faker() and Stubborn() and Spy() and MOCK()
      `,
    }),
    clean({
      name: "a library's classes are no-mocks' concern, not this rule's: FakeRedis of fakeredis, Faker of faker",
      code: dedent`
        from fakeredis import FakeRedis
        from faker import Faker


        def test_cache():
            assert FakeRedis() and Faker()
      `,
    }),
    clean({
      name: "a real project class, imported and instantiated; a module of fakes imported but not used",
      code: dedent`
        from tests.support import fakes
        from tests.support.fakes import RealRedis


        def test_cache():
            assert RealRedis()
      `,
    }),
    clean({
      name: "an import for annotations only, under TYPE_CHECKING, and the annotation: nothing runs",
      code: dedent`
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from tests.support.fakes import FakeRedis


        def test_cache(redis: "FakeRedis"):
            assert redis
      `,
    }),
    clean({
      name: "variables and functions named like doubles are not classes",
      code: dedent`
        def make_fake():
            return {"id": 1}


        def test_orders():
            fake_order = make_fake()
            MockOrder = dict
            assert fake_order and MockOrder(id=1)
      `,
    }),
    clean({
      name: "patterns: [] reports no class by its name",
      options: [{ patterns: [] }],
      code: dedent`
        class FakeRedis:
            pass


        def test_cache():
            assert FakeRedis()
      `,
    }),
    clean({
      name: "a factory that is never called, and a method of the same name on another object",
      options: [{ factories: ["SSotMockFactory"] }],
      code: dedent`
        from tests.support.factories import SSotMockFactory


        def test_cache(client):
            assert client.create_agent()
      `,
    }),
  ],
  invalid: [
    flagged({
      name: "a class named like a double, defined and instantiated in the test file",
      code: dedent`
        class FakeRedis:
            def get(self, key):
                return None


        def test_cache():
            assert FakeRedis().get("a") is None
      `,
      errors: [doubleClass("FakeRedis", PREFIX, at(1, 7, 16)), doubleUse("FakeRedis", "FakeRedis", PREFIX, at(7, 12, 21))],
    }),
    flagged({
      name: "each default prefix and suffix",
      code: dedent`
        class MockGateway:
            pass
        class StubClock:
            pass
        class DummyMailer:
            pass
        class SpyLogger:
            pass
        class RedisMock:
            pass
        class PaymentsFake:
            pass
        class SmtpStub:
            pass
      `,
      errors: [
        doubleClass("MockGateway", PREFIX, at(1, 7, 18)),
        doubleClass("StubClock", PREFIX, at(3, 7, 16)),
        doubleClass("DummyMailer", PREFIX, at(5, 7, 18)),
        doubleClass("SpyLogger", PREFIX, at(7, 7, 16)),
        doubleClass("RedisMock", SUFFIX, at(9, 7, 16)),
        doubleClass("PaymentsFake", SUFFIX, at(11, 7, 19)),
        doubleClass("SmtpStub", SUFFIX, at(13, 7, 15)),
      ],
    }),
    flagged({
      name: "a class inheriting a mocking library's class, whatever its name, through the module, an alias or a project base",
      code: dedent`
        from unittest import mock
        from unittest.mock import MagicMock as MM

        from tests.support.fakes import Recorder


        class Cache(mock.MagicMock):
            pass


        class Mailer(MM):
            pass


        class Audit(Recorder):
            pass
      `,
      errors: [
        doubleImport("Recorder", "Recorder", inherits("unittest.mock.MagicMock"), at(4, 33, 41)),
        doubleClass("Cache", inherits("unittest.mock.MagicMock"), at(7, 7, 12)),
        doubleClass("Mailer", inherits("unittest.mock.MagicMock"), at(11, 7, 13)),
        doubleClass("Audit", inherits("unittest.mock.MagicMock"), at(15, 7, 12)),
      ],
    }),
    flagged({
      name: "classes nested in a class and defined in a test, and the instance the test makes",
      code: dedent`
        class TestCache:
            class FakeBackend:
                pass

            def test_get(self):
                class StubClock:
                    pass

                assert StubClock()
      `,
      errors: [
        doubleClass("FakeBackend", PREFIX, at(2, 11, 22)),
        doubleClass("StubClock", PREFIX, at(6, 15, 24)),
        doubleUse("StubClock", "StubClock", PREFIX, at(9, 16, 25)),
      ],
    }),
    flagged({
      name: "a double imported from a project module, under an alias and relatively, and its uses by the local name and through the module",
      code: dedent`
        from tests.support.fakes import FakeRedis as Redis
        from ..support import fakes
        from ..support.fakes import Recorder


        def test_cache():
            assert Redis() and fakes.FakeRedis() and Recorder()
      `,
      errors: [
        doubleImport("FakeRedis as Redis", "FakeRedis", PREFIX, at(1, 33, 51)),
        doubleImport("Recorder", "Recorder", inherits("unittest.mock.MagicMock"), at(3, 29, 37)),
        doubleUse("Redis", "FakeRedis", PREFIX, at(7, 12, 17)),
      ],
    }),
    flagged({
      name: "an import inside a function counts, and the call it binds",
      code: dedent`
        def test_cache():
            from tests.support.fakes import FakeRedis

            assert FakeRedis()
      `,
      errors: [doubleImport("FakeRedis", "FakeRedis", PREFIX, at(2, 37, 46)), doubleUse("FakeRedis", "FakeRedis", PREFIX, at(4, 12, 21))],
    }),
    flagged({
      name: "mock factories: the factory itself, its methods, through a module, and a dotted factory name matched through the import",
      options: [{ factories: ["SSotMockFactory", "tests.support.factories.make_redis"] }],
      code: dedent`
        from tests.support import factories
        from tests.support.factories import SSotMockFactory, make_redis


        def test_agents():
            first = SSotMockFactory()
            second = SSotMockFactory.create_agent()
            third = factories.SSotMockFactory.create_agent()
            assert first and second and third and make_redis()
      `,
      errors: [
        factoryCall("SSotMockFactory", "SSotMockFactory", at(6, 13, 28)),
        factoryCall("SSotMockFactory.create_agent", "SSotMockFactory", at(7, 14, 42)),
        factoryCall("factories.SSotMockFactory.create_agent", "SSotMockFactory", at(8, 13, 51)),
        factoryCall("make_redis", "tests.support.factories.make_redis", at(9, 43, 53)),
      ],
    }),
    flagged({
      name: "one report per line: the first finding on it",
      code: dedent`
        class FakeA:
            pass
        class FakeB:
            pass


        def test_both():
            assert FakeA() and FakeB()
      `,
      errors: [doubleClass("FakeA", PREFIX, at(1, 7, 12)), doubleClass("FakeB", PREFIX, at(3, 7, 12)), doubleUse("FakeA", "FakeA", PREFIX, at(8, 12, 17))],
    }),
    flagged({
      name: "patterns replace the defaults: a simulator is a double, a Fake is not",
      options: [{ patterns: ["Simulator$"] }],
      code: dedent`
        class PaymentSimulator:
            pass


        class FakeClock:
            pass
      `,
      errors: [doubleClass("PaymentSimulator", "its name matches /Simulator$/", at(1, 7, 23))],
    }),
    traced(
      {
        ...SUPPORT,
        "tests/integration/conftest.py": dedent`
          import pytest

          from tests.support.fakes import FakeRedis


          @pytest.fixture
          def redis():
              return FakeRedis()
        `,
      },
      {
        name: "a conftest.py fixture that makes a double reaches the test that requests it, reported at its name",
        code: dedent`
          def test_cache(redis):
              assert redis.get("a") is None


          def test_clean():
              assert True
        `,
      },
      [{ test: "test_cache", double: "FakeRedis", route: "through fixture 'redis'", usedAt: "tests/integration/conftest.py:8", ...at(1, 5, 15) }],
    ),
    traced(
      SUPPORT,
      {
        name: "a project helper that makes a double, and a factory's method that does, reach the tests that call them",
        code: dedent`
          from tests.support.factories import SSotMockFactory, make_redis


          def test_helper():
              assert make_redis()


          class TestAgents:
              def test_agent(self):
                  assert SSotMockFactory.create_agent()
        `,
      },
      [{ test: "test_helper", double: "FakeRedis", route: "through helper 'make_redis'", usedAt: "tests/support/factories.py:11", ...at(4, 5, 16) }],
    ),
    traced(
      {
        ...SUPPORT,
        "tests/support/base.py": dedent`
          import unittest

          from tests.support.fakes import FakeRedis


          class IntegrationBase(unittest.TestCase):
              def setUp(self):
                  self.redis = FakeRedis()
        `,
      },
      {
        name: "a base class's setUp in another file that makes a double reaches each test of the class",
        code: dedent`
          from tests.support.base import IntegrationBase


          class OrderTests(IntegrationBase):
              def test_create(self):
                  self.assertTrue(self.redis)
        `,
      },
      [{ test: "test_create", double: "FakeRedis", route: "through setup method 'setUp' of base 'IntegrationBase'", usedAt: "tests/support/base.py:8", ...at(5, 9, 20) }],
    ),
    traced(
      {
        ...SUPPORT,
        "tests/integration/conftest.py": dedent`
          from tests.support.fakes import FakeRedis

          SHARED = FakeRedis()
        `,
      },
      {
        name: "a double made at the top level of a conftest.py reaches every test below it; one in the test itself is reported where it is",
        code: dedent`
          from tests.support.fakes import RealRedis


          def test_cache():
              assert RealRedis()
        `,
      },
      [{ test: "test_cache", double: "FakeRedis", route: "at the top level of conftest.py", usedAt: "tests/integration/conftest.py:3", ...at(4, 5, 15) }],
    ),
    traced(
      {
        ...SUPPORT,
        "tests/integration/conftest.py": dedent`
          import pytest

          from tests.support.fakes import FakeRedis


          @pytest.fixture
          def redis():
              return FakeRedis()
        `,
      },
      {
        name: "a test that makes a double itself is reported at the use, not again at its name",
        code: dedent`
          from tests.support.fakes import FakeRedis


          def test_cache(redis):
              assert FakeRedis()
        `,
        errors: [doubleImport("FakeRedis", "FakeRedis", PREFIX, at(1, 33, 42)), doubleUse("FakeRedis", "FakeRedis", PREFIX, at(5, 12, 21))],
      },
      [],
    ),
  ],
});

describe("no-test-doubles options schema", () => {
  const lint = (options: unknown): void => {
    new Linter({ configType: "flat" }).verify(
      "import os\n",
      [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/no-test-doubles": ["error", options] } }],
      "test_x.py",
    );
  };

  it("accepts the documented options", () => {
    expect(() => { lint({ patterns: ["Simulator$", "^Fake"], factories: ["SSotMockFactory", "tests.factories.make_agent"] }); }).not.toThrow();
  });

  it("rejects a pattern that is no regular expression, naming it", () => {
    expect(() => { lint({ patterns: ["Fake("] }); }).toThrow(/Key "testaudit\/no-test-doubles":[\s\S]*Value "Fake\(" should match format "regex"/u);
  });

  it("rejects an empty pattern and duplicate patterns", () => {
    expect(() => { lint({ patterns: [""] }); }).toThrow(/should NOT be shorter than 1 characters/u);
    expect(() => { lint({ patterns: ["^Fake", "^Fake"] }); }).toThrow(/duplicate items/u);
  });

  it("rejects a factory that is no plain or dotted name", () => {
    expect(() => { lint({ factories: ["SSotMockFactory()"] }); }).toThrow(/Value "SSotMockFactory\(\)" should match pattern/u);
    expect(() => { lint({ factories: ["tests..factories"] }); }).toThrow(/Value "tests\.\.factories" should match pattern/u);
  });

  it("rejects an unknown option, naming it", () => {
    expect(() => { lint({ pattern: ["^Fake"] }); }).toThrow(/Unexpected property "pattern"/u);
  });
});

describe("judgeTestDoubles: the audit's verdicts and sites are the rule's reports", () => {
  const files = {
    ...SUPPORT,
    "tests/integration/conftest.py": "import pytest\n\nfrom tests.support.fakes import FakeRedis\n\n\n@pytest.fixture\ndef redis():\n    return FakeRedis()\n",
  };
  const code = dedent`
    from tests.support.fakes import FakeRedis


    def test_fixture(redis):
        assert redis


    def test_own():
        assert FakeRedis()


    def test_clean():
        assert True
  `;
  let root = "";
  beforeAll(() => {
    root = writeTree({ ...files, [TEST_FILE]: code }, "testaudit-judge-doubles-");
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("judges each test by the nearest use that reaches it, and puts every site on a line the rule reports", () => {
    const models: TestFileModel[] = [];
    setModelSink((model) => models.push(model));
    let messages: Linter.LintMessage[];
    try {
      const config: Linter.Config[] = [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/no-test-doubles": "error" } }];
      messages = new Linter({ configType: "flat", cwd: root }).verify(code, config, join(root, TEST_FILE));
    } finally {
      setModelSink(undefined);
    }
    const model = models[0]!;
    const traced = model.traceMocks(reachingTestDoubles({ patterns: [...DEFAULT_TEST_DOUBLE_OPTIONS.patterns], factories: [] }));
    const judgement = judgeTestDoubles(model, DEFAULT_TEST_DOUBLE_OPTIONS, { path: join(root, TEST_FILE) });
    // The same options give the same lister, so the judgement reads the trace the rule made.
    expect(model.traceMocks(reachingTestDoubles(DEFAULT_TEST_DOUBLE_OPTIONS))).toBe(traced);
    expect(messages.map((message) => `${message.line} ${message.messageId ?? ""}`)).toEqual(["1 doubleImport", "4 doubleReach", "9 doubleUse"]);
    expect(judgement).toEqual({
      compliant: false,
      sites: [1, 9, 4],
      tests: [
        { compliant: false, sites: [4] },
        { compliant: false, sites: [9] },
        { compliant: true, sites: [] },
      ],
    });
  });

  it("judges a model the rule never ran on, after the CLI let its syntax tree go", () => {
    const models: TestFileModel[] = [];
    setModelSink((model) => models.push(model));
    try {
      const config: Linter.Config[] = [{ files: ["**/*.py"], language: "testaudit/python", plugins: { testaudit: plugin }, rules: { "testaudit/max-tests-per-file": "error" } }];
      new Linter({ configType: "flat", cwd: root }).verify(code, config, join(root, TEST_FILE));
    } finally {
      setModelSink(undefined);
    }
    const model = models[0]!;
    model.detachFromTree();
    expect(judgeTestDoubles(model, DEFAULT_TEST_DOUBLE_OPTIONS, { path: join(root, TEST_FILE) }).tests).toEqual([
      { compliant: false, sites: [4] },
      { compliant: false, sites: [9] },
      { compliant: true, sites: [] },
    ]);
  });
});
