/**
 * What counts as a test in a JS/TS file (src/model/js/test-calls.ts, build-model.ts, bindings.ts),
 * observed through the real rules run by ESLint's Linter with @typescript-eslint/parser:
 * - `max-tests-per-file` with `max: 0` reports the number of tests;
 * - `require-bvj` with `from: ["function"]` reports every test by name (a test's title, or a
 *   class-based suite's method name), in source order.
 */
import tsParser from "@typescript-eslint/parser";
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { plugin } from "../rule-tester.js";

interface Collected {
  count: number;
  names: string[];
}

/** Lints `code` as the file `filename` and reads the tests found in it. */
function collect(code: string, filename = "orders.test.ts"): Collected {
  const linter = new Linter();
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.js", "**/*.ts", "**/*.tsx"],
        plugins: { testaudit: plugin },
        languageOptions: { parser: tsParser },
        rules: {
          "testaudit/max-tests-per-file": ["error", { max: 0 }],
          "testaudit/require-bvj": ["error", { from: ["function"] }],
        },
      },
    ],
    filename,
  );
  // A parsing error or a crash would show here rather than as "no tests".
  expect(messages.filter((message) => message.ruleId === null || message.fatal)).toEqual([]);
  const tooMany = messages.filter((message) => message.ruleId === "testaudit/max-tests-per-file");
  expect(tooMany.length).toBeLessThanOrEqual(1);
  const count = tooMany.length === 0 ? 0 : Number(/^File has (\d+) tests/u.exec(tooMany[0]!.message)![1]);
  const names = messages
    .filter((message) => message.ruleId === "testaudit/require-bvj")
    .map((message) => /^Test '(.*)' has no Business Value Justification block/su.exec(message.message)![1]!);
  return { count, names };
}

