/**
 * What an editor sees. The VS Code ESLint extension (and the same language server in Neovim) lints an
 * open document through ESLint's Node API: a new `ESLint({ cwd })` per check, `isPathIgnored(path)`,
 * then `lintText(buffer, { filePath, warnIgnored: false })` on the editor's unsaved text, and turns each
 * message into a 0-based range (line - 1, column - 1 to endLine - 1, endColumn - 1). That is what the
 * server's code does in the npm package vscode-langservers-extracted 4.10.0, where we read it. These tests
 * do the same on a temporary project whose flat config loads this repository's built plugin.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import dedent from "dedent";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTree } from "../temp-tree.js";

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));

const BVJ = dedent`
  Business Value Justification:
  - Segment: Enterprise
  - Business Goal: Retention
  - Value Impact: Orders are never lost
  - Strategic Impact: Lost orders lose accounts
`;

const PY_DOCSTRING = `"""Orders against the real database.\n\n${BVJ}\n"""`;
const TS_JSDOC = `/**\n${BVJ.split("\n").map((line) => ` * ${line}`).join("\n")}\n */`;

/** A Python test module: the BVJ docstring (lines 1-8), then `body` from line 9. */
const pyModule = (body: string): string => `${PY_DOCSTRING}\n${body}\n`;
/** A TS test file: the BVJ JSDoc block (lines 1-7), then `body` from line 8. */
const tsModule = (body: string): string => `${TS_JSDOC}\n${body}\n`;

/** A diagnostic as the editor shows it: the ESLint message, plus the buffer text its range underlines. */
interface EditorDiagnostic {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  underlined: string;
}

/**
 * The text vscode-eslint's range covers: it converts with `line - 1`, `column - 1`, and falls back to the
 * start when a message has no end (parsing errors, unused-directive reports), which gives an empty range.
 */
function underlinedText(buffer: string, message: ESLint.LintResult["messages"][number]): string {
  const lines = buffer.split("\n");
  const startLine = message.line - 1;
  const startChar = message.column - 1;
  const endLine = message.endLine === undefined ? startLine : message.endLine - 1;
  const endChar = message.endColumn === undefined ? startChar : message.endColumn - 1;
  if (startLine === endLine) {
    return lines[startLine]!.slice(startChar, endChar);
  }
  return [lines[startLine]!.slice(startChar), ...lines.slice(startLine + 1, endLine), lines[endLine]!.slice(0, endChar)].join("\n");
}

function toEditorDiagnostics(buffer: string, messages: ESLint.LintResult["messages"]): EditorDiagnostic[] {
  return messages.map((message) => ({
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
    line: message.line,
    column: message.column,
    ...(message.endLine === undefined ? {} : { endLine: message.endLine, endColumn: message.endColumn }),
    underlined: underlinedText(buffer, message),
  }));
}

/** Writes a file as the editor's save does, creating its folder. */
function saveFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe("linting an editor's unsaved buffer through ESLint's Node API", () => {
  let project: string;

  beforeAll(() => {
    const plugin = pathToFileURL(join(root, "dist/src/index.js")).href;
    project = writeTree(
      {
        "eslint.config.js": dedent`
          import testaudit from ${JSON.stringify(plugin)};

          export default [
            ...testaudit.configs.recommended,
            {
              files: testaudit.configs["recommended-python"].files,
              rules: { "testaudit/require-base-class": ["error", { bases: ["BaseIntegrationTest"] }] },
            },
            {
              files: testaudit.configs["recommended-js"].files,
              rules: { "testaudit/require-base-class": ["error", { bases: ["IntegrationSuite"] }] },
            },
          ];
        `,
        "tests/integration/base.py": "import unittest\n\n\nclass BaseIntegrationTest(unittest.TestCase):\n    pass",
        // The test files inherit through this file, so their base resolves only by reading it from disk.
        "tests/integration/helpers.py": "from .base import BaseIntegrationTest\n\n\nclass DatabaseTestCase(BaseIntegrationTest):\n    pass",
        "tests/integration/test_orders.py": pyModule(dedent`
          from unittest.mock import patch

          from .helpers import DatabaseTestCase


          class TestOrders(DatabaseTestCase):
              @patch("orders.clock")
              def test_order_is_saved(self, clock):
                  self.assertTrue(clock)
        `),
        "tests/unit/test_helpers.py": "from unittest import mock",
        "web/integration/support/suite.ts": "export abstract class IntegrationSuite {}",
        "web/integration/support/database-suite.ts": 'import { IntegrationSuite } from "./suite";\n\nexport abstract class DatabaseSuite extends IntegrationSuite {}',
        "web/integration/orders.test.ts": tsModule(dedent`
          import { suite, test } from "@testdeck/vitest";
          import { vi } from "vitest";
          import { DatabaseSuite } from "./support/database-suite";

          @suite
          class OrdersSuite extends DatabaseSuite {
            @test
            async savesOrder(): Promise<void> {
              vi.spyOn(globalThis, "fetch");
            }
          }
        `),
        "web/src/app.ts": 'import { vi } from "vitest";\n\nvi.fn();',
      },
      "testaudit-editor-",
    );
  });

  afterAll(() => {
    rmSync(project, { recursive: true, force: true });
  });

  /** One check as the language server makes it: a new ESLint per check, the ignore test, then lintText. */
  async function lintBuffer(relativePath: string, buffer: string): Promise<{ ignored: boolean; results: ESLint.LintResult[] }> {
    const eslint = new ESLint({ cwd: project });
    const filePath = join(project, relativePath);
    const ignored = await eslint.isPathIgnored(filePath);
    const results = await eslint.lintText(buffer, { filePath, warnIgnored: false });
    return { ignored, results };
  }

  /** The diagnostics of a buffer that must be linted (not ignored, exactly one result for its path). */
  async function diagnosticsOf(relativePath: string, buffer: string): Promise<{ diagnostics: EditorDiagnostic[]; result: ESLint.LintResult }> {
    const { ignored, results } = await lintBuffer(relativePath, buffer);
    expect(ignored).toBe(false);
    expect(results.map((result) => result.filePath)).toEqual([join(project, relativePath)]);
    const result = results[0]!;
    return { diagnostics: toEditorDiagnostics(buffer, result.messages), result };
  }

  it("ignores files outside the config's globs, and lintText then returns nothing for them", async () => {
    for (const [path, buffer] of [
      ["tests/unit/test_helpers.py", "from unittest import mock\n"],
      ["web/src/app.ts", 'import { vi } from "vitest";\n\nvi.fn();\n'],
    ] as const) {
      const { ignored, results } = await lintBuffer(path, buffer);
      expect({ path, ignored, results }).toEqual({ path, ignored: true, results: [] });
    }
  });

  describe("Python", () => {
    it("reports on the buffer, not on the file saved on disk, with exact ranges (UTF-16 columns after non-ASCII text)", async () => {
      const buffer = pyModule(dedent`
        from unittest import mock

        from .helpers import DatabaseTestCase


        class TestOrders(DatabaseTestCase):
            def test_order_is_saved(self):
                self.create_order(title="café 🍰", payment=mock.MagicMock())


        class TestRefunds:
            def test_refund_is_saved(self):
                self.assertTrue(True)
      `);
      const { diagnostics, result } = await diagnosticsOf("tests/integration/test_orders.py", buffer);
      expect(diagnostics).toEqual([
        {
          ruleId: "testaudit/no-mocks",
          severity: 2,
          message: "Import of 'unittest.mock' brings in the mocking library 'unittest.mock'; integration tests must use real services.",
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 26,
          underlined: "mock",
        },
        {
          ruleId: "testaudit/no-mocks",
          severity: 2,
          message: "'mock.MagicMock' comes from the mocking library 'unittest.mock'; integration tests must use real services.",
          line: 16,
          column: 52,
          endLine: 16,
          endColumn: 66,
          underlined: "mock.MagicMock",
        },
        {
          ruleId: "testaudit/require-base-class",
          severity: 2,
          message: "Test class 'TestRefunds' does not inherit from 'BaseIntegrationTest'.",
          line: 19,
          column: 7,
          endLine: 19,
          endColumn: 18,
          underlined: "TestRefunds",
        },
      ]);
      expect(result.suppressedMessages).toEqual([]);

      // The saved file has other problems (the `patch` import and decorator): proof that the buffer was linted.
      const [saved] = await new ESLint({ cwd: project }).lintFiles([join(project, "tests/integration/test_orders.py")]);
      expect(saved!.messages.map((message) => `${message.line}:${message.column} ${String(message.messageId)}`)).toEqual(["9:27 mockImport", "15:6 mockUse"]);
    });

    it("honours `# eslint-disable-next-line` in the buffer, and reports a directive that disables nothing", async () => {
      const buffer = pyModule(dedent`
        from unittest import mock

        from .helpers import DatabaseTestCase


        class TestOrders(DatabaseTestCase):
            def test_order_is_saved(self):
                # eslint-disable-next-line testaudit/no-mocks -- the payment provider has no sandbox
                payment = mock.MagicMock()
                # eslint-disable-next-line testaudit/no-mocks
                self.assertTrue(payment)
      `);
      const { diagnostics, result } = await diagnosticsOf("tests/integration/test_orders.py", buffer);
      expect(diagnostics).toEqual([
        {
          ruleId: "testaudit/no-mocks",
          severity: 2,
          message: "Import of 'unittest.mock' brings in the mocking library 'unittest.mock'; integration tests must use real services.",
          line: 9,
          column: 22,
          endLine: 9,
          endColumn: 26,
          underlined: "mock",
        },
        // ESLint gives unused-directive reports a start only, in Python as in JS: an empty range at the `#`.
        {
          ruleId: null,
          severity: 1,
          message: "Unused eslint-disable directive (no problems were reported from 'testaudit/no-mocks').",
          line: 18,
          column: 9,
          underlined: "",
        },
      ]);
      // The editor's "remove unused directive" quick fix: it must replace exactly the Python comment.
      const { fix } = result.messages[1]!;
      expect(fix && { replaced: buffer.slice(fix.range[0], fix.range[1]), text: fix.text }).toEqual({
        replaced: "# eslint-disable-next-line testaudit/no-mocks",
        text: " ",
      });
      expect(result.suppressedMessages).toEqual([
        {
          ruleId: "testaudit/no-mocks",
          severity: 2,
          message: "'mock.MagicMock' comes from the mocking library 'unittest.mock'; integration tests must use real services.",
          messageId: "mockUse",
          line: 17,
          column: 19,
          endLine: 17,
          endColumn: 33,
          suppressions: [{ kind: "directive", justification: "the payment provider has no sandbox" }],
        },
      ]);
    });

    it("gives one located fatal diagnostic for a statement typed half-way, and the rules' diagnostics once it is finished", async () => {
      const typing = pyModule(dedent`
        from unittest import mock

        from .helpers import DatabaseTestCase


        class TestOrders(DatabaseTestCase):
            def test_order_is_saved(self):
                with mock.patch("orders.clock"
                    self.assertTrue(True)
      `);
      const midEdit = await diagnosticsOf("tests/integration/test_orders.py", typing);
      expect(midEdit.diagnostics).toEqual([
        {
          ruleId: null,
          severity: 2,
          // CPython's message: the parser stops at `self` on line 17, and a bracket opened on an earlier line
          // and never closed takes precedence.
          message: "Parsing error: '(' was never closed",
          line: 16,
          column: 24,
          underlined: "",
        },
      ]);
      expect(midEdit.result.fatalErrorCount).toBe(1);

      const finished = typing.replace('mock.patch("orders.clock"\n', 'mock.patch("orders.clock"):\n');
      const done = await diagnosticsOf("tests/integration/test_orders.py", finished);
      expect(done.diagnostics.map(({ line, column, underlined }) => ({ line, column, underlined }))).toEqual([
        { line: 9, column: 22, underlined: "mock" },
        { line: 16, column: 14, underlined: "mock.patch" },
      ]);
      expect(done.result.fatalErrorCount).toBe(0);
    });

    it("resolves a base class through saved files, and sees a saved change to them on the next check", async () => {
      const buffer = pyModule(dedent`
        from .ledger import LedgerTestCase


        class TestPayments(LedgerTestCase):
            def test_payment_is_booked(self):
                self.assertTrue(self.ledger)
      `);
      const ledger = join(project, "tests/integration/payments/ledger.py");
      saveFile(ledger, "from ..helpers import DatabaseTestCase\n\n\nclass LedgerTestCase(DatabaseTestCase):\n    ledger = True\n");
      const resolved = await diagnosticsOf("tests/integration/payments/test_payments.py", buffer);
      expect(resolved.diagnostics).toEqual([]);

      // The user saves ledger.py with another base; the long-lived server process must not keep the old answer.
      saveFile(ledger, "import unittest\n\n\nclass LedgerTestCase(unittest.TestCase):\n    ledger = True\n");
      const changed = await diagnosticsOf("tests/integration/payments/test_payments.py", buffer);
      expect(changed.diagnostics).toEqual([
        {
          ruleId: "testaudit/require-base-class",
          severity: 2,
          message: "Test class 'TestPayments' does not inherit from 'BaseIntegrationTest'.",
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 19,
          underlined: "TestPayments",
        },
      ]);
    });
  });

  describe("TypeScript", () => {
    it("reports on the buffer, not on the file saved on disk, and resolves the suite's base class through saved files", async () => {
      const buffer = tsModule(dedent`
        import { suite, test } from "@testdeck/vitest";
        import { vi } from "vitest";
        import { DatabaseSuite } from "./support/database-suite";

        @suite
        class OrdersSuite extends DatabaseSuite {
          @test
          async savesOrder(): Promise<void> {
            const title = "café 🍰"; const charge = vi.fn();
            await charge(title);
          }
        }

        @suite
        class RefundsSuite {
          @test
          async refundsOrder(): Promise<void> {}
        }
      `);
      const { diagnostics } = await diagnosticsOf("web/integration/orders.test.ts", buffer);
      expect(diagnostics).toEqual([
        {
          ruleId: "testaudit/no-mocks",
          severity: 2,
          message: "'vi.fn' is the test runner's mocking API 'vi.fn'; integration tests must use real services.",
          line: 16,
          column: 45,
          endLine: 16,
          endColumn: 50,
          underlined: "vi.fn",
        },
        {
          ruleId: "testaudit/require-base-class",
          severity: 2,
          message: "Test class 'RefundsSuite' does not inherit from 'IntegrationSuite'.",
          line: 22,
          column: 7,
          endLine: 22,
          endColumn: 19,
          underlined: "RefundsSuite",
        },
      ]);

      const [saved] = await new ESLint({ cwd: project }).lintFiles([join(project, "web/integration/orders.test.ts")]);
      expect(saved!.messages.map((message) => `${message.line}:${message.column} ${String(message.messageId)}`)).toEqual(["16:5 mockApi"]);
    });

    it("gives one fatal diagnostic for an expression typed half-way", async () => {
      const typing = tsModule(dedent`
        import { describe, expect, it } from "vitest";

        describe("orders", () => {
          it("saves an order", async () => {
            const total = ;
            expect(total).toBe(3);
          });
        });
      `);
      const { diagnostics, result } = await diagnosticsOf("web/integration/orders.test.ts", typing);
      // The `;` is at 1-based column 19: testaudit's TS parser turns typescript-eslint's 0-based columns into ESLint's.
      expect(diagnostics).toEqual([
        { ruleId: null, severity: 2, message: "Parsing error: Expression expected.", line: 12, column: 19, underlined: "" },
      ]);
      expect(result.fatalErrorCount).toBe(1);
    });
  });
});
