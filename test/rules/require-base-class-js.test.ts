/**
 * testaudit/require-base-class on JS/TS suites (ESLint's JS language with @typescript-eslint/parser), and
 * its `imports` option on Python files: real ESLint (RuleTester), real parsers and, for cross-file
 * resolution, real files in temporary folder trees. Nothing is mocked.
 */
import tsParser from "@typescript-eslint/parser";
import dedent from "dedent";
import { RuleTester } from "eslint";
import { caseTrees } from "../temp-tree.js";
import { at, plugin, pythonRuleTester, type ExpectedError as SharedExpectedError, type Span } from "../rule-tester.js";

/** JS/TS cases: ESLint's JS language, parsed by @typescript-eslint/parser whatever the extension. */
const jsRuleTester = new RuleTester({
  plugins: { testaudit: plugin },
  languageOptions: { parser: tsParser },
});

const { inTree } = caseTrees("testaudit-require-base-class-js-");

type ExpectedError = SharedExpectedError<"missingBase" | "unresolvedBase" | "undeterminedBase" | "testFunction" | "missingImport">;

function missingBase(name: string, bases: string, position: Span): ExpectedError {
  return { messageId: "missingBase", data: { name, bases }, ...position };
}

/** `unresolved`: the quoted bases as the message lists them (`'A'`, `'A' and 'B'`). */
function unresolvedBase(name: string, bases: string, unresolved: string, position: Span): ExpectedError {
  return { messageId: "unresolvedBase", data: { name, bases, unresolved: `${unresolved.includes("' and '") ? "bases" : "base"} ${unresolved}` }, ...position };
}

function testFunction(name: string, bases: string, position: Span): ExpectedError {
  return { messageId: "testFunction", data: { name, bases }, ...position };
}

function missingImport(imports: string, position: Span): ExpectedError {
  return { messageId: "missingImport", data: { imports }, ...position };
}

const BASE = "'IntegrationBase'";
const basesOption = [{ bases: ["IntegrationBase"] }];

const SSOT = "'test-framework/ssot'";
const importsOption = [{ imports: ["test-framework/ssot"] }];

/** A TypeScript test file linted from the repository folder: no relative import of it is ever read. */
const INLINE = "billing.test.ts";

/** `@suite class BillingTests extends <base>` with one test, the class name on line 4, column 7. */
function suiteExtending(base: string, imports = 'import { suite, test } from "@testdeck/mocha";'): string {
  return dedent`
    ${imports}

    @suite
    class BillingTests extends ${base} {
      @test
      charges() {}
    }
  `;
}