describe("JS/TS tests: runner calls", () => {
  it("test, it and specify calls count, at top level and nested in describe, suite and context", () => {
    const code = dedent`
      import { describe, it, suite, test } from "vitest";

      test("at top level", () => {});

      describe("orders", () => {
        it("creates", () => {});
        describe("payment", () => {
          suite("cards", () => {
            context("declined", () => {
              specify("shows the reason", () => {});
            });
          });
        });
      });
    `;
    expect(collect(code)).toEqual({ count: 3, names: ["at top level", "creates", "shows the reason"] });
  });

  it("modifiers keep a call a test, and skipped and todo tests are counted", () => {
    const code = dedent`
      import { describe, it, test } from "vitest";

      describe("orders", () => {
        it.only("only", () => {});
        it.skip("skip", () => {});
        test.todo("todo");
        it.todo("todo with a body", () => {});
        test.concurrent("concurrent", async () => {});
        test.sequential("sequential", async () => {});
        test.fails("fails", () => {});
        test.concurrent.only("concurrent only", async () => {});
        test.skipIf(process.env.CI)("skipIf", () => {});
        test.runIf(process.env.CI)("runIf", () => {});
      });
    `;
    expect(collect(code)).toEqual({
      count: 10,
      names: ["only", "skip", "todo", "todo with a body", "concurrent", "sequential", "fails", "concurrent only", "skipIf", "runIf"],
    });
  });

  it("a .each or .for call is one test, with its table as an array or a tagged template", () => {
    const code = dedent`
      import { describe, it, test } from "vitest";

      test.each([
        [1, 1, 2],
        [1, 2, 3],
      ])("add(%i, %i) -> %i", (a, b, expected) => {});

      test.each\`
        a    | b    | expected
        \${1} | \${1} | \${2}
        \${1} | \${2} | \${3}
      \`("returns $expected when $a is added to $b", ({ a, b, expected }) => {});

      test.for([[1, 1, 2]])("for(%i, %i)", ([a, b, expected]) => {});
      it.each([{ sku: "BOOK-1" }])("orders $sku", ({ sku }) => {});
      test.concurrent.each([[1]])("concurrent each %i", async (n) => {});
      test.only.each([[1]])("only each %i", (n) => {});
      test.skip.each([[1]])("skipped each %i", (n) => {});
      test.each([1])
        ("on the next line %i", (n) => {});
    `;
    expect(collect(code)).toEqual({
      count: 8,
      names: [
        "add(%i, %i) -> %i",
        "returns $expected when $a is added to $b",
        "for(%i, %i)",
        "orders $sku",
        "concurrent each %i",
        "only each %i",
        "skipped each %i",
        "on the next line %i",
      ],
    });
  });

  it("describe.each is a group: the tests in it count once each", () => {
    const code = dedent`
      import { describe, it } from "vitest";

      describe.each([["EUR"], ["USD"]])("in %s", (currency) => {
        it("charges", () => {});
      });

      describe.each\`
        currency
        \${"GBP"}
      \`("in $currency", ({ currency }) => {
        it("refunds", () => {});
      });

      describe.skip.each([["JPY"]])("skipped in %s", (currency) => {
        it("is skipped", () => {});
      });
    `;
    expect(collect(code)).toEqual({ count: 3, names: ["charges", "refunds", "is skipped"] });
  });

  it("Jasmine-style xit, fit, xtest and xspecify, in xdescribe, fdescribe and xcontext", () => {
    const code = dedent`
      xdescribe("legacy", function () {
        xit("xit", function () {});
        fit("fit", function () {});
      });

      fdescribe("focused", function () {
        xtest("xtest", function () {});
        xcontext("skipped context", function () {
          xspecify("xspecify", function () {});
        });
      });
    `;
    expect(collect(code, "api.test.js")).toEqual({ count: 4, names: ["xit", "fit", "xtest", "xspecify"] });
  });

  it("hooks and other runner calls declare nothing", () => {
    const code = dedent`
      import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

      beforeAll(() => {});
      describe("orders", () => {
        beforeEach(() => {});
        afterEach(() => {});
        test.beforeEach(() => {});
        test.afterAll(() => {});
        test("creates", () => {
          expect.assertions(1);
        });
        describe.todo("a group still to write");
        test.todo();
      });
      afterAll(() => {});
    `;
    expect(collect(code)).toEqual({ count: 1, names: ["creates"] });
  });

  it("titles: template literals with and without substitutions, computed titles, and bodies passed by name", () => {
    const code = dedent`
      import { it, test } from "vitest";

      const sku = "BOOK-1";

      async function checksOut(): Promise<void> {}

      it(\`without substitutions\`, () => {});
      it(\`orders \${sku}\`, () => {});
      it("orders " + sku, () => {});
      test("checks out", checksOut);
      test(\`checks out again\`, checksOut);
    `;
    expect(collect(code)).toEqual({
      count: 5,
      names: ["without substitutions", "`orders ${sku}`", '"orders " + sku', "checks out", "checks out again"],
    });
  });

  it("tests do not nest: a test call inside a test's body declares nothing", () => {
    const code = dedent`
      import { describe, it } from "vitest";

      describe("orders", () => {
        it("creates", () => {
          it("is not a second test", () => {});
          describe("is not a group", () => {
            it("nor is this", () => {});
          });
        });
      });
    `;
    expect(collect(code)).toEqual({ count: 1, names: ["creates"] });
  });
});

