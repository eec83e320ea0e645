/**
 * testaudit/max-tests-per-file on JS/TS files (ESLint's JS language with @typescript-eslint/parser):
 * at most `max` tests per file, counted as the runners declare them, reported once at the title of the
 * first test beyond the limit.
 */
import tsParser from "@typescript-eslint/parser";
import dedent from "dedent";
import { RuleTester } from "eslint";
import { plugin } from "../rule-tester.js";

const rule = plugin.rules["max-tests-per-file"] as never;

const jsRuleTester = new RuleTester({ plugins: { testaudit: plugin }, languageOptions: { parser: tsParser } });

/** `count` top-level Vitest tests after an import and a blank line: `it("case <i>")` at line i + 3, title at column 4. */
function generatedTests(count: number): string {
  const tests = Array.from({ length: count }, (_, i) => `it("case ${i}", () => {});`);
  return ['import { it } from "vitest";', "", ...tests, ""].join("\n");
}

jsRuleTester.run("max-tests-per-file (JS/TS)", rule, {
  valid: [
    { name: "exactly the default maximum of 50", filename: "orders.test.ts", code: generatedTests(50) },
    {
      name: "no tests at all with max 0: groups, hooks and helpers declare nothing",
      filename: "orders.test.ts",
      options: [{ max: 0 }],
      code: dedent`
        import { afterAll, beforeEach, describe, expect } from "vitest";

        function createOrder(sku: string): { sku: string } {
          return { sku };
        }

        describe("orders", () => {
          beforeEach(() => {});
          afterAll(() => {});
          describe("empty group", () => {});
          describe.todo("group still to write");
        });
      `,
    },
    {
      name: "exactly max",
      filename: "orders.test.ts",
      options: [{ max: 2 }],
      code: dedent`
        import { describe, it } from "vitest";

        describe("orders", () => {
          it("creates an order", async () => {});
          it("cancels an order", async () => {});
        });
      `,
    },
    {
      name: ".each and .for count once each, with tables as arrays and as tagged templates",
      filename: "orders.test.ts",
      options: [{ max: 5 }],
      code: dedent`
        import { describe, it, test } from "vitest";

        describe("totals", () => {
          test.each([
            [1, 1, 2],
            [2, 2, 4],
          ])("adds %i and %i", (a, b, sum) => {});
          it.each\`
            a    | b    | sum
            \${1} | \${1} | \${2}
            \${2} | \${2} | \${4}
          \`("adds $a and $b", ({ a, b, sum }) => {});
          test.for([1, 2, 3])("doubles %i", (n) => {});
          test.concurrent.each([[1], [2]])("in parallel %i", (n) => {});
          test.skip.each([[1]])("skipped %i", (n) => {});
        });
      `,
    },
    {
      name: "describe.each is a group: each test in it counts once",
      filename: "orders.test.ts",
      options: [{ max: 2 }],
      code: dedent`
        import { describe, it } from "vitest";

        describe.each([["EUR"], ["USD"], ["GBP"]])("in %s", (currency) => {
          it("charges", () => {});
          it("refunds", () => {});
        });
      `,
    },
    {
      name: "Playwright: calls inside a test, configure, use and hooks declare nothing",
      filename: "checkout.spec.ts",
      options: [{ max: 1 }],
      code: dedent`
        import { expect, test } from "@playwright/test";

        test.describe.configure({ mode: "serial" });
        test.use({ locale: "en-GB" });
        test.beforeEach(async ({ page }) => {
          await page.goto("/");
        });
        test.afterAll(async () => {});

        test("pays with a saved card", async ({ page, browserName, isMobile }) => {
          test.skip();
          test.skip(browserName === "webkit", "Safari has no saved cards");
          test.skip(isMobile, reason);
          test.fixme(isMobile, "flaky on mobile");
          test.fail(browserName === "firefox", reason);
          test.slow();
          test.info().annotations.push({ type: "issue", description: "#42" });
          await test.step("open the cart", async () => {
            await page.click("text=Cart");
          });
        });
      `,
    },
    {
      name: "Playwright: a conditional test.skip at group level declares nothing",
      filename: "checkout.spec.ts",
      options: [{ max: 1 }],
      code: dedent`
        import { test } from "@playwright/test";

        const isMobile = process.env.MOBILE === "1";
        const reason = "no mobile layout yet";

        test.describe("checkout", () => {
          test.skip(({ browserName }) => browserName === "webkit", "Safari only");
          test.skip(isMobile, reason);
          test("pays", async ({ page }) => {});
        });
      `,
    },
    {
      name: "a local function named test is not the runner's",
      filename: "orders.test.ts",
      options: [{ max: 0 }],
      code: dedent`
        function test(name: string, body: () => void): void {
          body();
        }

        test("runs at import time", () => {});

        function runAll(it: (name: string, body: () => void) => void): void {
          it("is a parameter", () => {});
        }

        const describe = (name: string, body: () => void): void => body();
        describe("is a local arrow function", () => {});
      `,
    },
    {
      name: "'it' in strings, templates, comments and regular expressions",
      filename: "orders.test.ts",
      options: [{ max: 0 }],
      code: dedent`
        import { expect } from "vitest";

        // it("is in a line comment", () => {});
        /* test("is in a block comment", () => {}); */
        const source = 'it("is in a string", () => {})';
        const template = \`test("is in a template", () => {})\`;
        const pattern = /it\("is in a regular expression"\)/u;
        expect(source).toMatch(pattern);
      `,
    },
    {
      name: "TypeScript-only syntax parses: type imports, decorators, generics, satisfies, enums, assertions",
      filename: "orders.test.ts",
      options: [{ max: 4 }],
      code: dedent`
        import type { Order } from "./orders";
        import { type Mock, describe, expect, it, test } from "vitest";
        import { suite, test as method } from "@testdeck/vitest";

        enum Status {
          Open = "open",
          Paid = "paid",
        }

        interface Fixtures {
          order: Order;
        }

        const defaults = { status: Status.Open } satisfies Partial<Record<string, Status>>;

        function first<T>(items: readonly T[]): T {
          return items[0]!;
        }

        const orderTest = test.extend<Fixtures>({
          order: async ({}, use) => {
            await use({ id: "o-1" } as Order);
          },
        });

        describe("orders", () => {
          it("reads the status", () => {
            expect(first<Status>([defaults.status])).toBe(Status.Open);
          });
          orderTest("uses the order fixture", ({ order }) => {
            expect(order.id).toBe("o-1");
          });
        });

        @suite
        abstract class OrderSuite<T extends Order> {
          private readonly order?: T;

          @method
          async pays(): Promise<void> {}

          @method.skip
          refunds(this: OrderSuite<T>): void {}
        }
      `,
    },
    {
      name: "JSX in a .tsx file",
      filename: "checkout.spec.tsx",
      options: [{ max: 1 }],
      code: dedent`
        import { render } from "@testing-library/react";
        import { expect, it } from "vitest";
        import { Checkout } from "./Checkout";

        it("renders the pay button", () => {
          const view = render(<Checkout total={42} />);
          expect(view.getByRole("button")).toBeTruthy();
        });
      `,
    },
    {
      name: "runner globals in a .js file, no imports",
      filename: "api.test.js",
      options: [{ max: 2 }],
      code: dedent`
        describe("api", function () {
          before(function () {});
          it("answers", function () {});
          specify("answers twice", function () {});
        });
      `,
    },
  ],

  invalid: [
    {
      name: "51 tests with the default maximum, reported at the 51st",
      filename: "orders.test.ts",
      code: generatedTests(51),
      errors: [{ messageId: "tooManyTests", data: { count: "51", max: "50" }, line: 53, column: 4, endLine: 53, endColumn: 13 }],
    },
    {
      name: "skipped, todo, only, concurrent and conditional tests all count",
      filename: "orders.test.ts",
      options: [{ max: 0 }],
      code: dedent`
        import { describe, it, test } from "vitest";

        describe("orders", () => {
          it("creates an order", async () => {});
          it.only("focuses", () => {});
          it.skip("is skipped", () => {});
          test.todo("is still to write");
          it.todo("is still to write too");
          test.concurrent("runs in parallel", async () => {});
          test.sequential("runs alone", async () => {});
          test.fails("is expected to fail", () => {});
          test.skipIf(process.env.CI)("skipped on CI", () => {});
          test.runIf(process.env.CI)("only on CI", () => {});
          test.concurrent.skip("skipped in parallel", async () => {});
          specify("is a specification", () => {});
        });
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "12", max: "0" }, line: 4, column: 6, endLine: 4, endColumn: 24 }],
    },
    {
      name: "describe, suite and context nest at any depth; reported at the first test past max in source order",
      filename: "orders.test.ts",
      options: [{ max: 3 }],
      code: dedent`
        import { describe, it, suite, test } from "vitest";

        describe("orders", () => {
          it("creates", () => {});
          describe("payment", () => {
            suite("cards", () => {
              test("charges a card", () => {});
            });
          });
          it("cancels", () => {});
        });

        context("refunds", () => {
          it("refunds in full", () => {});
          it("refunds in part", () => {});
        });
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "5", max: "3" }, line: 14, column: 6, endLine: 14, endColumn: 23 }],
    },
    {
      name: "Jasmine-style xit, fit, xtest, xdescribe and fdescribe",
      filename: "api.test.js",
      options: [{ max: 3 }],
      code: dedent`
        xdescribe("legacy", function () {
          xit("is skipped", function () {});
          fit("is focused", function () {});
        });

        fdescribe("focused", function () {
          xtest("is skipped too", function () {});
          it("runs", function () {});
        });
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "4", max: "3" }, line: 8, column: 6, endLine: 8, endColumn: 12 }],
    },
    {
      name: "Playwright: test.describe with its modes, anonymous groups, details and skipped or fixme tests",
      filename: "checkout.spec.ts",
      options: [{ max: 0 }],
      code: dedent`
        import { expect, test } from "@playwright/test";

        test.describe("checkout", () => {
          test("pays", async ({ page }) => {});
          test.describe.serial("in order", () => {
            test("adds to cart", async ({ page }) => {});
          });
          test.describe.parallel.only("in parallel", () => {
            test("pays twice", async ({ page }) => {});
          });
          test.describe(() => {
            test("in an anonymous group", async ({ page }) => {});
          });
          test("with details", { tag: "@slow" }, async ({ page }) => {});
          test.skip("is skipped", async ({ page }) => {});
          test.fixme("is broken", async ({ page }) => {});
          test.fail("fails on purpose", async ({ page }) => {});
          test.only("is focused", async ({ page }) => {});
        });
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "9", max: "0" }, line: 4, column: 8, endLine: 4, endColumn: 14 }],
    },
    {
      name: "Playwright: a test made by base.extend({...}) is the runner's test",
      filename: "checkout.spec.ts",
      options: [{ max: 1 }],
      code: dedent`
        import { test as base, expect } from "@playwright/test";

        type Fixtures = { customer: { id: string } };

        export const test = base.extend<Fixtures>({
          customer: async ({ request }, use) => {
            await use({ id: "c-1" });
          },
        });

        test.describe("checkout", () => {
          test("pays as the customer", async ({ customer }) => {});
          test("refunds the customer", async ({ customer }) => {});
        });
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 13, column: 8, endLine: 13, endColumn: 30 }],
    },
    {
      name: "class-based suites: @test methods count, other methods and undecorated classes do not",
      filename: "orders.test.ts",
      options: [{ max: 2 }],
      code: dedent`
        import { params, skip, suite, test } from "@testdeck/mocha";

        class Helpers {
          @test
          notCollected() {}
        }

        @suite
        class OrderSuite {
          before() {}

          helper() {}

          @test
          creates() {}

          @test.skip
          cancels() {}

          @params({ amount: 1 })
          @test
          refunds() {}

          @skip
          @test()
          archives() {}
        }
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "4", max: "2" }, line: 22, column: 3, endLine: 22, endColumn: 10 }],
    },
    {
      name: "function-style and class-based tests together, in source order",
      filename: "orders.test.ts",
      options: [{ max: 1 }],
      code: dedent`
        import { suite, test } from "@testdeck/vitest";
        import { it } from "vitest";

        @suite
        export class OrderSuite {
          @test
          creates() {}
        }

        it("cancels", () => {});
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 10, column: 4, endLine: 10, endColumn: 13 }],
    },
    {
      name: "a test with a named body, a template title or a computed title counts",
      filename: "orders.test.ts",
      options: [{ max: 0 }],
      code: dedent`
        import { it, test } from "vitest";

        const sku = "BOOK-1";

        async function checksOut(): Promise<void> {}

        test("checks out", checksOut);
        it(\`orders \${sku}\`, async () => {});
        it("orders " + sku, async () => {});
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "3", max: "0" }, line: 7, column: 6, endLine: 7, endColumn: 18 }],
    },
    {
      name: "through a namespace import of the runner",
      filename: "orders.test.ts",
      options: [{ max: 1 }],
      code: dedent`
        import * as vitest from "vitest";

        vitest.describe("orders", () => {
          vitest.it("creates", () => {});
          vitest.test.skip("cancels", () => {});
        });
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 5, column: 20, endLine: 5, endColumn: 29 }],
    },
  ],
});