jsRuleTester.run("require-base-class (JS/TS)", plugin.rules["require-base-class"], {
  assertionOptions: { requireMessage: "messageId", requireLocation: true, requireData: true },
  valid: [
    {
      name: "js: without bases, a class-based suite needs no particular base (imports is the JS check)",
      filename: INLINE,
      code: suiteExtending("Object"),
    },
    // ---- bases: same file and packages ----
    {
      name: "js: a base imported from a package matches by name",
      filename: INLINE,
      options: basesOption,
      code: suiteExtending("IntegrationBase", 'import { suite, test } from "@testdeck/mocha";\nimport { IntegrationBase } from "@acme/test-framework";'),
    },
    {
      name: "js: a dotted option names a scoped, hyphenated package's class",
      filename: INLINE,
      options: [{ bases: ["@acme/test-framework.IntegrationBase"] }],
      code: suiteExtending("IntegrationBase", 'import { suite, test } from "@testdeck/mocha";\nimport { IntegrationBase } from "@acme/test-framework";'),
    },
    {
      name: "js: an aliased package import matches by its exported name",
      filename: INLINE,
      options: basesOption,
      code: suiteExtending("Base", 'import { suite, test } from "@testdeck/mocha";\nimport { IntegrationBase as Base } from "@acme/test-framework";'),
    },
    {
      name: "js: a namespace import of a package with `ns.IntegrationBase`",
      filename: INLINE,
      options: basesOption,
      code: suiteExtending("framework.IntegrationBase", 'import { suite, test } from "@testdeck/mocha";\nimport * as framework from "@acme/test-framework";'),
    },
    {
      name: "js: a plain option matches a base by its name alone, even one bound nowhere",
      filename: "billing.test.js",
      options: basesOption,
      code: dedent`
        const { suite, test } = require("@testdeck/mocha");

        @suite
        class BillingTests extends IntegrationBase {
          @test
          charges() {}
        }
      `,
    },
    {
      name: "js: a chain of classes of the same file",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";
        import { IntegrationBase } from "@acme/test-framework";

        class DatabaseBase extends IntegrationBase {}

        class BillingBase extends DatabaseBase {
          protected account = "acct-1";
        }

        @suite
        class BillingTests extends BillingBase {
          @test
          charges() {}
        }
      `,
    },
    {
      name: "js: several bases, reaching any one of them is enough",
      filename: INLINE,
      options: [{ bases: ["ApiBase", "IntegrationBase"] }],
      code: suiteExtending("IntegrationBase", 'import { suite, test } from "@testdeck/mocha";\nimport { IntegrationBase } from "@acme/test-framework";'),
    },
    {
      name: "js: a dotted option matches the package path the class is imported through",
      filename: INLINE,
      options: [{ bases: ["framework.IntegrationBase"] }],
      code: suiteExtending("IntegrationBase", 'import { suite, test } from "@testdeck/mocha";\nimport { IntegrationBase } from "framework";'),
    },
    {
      name: "js: `@suite` class without `@test` methods holds no tests",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite } from "@testdeck/mocha";

        @suite
        class BillingTests {
          helper() {}
        }
      `,
    },
    {
      name: "js: `@test` methods in a class without `@suite` are no suite",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { test } from "@testdeck/mocha";

        class BillingTests {
          @test
          charges() {}
        }
      `,
    },
    {
      name: "js: describe/it tests are never reported for lacking a class",
      filename: INLINE,
      code: dedent`
        import { describe, it } from "vitest";

        describe("billing", () => {
          it("charges", () => {});
        });

        test("refunds", () => {});
      `,
    },
    {
      name: "js: describe/it tests with `bases` and `allowFunctions: false`",
      filename: INLINE,
      options: [{ bases: ["IntegrationBase"], allowFunctions: false }],
      code: dedent`
        describe("billing", () => {
          it("charges", () => {});
        });
      `,
    },
    {
      name: "ts: decorators with arguments, generics, abstract bases, `satisfies`, type imports and enums parse",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import type { Order } from "./orders";
        import { type Account, params, skip, suite, test, timeout } from "@testdeck/mocha";
        import { IntegrationBase } from "@acme/test-framework";

        enum Currency {
          Eur = "EUR",
        }

        interface Charge {
          amount: number;
          currency: Currency;
        }

        abstract class BillingBase<T extends Order = Order> extends IntegrationBase<T> implements Account {
          protected abstract readonly orders: T[];
        }

        @suite("billing")
        export class BillingTests extends BillingBase<Order> {
          protected readonly orders: Order[] = [];

          constructor(private readonly currency: Currency = Currency.Eur) {
            super();
          }

          @test("charges a card") @timeout(1000)
          async charges(): Promise<void> {
            const charge = { amount: 1, currency: this.currency } satisfies Charge;
            void (charge as unknown as Record<string, unknown>)!;
          }

          @params({ amount: 2 })
          @test.skip
          refunds<U extends Charge>(input: U): void {
            void input;
          }

          @skip
          @test
          voids(): void {}
        }
      `,
    },

    // ---- bases: relative imports ----
    inTree(
      {
        "tests/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          const accounts = <Map<string, number>>new Map();

          export class BillingBase extends IntegrationBase {
            account = accounts.get("acct-1");
          }
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `./base` is base.ts (TypeScript's `<T>value` assertions parse)",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "./base";'),
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `../support/base.js` is the TypeScript file support/base.ts",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base.js";'),
      },
    ),
    inTree(
      {
        "support/base.mts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.mts",
      {
        name: "js cross-file: `../support/base.mjs` is support/base.mts",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base.mjs";'),
      },
    ),
    inTree(
      {
        "support/base.js": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.js",
      {
        name: "js cross-file: a JavaScript base file without extension in the specifier",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base";'),
      },
    ),
    inTree(
      {
        "support/index.ts": 'export * from "./base";\n',
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a folder's index.ts with `export * from`",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support";'),
      },
    ),
    inTree(
      {
        "support/index.js": 'export * from "./base.js";\n',
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `../support/index.js` re-exporting `./base.js`, a TypeScript file",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/index.js";'),
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          class LocalBase extends IntegrationBase {}

          export { LocalBase as BillingBase };
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `export { LocalBase as BillingBase }`",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base";'),
      },
    ),
    inTree(
      {
        "support/index.ts": 'export { LocalBase as BillingBase } from "./base";\n',
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class LocalBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `export { LocalBase as BillingBase } from` in an index file",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support";'),
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export default class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a default-exported class, imported under another name",
        options: basesOption,
        code: suiteExtending("Base", 'import { suite, test } from "@testdeck/mocha";\nimport Base from "../support/base";'),
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export default class extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: an anonymous default-exported class",
        options: basesOption,
        code: suiteExtending("Base", 'import { suite, test } from "@testdeck/mocha";\nimport Base from "../support/base";'),
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          class BillingBase extends IntegrationBase {}

          export default BillingBase;
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `export default BillingBase` after the class",
        options: basesOption,
        code: suiteExtending("Base", 'import { suite, test } from "@testdeck/mocha";\nimport Base from "../support/base";'),
      },
    ),
    inTree(
      {
        "support/index.ts": 'export { default as BillingBase } from "./base";\n',
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export default class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `export { default as BillingBase } from`",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support";'),
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a namespace import of a project file with `support.BillingBase`",
        options: basesOption,
        code: suiteExtending("support.BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport * as support from "../support/base";'),
      },
    ),
    inTree(
      {
        "support/index.ts": 'export * as billing from "./base";\n',
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `export * as billing from` and `billing.BillingBase`",
        options: basesOption,
        code: suiteExtending("billing.BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { billing } from "../support";'),
      },
    ),
    inTree(
      {
        "support/a.ts": dedent`
          import { B } from "./b";

          export class A extends B {}
        `,
        "support/b.ts": dedent`
          import C from "./nested/c.js";

          export class B extends C {}
        `,
        "support/nested/c.ts": dedent`
          import * as framework from "@acme/test-framework";

          export default class C extends framework.IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a chain of three files",
        options: basesOption,
        code: suiteExtending("A", 'import { suite, test } from "@testdeck/mocha";\nimport { A } from "../support/a";'),
      },
    ),
    inTree(
      {
        "support/base.js": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {
            render() {
              return <main className="billing" />;
            }
          }
        `,
        "support/page.tsx": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class PageBase<T> extends IntegrationBase {
            render(props: T) {
              return <main {...props} />;
            }
          }
        `,
      },
      "tests/billing.test.tsx",
      {
        name: "js cross-file: base files with JSX, a .js file and a .tsx file",
        options: basesOption,
        code: dedent`
          import { suite, test } from "@testdeck/mocha";
          import { BillingBase } from "../support/base.js";
          import { PageBase } from "../support/page";

          @suite
          class BillingTests extends BillingBase {
            @test
            charges() {}
          }

          @suite
          class PageTests extends PageBase<{ title: string }> {
            @test
            renders() {
              return <PageTests.View title="billing" />;
            }
          }
        `,
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          export class BillingBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a plain option matches an imported class of that name without reading it",
        options: [{ bases: ["BillingBase"] }],
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base";'),
      },
    ),

    // ---- imports ----
    {
      name: "js imports: `../../test-framework/ssot`",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { db } from "../../test-framework/ssot";

        it("charges", async () => {
          await db.reset();
        });
      `,
    },
    {
      name: "js imports: `../test-framework/ssot.js`",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { apiUrl } from "../test-framework/ssot.js";

        test("charges", async () => {
          await fetch(apiUrl);
        });
      `,
    },
    {
      name: "js imports: the module itself, bare",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { db } from "test-framework/ssot";

        it("charges", () => db.reset());
      `,
    },
    {
      name: "js imports: a scoped package ending in the module",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { db } from "@acme/test-framework/ssot";

        it("charges", () => db.reset());
      `,
    },
    {
      name: "js imports: a module inside the required one",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { db } from "../test-framework/ssot/db";

        it("charges", () => db.reset());
      `,
    },
    {
      name: "js imports: the required module's index file",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { db } from "../test-framework/ssot/index.js";

        it("charges", () => db.reset());
      `,
    },
    {
      name: "js imports: an option written with an extension matches the specifier without it",
      filename: INLINE,
      options: [{ imports: ["test-framework/ssot.ts"] }],
      code: dedent`
        import { db } from "../test-framework/ssot";

        it("charges", () => db.reset());
      `,
    },
    {
      name: "js imports: `require(...)`",
      filename: "billing.test.cjs",
      options: importsOption,
      code: dedent`
        const { db } = require("../test-framework/ssot");

        it("charges", () => db.reset());
      `,
    },
    {
      name: "js imports: a side-effect import",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import "../test-framework/ssot";

        it("charges", () => {});
      `,
    },
    {
      name: "js imports: a dynamic import",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        it("charges", async () => {
          const { db } = await import("../test-framework/ssot");
          await db.reset();
        });
      `,
    },
    {
      name: "js imports: any one of several modules",
      filename: INLINE,
      options: [{ imports: ["test-framework/ssot", "test-framework/browser"] }],
      code: dedent`
        import { page } from "../test-framework/browser";

        it("charges", () => page.reload());
      `,
    },
    {
      name: "js imports: a file without tests is never reported",
      filename: "helpers.ts",
      options: importsOption,
      code: dedent`
        import { describe } from "vitest";

        export function charge(amount: number): number {
          return amount;
        }

        describe("no tests here", () => {});
      `,
    },
    {
      name: "js imports: a class-based suite importing the module",
      filename: INLINE,
      options: [{ bases: ["IntegrationBase"], imports: ["test-framework/ssot"] }],
      code: suiteExtending("IntegrationBase", 'import { suite, test } from "@testdeck/mocha";\nimport { IntegrationBase } from "../test-framework/ssot";'),
    },
    {
      name: "js imports: TypeScript syntax around the import",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import type { Order } from "./orders";
        import { db, type Db } from "../test-framework/ssot";

        const order = { id: 1 } satisfies Partial<Order>;

        it("charges", async () => {
          const handle: Db = db;
          await handle.save<Order>(order as Order);
        });
      `,
    },
  ],
  invalid: [
    // ---- bases: same file and packages ----
    {
      name: "js: a suite without `extends`",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        @suite
        class BillingTests {
          @test
          charges() {}
        }
      `,
      errors: [missingBase("BillingTests", BASE, at(4, 7, 19))],
    },

    {
      name: "js: a same-file base that extends nothing",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        class BillingBase {}

        @suite
        class BillingTests extends BillingBase {
          @test
          charges() {}
        }
      `,
      errors: [missingBase("BillingTests", BASE, at(6, 7, 19))],
    },
    {
      name: "js: language and runtime classes end the search without being unresolved",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        class Failure extends Error {}

        @suite
        class BillingTests extends Failure {
          @test
          charges() {}
        }

        @suite
        class RefundTests extends EventTarget {
          @test
          refunds() {}
        }
      `,
      errors: [missingBase("BillingTests", BASE, at(6, 7, 19)), missingBase("RefundTests", BASE, at(12, 7, 18))],
    },
    {
      name: "js: a base defined nowhere is unresolved",
      filename: INLINE,
      options: basesOption,
      code: suiteExtending("BillingBase"),
      errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(4, 7, 19))],
    },
    {
      name: "js: a package base of another name is unresolved (packages are not read)",
      filename: INLINE,
      options: basesOption,
      code: suiteExtending("ApiBase", 'import { suite, test } from "@testdeck/mocha";\nimport { ApiBase } from "@acme/api-testing";'),
      errors: [unresolvedBase("BillingTests", BASE, "'ApiBase'", at(5, 7, 19))],
    },
    {
      name: "js: unresolved through a same-file chain, named as written there",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";
        import * as api from "@acme/api-testing";

        class BillingBase extends api.ApiBase {}

        @suite
        class BillingTests extends BillingBase {
          @test
          charges() {}
        }
      `,
      errors: [unresolvedBase("BillingTests", BASE, "'api.ApiBase'", at(7, 7, 19))],
    },
    {
      name: "js: a dotted option does not match a same-file class of that last name",
      filename: INLINE,
      options: [{ bases: ["framework.IntegrationBase"] }],
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        class IntegrationBase {}

        @suite
        class BillingTests extends IntegrationBase {
          @test
          charges() {}
        }
      `,
      errors: [missingBase("BillingTests", "'framework.IntegrationBase'", at(6, 7, 19))],
    },
    {
      name: "js: a base computed by a call cannot be told",
      filename: INLINE,
      options: basesOption,
      code: suiteExtending("withDatabase(IntegrationBase)", 'import { suite, test } from "@testdeck/mocha";\nimport { IntegrationBase, withDatabase } from "@acme/test-framework";'),
      errors: [
        {
          messageId: "undeterminedBase",
          data: { name: "BillingTests", bases: BASE, base: "'withDatabase(IntegrationBase)'", reason: "is computed by a call when the module runs" },
          ...at(5, 7, 19),
        },
      ],
    },
    {
      name: "js: every suite of the file is checked; exported and default-exported suites too",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";
        import { IntegrationBase } from "@acme/test-framework";

        @suite
        export class BillingTests {
          @test
          charges() {}
        }

        @suite
        class RefundTests extends IntegrationBase {
          @test
          refunds() {}
        }

        @suite
        export default class VoidTests {
          @test.skip
          voids() {}
        }
      `,
      errors: [missingBase("BillingTests", BASE, at(5, 14, 26)), missingBase("VoidTests", BASE, at(17, 22, 31))],
    },
    {
      name: "js: a class cycle in the same file reaches nothing",
      filename: INLINE,
      options: basesOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        class A extends B {}
        class B extends A {}

        @suite
        class BillingTests extends A {
          @test
          charges() {}
        }
      `,
      errors: [missingBase("BillingTests", BASE, at(7, 7, 19))],
    },

    // ---- bases: relative imports ----
    inTree(
      {
        "support/base.ts": "export class BillingBase {}\n",
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: the imported class is read and reaches nothing",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base.js";'),
        errors: [missingBase("BillingTests", BASE, at(5, 7, 19))],
      },
    ),
    inTree(
      {},
      "tests/billing.test.ts",
      {
        name: "js cross-file: a relative import whose file does not exist is unresolved",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/base.ts": "export class OtherBase {}\n",
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a file that does not export the name leaves it unresolved",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/base.ts": "export class BillingBase extends \n",
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a file that does not parse leaves the name unresolved",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { ApiBase } from "@acme/api-testing";

          export class BillingBase extends ApiBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a package base met in another file is unresolved, named as written there",
        options: basesOption,
        code: suiteExtending("Base", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase as Base } from "../support/base";'),
        errors: [unresolvedBase("BillingTests", BASE, "'ApiBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          export default class extends Object {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: an anonymous default-exported class that reaches nothing",
        options: basesOption,
        code: suiteExtending("Base", 'import { suite, test } from "@testdeck/mocha";\nimport Base from "../support/base";'),
        errors: [missingBase("BillingTests", BASE, at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: a dotted option does not match a project class by its last name",
        options: [{ bases: ["framework.IntegrationBase"] }],
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/base";'),
        errors: [unresolvedBase("BillingTests", "'framework.IntegrationBase'", "'IntegrationBase'", at(5, 7, 19))],
      },
    ),

    inTree(
      {
        "support/index.ts": 'export * from "./base";\n',
        "support/base.ts": dedent`
          import { IntegrationBase } from "@acme/test-framework";

          export default class BillingBase extends IntegrationBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file: `export * from` does not re-export the default export",
        options: basesOption,
        code: suiteExtending("Base", 'import { suite, test } from "@testdeck/mocha";\nimport Base from "../support";'),
        errors: [unresolvedBase("BillingTests", BASE, "'Base'", at(5, 7, 19))],
      },
    ),

    // ---- bases: cycles across files end ----
    inTree(
      {
        "support/a.ts": dedent`
          import { B } from "./b";

          export class A extends B {}
        `,
        "support/b.ts": dedent`
          import { A } from "./a";

          export class B extends A {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file cycle: two files whose classes extend each other",
        options: basesOption,
        code: suiteExtending("A", 'import { suite, test } from "@testdeck/mocha";\nimport { A } from "../support/a";'),
        errors: [missingBase("BillingTests", BASE, at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/a.ts": 'export * from "./b";\n',
        "support/b.ts": 'export * from "./a";\n',
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file cycle: two files `export * from` each other",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/a";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/a.ts": 'export { BillingBase } from "./b";\n',
        "support/b.ts": 'export { BillingBase } from "./a";\n',
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file cycle: two files `export { X } from` each other",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/a";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/a.ts": 'import { BillingBase } from "./b";\n\nexport { BillingBase };\n',
        "support/b.ts": 'import { BillingBase } from "./a";\n\nexport { BillingBase };\n',
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file cycle: two files importing and exporting a name from each other",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/a";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "support/a.ts": 'export * from "./b";\nexport * from "./c";\n',
        "support/b.ts": 'export * from "./a";\nexport * from "./c";\n',
        "support/c.ts": 'export * from "./a";\nexport * from "./b";\n',
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file cycle: three files `export * from` one another end quickly",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from "../support/a";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),
    inTree(
      {
        "tests/index.ts": 'export * from "./billing.test";\n',
      },
      "tests/billing.test.ts",
      {
        name: "js cross-file cycle: the test file imports an index that re-exports the test file",
        options: basesOption,
        code: suiteExtending("BillingBase", 'import { suite, test } from "@testdeck/mocha";\nimport { BillingBase } from ".";'),
        errors: [unresolvedBase("BillingTests", BASE, "'BillingBase'", at(5, 7, 19))],
      },
    ),

    // ---- imports ----
    {
      name: "js imports: no import at all, reported once at the first test",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        describe("billing", () => {
          it("charges", () => {});
          it("refunds", () => {});
        });
      `,
      errors: [missingImport(SSOT, at(2, 6, 15))],
    },
    {
      name: "js imports: other modules only",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { expect, test } from "vitest";
        import { db } from "../test-framework/ssot-legacy";
        import { api } from "../my-test-framework/ssot";
        import { helpers } from "../test-framework/ssot.helpers";
        import { fixtures } from "test-framework/ssot.fixtures";

        test("charges", () => {
          expect(db).toBeDefined();
        });
      `,
      errors: [missingImport(SSOT, at(7, 6, 15))],
    },
    {
      name: "js imports: a module named like the last segment only does not count",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { db } from "./ssot";

        it("charges", () => db.reset());
      `,
      errors: [missingImport(SSOT, at(3, 4, 13))],
    },
    {
      name: "js imports: the first test in source order, a nested one",
      filename: INLINE,
      options: [{ imports: ["test-framework/ssot", "test-framework/browser"] }],
      code: dedent`
        import { describe, it } from "vitest";

        describe("billing", () => {
          describe("cards", () => {
            it.each([1, 2])("charges %i", () => {});
          });
        });

        it("refunds", () => {});
      `,
      errors: [missingImport("'test-framework/ssot' or 'test-framework/browser'", at(5, 21, 33))],
    },
    {
      name: "js imports: a class-based suite is reported at its first test method",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        @suite
        class BillingTests {
          helper() {}

          @test
          charges() {}

          @test
          refunds() {}
        }
      `,
      errors: [missingImport(SSOT, at(8, 3, 10))],
    },
    {
      name: "js imports: `test.todo` is a test",
      filename: INLINE,
      options: importsOption,
      code: dedent`
        import { test } from "vitest";

        test.todo("charges");
      `,
      errors: [missingImport(SSOT, at(3, 11, 20))],
    },
    inTree({}, "tests/billing.test.ts", {
      name: "js bases + imports: both apply to one file",
      options: [{ bases: ["IntegrationBase"], imports: ["test-framework/ssot"] }],
      code: dedent`
        import { suite, test } from "@testdeck/mocha";
        import { ApiBase } from "../test-framework/api";

        describe("billing", () => {
          it("charges", () => {});
        });

        @suite
        class RefundTests extends ApiBase {
          @test
          refunds() {}
        }
      `,
      errors: [missingImport(SSOT, at(5, 6, 15)), unresolvedBase("RefundTests", BASE, "'ApiBase'", at(9, 7, 18))],
    }),
    inTree(
      {
        "test-framework/ssot.ts": dedent`
          export class ApiBase {}
        `,
      },
      "tests/billing.test.ts",
      {
        name: "js bases + imports: the import satisfies `imports`, its class still misses the base",
        options: [{ bases: ["IntegrationBase"], imports: ["test-framework/ssot"] }],
        code: suiteExtending("ApiBase", 'import { suite, test } from "@testdeck/mocha";\nimport { ApiBase } from "../test-framework/ssot.js";'),
        errors: [missingBase("BillingTests", BASE, at(5, 7, 19))],
      },
    ),
  ],
});

/** A test file pytest collects, linted from the repository folder. */
const PY_INLINE = "test_require_base_class_imports.py";
const PY_SSOT = "'test_framework.ssot'";
const pyImportsOption = [{ imports: ["test_framework.ssot"], allowFunctions: true }];

pythonRuleTester.run("require-base-class (Python imports)", plugin.rules["require-base-class"], {
  assertionOptions: { requireMessage: "messageId", requireLocation: true, requireData: true },
  valid: [
    {
      name: "py imports: `from test_framework.ssot import X`",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        from test_framework.ssot import db


        def test_charge():
            db.reset()
      `,
    },
    {
      name: "py imports: `from test_framework import ssot`",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        from test_framework import ssot


        def test_charge():
            ssot.db.reset()
      `,
    },
    {
      name: "py imports: `import test_framework.ssot`",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        import test_framework.ssot


        def test_charge():
            test_framework.ssot.db.reset()
      `,
    },
    {
      name: "py imports: `import test_framework.ssot as ssot`",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        import test_framework.ssot as ssot


        def test_charge():
            ssot.db.reset()
      `,
    },
    {
      name: "py imports: a module inside the required one",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        from test_framework.ssot.db import reset


        def test_charge():
            reset()
      `,
    },
    {
      name: "py imports: a module whose last segment looks like a JS extension is compared as written",
      filename: PY_INLINE,
      options: [{ imports: ["frontend.js"], allowFunctions: true }],
      code: dedent`
        from frontend import js


        def test_charge():
            js.reset()
      `,
    },
    {
      name: "py imports: a file without tests is never reported",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        import httpx


        def charge():
            return httpx.post("http://localhost/charge")
      `,
    },
    {
      name: "py bases + imports: both satisfied",
      filename: PY_INLINE,
      options: [{ bases: ["SSotBaseTestCase"], imports: ["test_framework.ssot"] }],
      code: dedent`
        from test_framework.ssot import SSotBaseTestCase


        class TestBilling(SSotBaseTestCase):
            def test_charge(self):
                pass
      `,
    },
  ],
  invalid: [
    {
      name: "py imports: no import, reported once at the first test",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        import httpx


        def test_charge():
            httpx.post("http://localhost/charge")


        def test_refund():
            httpx.post("http://localhost/refund")
      `,
      errors: [missingImport(PY_SSOT, at(4, 5, 16))],
    },
    {
      name: "py imports: the parent package or a sibling module does not count",
      filename: PY_INLINE,
      options: pyImportsOption,
      code: dedent`
        import test_framework
        from test_framework import ssot_legacy
        from test_framework.ssotx import db


        def test_charge():
            pass
      `,
      errors: [missingImport(PY_SSOT, at(6, 5, 16))],
    },
    {
      name: "py bases + imports: both apply to one file",
      filename: PY_INLINE,
      options: [{ bases: ["SSotBaseTestCase"], imports: ["test_framework.ssot"] }],
      code: dedent`
        import unittest


        class TestBilling(unittest.TestCase):
            def test_charge(self):
                pass


        def test_refund():
            pass
      `,
      errors: [
        missingBase("TestBilling", "'SSotBaseTestCase'", at(4, 7, 18)),
        missingImport(PY_SSOT, at(5, 9, 20)),
        testFunction("test_refund", "'SSotBaseTestCase'", at(9, 5, 16)),
      ],
    },
    {
      name: "py bases + imports: the import is there, the class misses the base",
      filename: PY_INLINE,
      options: [{ bases: ["SSotBaseTestCase"], imports: ["test_framework.ssot"] }],
      code: dedent`
        from test_framework.ssot import db


        class TestBilling:
            def test_charge(self):
                db.reset()
      `,
      errors: [missingBase("TestBilling", "'SSotBaseTestCase'", at(4, 7, 18))],
    },
  ],
});