describe("JS/TS tests: Playwright", () => {
  it("test and test.describe with its modes, anonymous groups and details objects", () => {
    const code = dedent`
      import { expect, test } from "@playwright/test";

      test.describe("checkout", () => {
        test("pays", async ({ page }) => {});
        test.describe.serial("in order", () => {
          test("adds to cart", async ({ page }) => {});
        });
        test.describe.parallel("in parallel", () => {
          test("pays twice", async ({ page }) => {});
        });
        test.describe.only("focused", () => {
          test("is focused", async ({ page }) => {});
        });
        test.describe.skip("skipped group", () => {
          test("is skipped with its group", async ({ page }) => {});
        });
        test.describe.fixme("broken group", () => {
          test("is broken with its group", async ({ page }) => {});
        });
        test.describe(() => {
          test("in an anonymous group", async ({ page }) => {});
        });
        test.describe("with details", { tag: "@slow" }, () => {
          test("has a tag", { tag: "@fast" }, async ({ page }) => {});
        });
        test.skip("skip", async ({ page }) => {});
        test.fixme("fixme", async ({ page }) => {});
        test.fail("fail", async ({ page }) => {});
      });
    `;
    expect(collect(code, "checkout.spec.ts")).toEqual({
      count: 11,
      names: [
        "pays",
        "adds to cart",
        "pays twice",
        "is focused",
        "is skipped with its group",
        "is broken with its group",
        "in an anonymous group",
        "has a tag",
        "skip",
        "fixme",
        "fail",
      ],
    });
  });

  it("test, step, skip, fixme, fail, slow and info inside a test declare nothing", () => {
    const code = dedent`
      import { test } from "@playwright/test";

      test("pays", async ({ page, browserName, isMobile }) => {
        const reason = "not on mobile";
        test.skip();
        test.skip(browserName === "webkit", "no saved cards in Safari");
        test.skip(isMobile, reason);
        test.fixme();
        test.fixme(isMobile, "flaky on mobile");
        test.fail(browserName === "firefox", reason);
        test.slow();
        test.setTimeout(60_000);
        test.info().annotations.push({ type: "issue", description: "#42" });
        await test.step("open the cart", async () => {
          await test.step("nested step", async () => {});
        });
      });
    `;
    expect(collect(code, "checkout.spec.ts")).toEqual({ count: 1, names: ["pays"] });
  });

  it("configure, use, hooks and conditional skips at group level declare nothing", () => {
    const code = dedent`
      import { test } from "@playwright/test";

      const isMobile = process.env.MOBILE === "1";
      const reason = "no mobile layout yet";

      test.describe.configure({ mode: "serial" });
      test.use({ locale: "en-GB" });
      test.beforeAll(async () => {});
      test.beforeEach(async ({ page }) => {});

      test.describe("checkout", () => {
        test.describe.configure({ retries: 2 });
        test.use({ viewport: { width: 600, height: 900 } });
        test.skip(({ browserName }) => browserName === "webkit", "Safari only");
        test.skip(isMobile, reason);
        test.fixme(isMobile, "flaky on mobile");
        test.afterEach(async ({ page }) => {});
        test("pays", async ({ page }) => {});
      });
    `;
    expect(collect(code, "checkout.spec.ts")).toEqual({ count: 1, names: ["pays"] });
  });

  it("a test made by base.extend({...}) is the runner's test, under any name", () => {
    const code = dedent`
      import { test as base, expect } from "@playwright/test";

      type Fixtures = { customer: { id: string } };

      export const test = base.extend<Fixtures>({
        customer: async ({ request }, use) => {
          await use({ id: "c-1" });
        },
      });
      const adminTest = test.extend({ admin: true });

      test.describe("checkout", () => {
        test("pays as the customer", async ({ customer }) => {});
        test.skip("refunds the customer", async ({ customer }) => {});
      });
      adminTest("approves the refund", async ({ admin }) => {});
      base("uses the base test", async ({ page }) => {});
    `;
    expect(collect(code, "checkout.spec.ts")).toEqual({
      count: 4,
      names: ["pays as the customer", "refunds the customer", "approves the refund", "uses the base test"],
    });
  });

  it("Vitest's test.extend({...}) makes a test too", () => {
    const code = dedent`
      import { test } from "vitest";

      const orderTest = test.extend<{ order: { id: string } }>({
        order: async ({}, use) => {
          await use({ id: "o-1" });
        },
      });

      orderTest("reads the fixture", ({ order }) => {});
      orderTest.skip("skips with the fixture", ({ order }) => {});
    `;
    expect(collect(code)).toEqual({ count: 2, names: ["reads the fixture", "skips with the fixture"] });
  });
});

describe("JS/TS tests: class-based suites", () => {
  it("@test methods of @suite classes count; other methods, and classes without @suite, do not", () => {
    const code = dedent`
      import { params, skip, suite, test, timeout } from "@testdeck/mocha";

      class Helpers {
        @test
        notCollected() {}
      }

      @suite
      class OrderSuite {
        static before() {}

        helper() {}

        @test
        creates() {}

        @test.skip
        cancels() {}

        @test()
        refunds() {}

        @params({ amount: 1 })
        @params({ amount: 2 })
        @test
        charges() {}

        @skip
        @timeout(1000)
        @test
        async archives(): Promise<void> {}

        @test.only()
        focuses() {}
      }

      @suite.skip()
      export class SkippedSuite {
        @test
        isSkipped() {}
      }

      @suite
      export default class DefaultSuite {
        @test
        isExported() {}
      }
    `;
    expect(collect(code)).toEqual({
      count: 8,
      names: ["creates", "cancels", "refunds", "charges", "archives", "focuses", "isSkipped", "isExported"],
    });
  });

  it("the decorators may be imported under other names", () => {
    const code = dedent`
      import { suite as testSuite, test as testMethod } from "@testdeck/vitest";
      import { test } from "vitest";

      @testSuite
      class OrderSuite {
        @testMethod
        creates() {}
      }

      test("is a function-style test", () => {});
    `;
    expect(collect(code)).toEqual({ count: 2, names: ["creates", "is a function-style test"] });
  });

  it("function-style and class-based tests are reported together, in source order", () => {
    const code = dedent`
      import { suite, test } from "@testdeck/jest";
      import { it } from "@jest/globals";

      it("comes first", () => {});

      @suite
      class Middle {
        @test
        comesSecond() {}
      }

      it("comes last", () => {});
    `;
    expect(collect(code)).toEqual({ count: 3, names: ["comes first", "comesSecond", "comes last"] });
  });
});

describe("JS/TS tests: what is the runner's", () => {
  it("the runners' modules and globals: vitest, @jest/globals, mocha, node:test, bun:test and no import at all", () => {
    const files: Record<string, string> = {
      "vitest.test.ts": 'import { it as check } from "vitest";\ncheck("vitest", () => {});\n',
      "jest.test.ts": 'import { test } from "@jest/globals";\ntest("jest", () => {});\n',
      "mocha.test.ts": 'import { describe, it } from "mocha";\ndescribe("m", () => { it("mocha", () => {}); });\n',
      "node.test.ts": 'import { test } from "node:test";\ntest("node", () => {});\n',
      "bun.test.ts": 'import { test } from "bun:test";\ntest("bun", () => {});\n',
      "globals.test.js": 'describe("g", () => { it("globals", () => {}); });\n',
    };
    const found = Object.entries(files).map(([filename, code]) => collect(code, filename));
    expect(found).toEqual([
      { count: 1, names: ["vitest"] },
      { count: 1, names: ["jest"] },
      { count: 1, names: ["mocha"] },
      { count: 1, names: ["node"] },
      { count: 1, names: ["bun"] },
      { count: 1, names: ["globals"] },
    ]);
  });

  it("through a namespace import of the runner", () => {
    const code = dedent`
      import * as vitest from "vitest";

      vitest.describe("orders", () => {
        vitest.it("creates", () => {});
        vitest.test.skip("cancels", () => {});
      });
    `;
    expect(collect(code)).toEqual({ count: 2, names: ["creates", "cancels"] });
  });

  it("a local function, variable or parameter named test, it or describe is not the runner's", () => {
    const code = dedent`
      function test(name: string, body: () => void): void {
        body();
      }
      test("a local function", () => {});

      const it = (name: string, body: () => void): void => body();
      it("a local arrow function", () => {});

      function runAll(specify: (name: string, body: () => void) => void): void {
        specify("a parameter", () => {});
      }
    `;
    expect(collect(code)).toEqual({ count: 0, names: [] });
  });

  it("a local name shadows the runner's only in its own scope", () => {
    const code = dedent`
      import { describe, it } from "vitest";

      describe("orders", () => {
        it("is the runner's", () => {});
      });

      function helper(): void {
        const it = (name: string, body: () => void): void => body();
        it("is the helper's", () => {});
      }
    `;
    expect(collect(code)).toEqual({ count: 1, names: ["is the runner's"] });
  });

  it("a runner name from another module is not the runner's", () => {
    const code = dedent`
      import { describe, it } from "./not-a-runner";

      describe("orders", () => {
        it("is not collected", () => {});
      });
    `;
    expect(collect(code)).toEqual({ count: 0, names: [] });
  });

  it("'it' and 'test' in strings, templates, comments and regular expressions", () => {
    const code = dedent`
      import { expect } from "vitest";

      // it("is in a line comment", () => {});
      /* test("is in a block comment", () => {}); */
      /** describe("is in a JSDoc", () => { it("x", () => {}); }); */
      const source = 'it("is in a string", () => {})';
      const template = \`test("is in a template", () => {})\`;
      const pattern = /it\("is in a regular expression"\)/u;
      expect(source).toMatch(pattern);
    `;
    expect(collect(code)).toEqual({ count: 0, names: [] });
  });

  it("a file without any test", () => {
    expect(collect('export const total = (a: number, b: number): number => a + b;\n')).toEqual({ count: 0, names: [] });
  });
});

describe("JS/TS tests: TypeScript and JSX syntax", () => {
  it("type imports, decorators, generics, satisfies, enums, assertions and abstract classes parse", () => {
    const code = dedent`
      import type { Order } from "./orders";
      import { type Mock, describe, expect, it } from "vitest";
      import { suite, test } from "@testdeck/vitest";

      enum Status {
        Open = "open",
        Paid = "paid",
      }

      interface Cart<T extends Order = Order> {
        orders: readonly T[];
      }

      declare const handler: Mock;
      const defaults = { status: Status.Open } satisfies Partial<Record<string, Status>>;

      function first<T>(items: readonly T[]): T {
        return items[0]!;
      }

      describe("orders", () => {
        it("reads the status", () => {
          const cart = { orders: [] } as Cart;
          expect(first<Status>([defaults.status])).toBe(Status.Open);
          expect(cart.orders).toHaveLength(0);
        });
      });

      @suite
      abstract class OrderSuite<T extends Order> {
        private readonly order?: T;

        protected abstract create(): T;

        @test
        async pays(this: OrderSuite<T>): Promise<void> {}
      }
    `;
    expect(collect(code)).toEqual({ count: 2, names: ["reads the status", "pays"] });
  });

  it("JSX in .tsx and .js files", () => {
    const tsx = dedent`
      import { render } from "@testing-library/react";
      import { it } from "vitest";
      import { Checkout } from "./Checkout";

      it("renders the pay button", () => {
        render(<Checkout total={42} onPay={() => {}} />);
      });
    `;
    expect(collect(tsx, "checkout.spec.tsx")).toEqual({ count: 1, names: ["renders the pay button"] });
    expect(collect(tsx.replace('import { Checkout } from "./Checkout";', 'const Checkout = () => <button>Pay</button>;'), "checkout.test.js")).toEqual({
      count: 1,
      names: ["renders the pay button"],
    });
  });
});

describe("runner modules", () => {
  it("finds node:test's default export and Playwright's component-testing test", () => {
    const nodeTest = dedent`
      import test from "node:test";

      test("charges a card", async () => {});
    `;
    expect(collect(nodeTest)).toEqual({ count: 1, names: ["charges a card"] });
    const component = dedent`
      import { expect, test } from "@playwright/experimental-ct-react";

      test("renders the cart", async ({ mount }) => {
        await expect(await mount("cart")).toBeVisible();
      });
    `;
    expect(collect(component, "cart.spec.tsx")).toEqual({ count: 1, names: ["renders the cart"] });
  });
});

describe("class-based suites", () => {
  it("collects @test methods named by a string", () => {
    const code = dedent`
      import { suite, test } from "@testdeck/mocha";

      @suite
      class Checkout {
        @test "charges a card"() {}

        @test
        refunds() {}
      }
    `;
    expect(collect(code)).toEqual({ count: 2, names: ["charges a card", "refunds"] });
  });
});
