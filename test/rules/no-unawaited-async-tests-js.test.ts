/**
 * testaudit/no-unawaited-async-tests on JS/TS files: a test's function that makes a promise in a
 * statement of its own and neither returns, awaits nor `void`s it, known from its shape alone (`.then`,
 * `.catch`, `.finally`, an `async` function of the file, `new Promise`, `Promise.all`..., an
 * `expect(...).resolves` assertion). A test with a plain parameter may be waiting on `done`, so it is left
 * alone, and so are Cypress chains (`cy....then`), which are no promises.
 */
import dedent from "dedent";
import { espreeRuleTester, jsRuleTester, plugin, type ExpectedError } from "../rule-tester.js";

const rule = plugin.rules["no-unawaited-async-tests"] as never;

/** The report of a dropped promise, on the statement from `line`:`column` to `endLine`:`endColumn`. */
function dropped(test: string, promise: string, line: number, column: number, endColumn: number, endLine = line): ExpectedError {
  return { messageId: "droppedPromise", data: { test: `'${test}'`, promise: `'${promise}'` }, line, column, endLine, endColumn };
}

jsRuleTester.run("no-unawaited-async-tests (JS/TS)", rule, {
  valid: [
    {
      name: "returned and awaited promises, and promises discarded with void",
      filename: "orders.test.ts",
      code: dedent`
        import { expect, it } from "vitest";

        async function seedOrders(): Promise<void> {}

        it("returns the chain", () => {
          return fetch("/orders").then((response) => expect(response.status).toBe(200));
        });

        it("awaits it", async () => {
          await seedOrders();
          await fetch("/orders").then((response) => expect(response.status).toBe(200));
          await expect(fetch("/orders")).resolves.toBeTruthy();
          await Promise.all([seedOrders(), seedOrders()]);
          await new Promise((resolve) => setTimeout(resolve, 10));
        });

        it("returns the assertion", () => expect(fetch("/orders")).resolves.toBeTruthy());

        it("discards on purpose", () => {
          void fetch("/metrics").then(() => undefined);
          void seedOrders();
        });
      `,
    },
    {
      name: "a done parameter: the runner waits until the test calls it",
      filename: "orders.test.js",
      code: dedent`
        it("calls back", (done) => {
          fetch("/orders").then(() => done());
        });
      `,
    },
    {
      name: "Cypress chains are queued commands, not promises",
      filename: "checkout.spec.ts",
      code: dedent`
        describe("checkout", () => {
          it("pays", () => {
            cy.visit("/cart");
            cy.get("[data-test=total]").then(($total) => {
              expect($total.text()).to.equal("10.00");
            });
          });
        });
      `,
    },
    {
      name: "calls of functions not known to be async, and of an async function replaced later",
      filename: "orders.test.ts",
      code: dedent`
        import { seedOrders } from "./support";

        function sync() {}
        let later = async () => {};
        later = () => undefined;

        it("calls", () => {
          seedOrders();
          sync();
          later();
          client.orders.create();
        });
      `,
    },
    {
      name: "promises in nested functions are theirs, not the test's",
      filename: "orders.test.ts",
      code: dedent`
        it("maps", async () => {
          await Promise.all(["a", "b"].map(async (sku) => {
            await fetch(sku).then(() => undefined);
          }));
          const later = () => {
            fetch("/x").then(() => undefined);
          };
          await later;
        });
      `,
    },
    {
      name: "a local Promise is not the global one, and then/catch as arguments or values are no statements",
      filename: "orders.test.ts",
      code: dedent`
        class Promise {}

        it("builds", () => {
          new Promise();
          const chain = fetch("/x").then(() => undefined);
          expect(chain).toBeDefined();
          return chain;
        });
      `,
    },
    { name: "a test still to write has no function", filename: "orders.test.ts", code: 'it.todo("refunds");\n' },
    {
      name: "promises outside tests (hooks, module top level) are not this rule's",
      filename: "orders.test.ts",
      code: dedent`
        fetch("/warm-up").then(() => undefined);

        beforeEach(() => {
          fetch("/reset").then(() => undefined);
        });
      `,
    },
  ],

  invalid: [
    {
      name: "every promise shape, dropped in a plain callback",
      filename: "orders.test.ts",
      code: dedent`
        import { expect, it } from "vitest";

        async function seedOrders(): Promise<void> {}
        const resetDb = async (): Promise<void> => {};

        it("creates an order", () => {
          fetch("/orders").then((response) => expect(response.status).toBe(201));
          fetch("/orders").catch(() => undefined);
          fetch("/orders").finally(() => undefined);
          seedOrders();
          resetDb();
          new Promise((resolve) => setTimeout(resolve, 10));
          Promise.all([seedOrders()]);
          expect(fetch("/orders")).resolves.toBeTruthy();
          expect.soft(fetch("/orders")).rejects.not.toThrow();
        });
      `,
      errors: [
        dropped("creates an order", "fetch(…).then(…)", 7, 3, 74),
        dropped("creates an order", "fetch(…).catch(…)", 8, 3, 43),
        dropped("creates an order", "fetch(…).finally(…)", 9, 3, 45),
        dropped("creates an order", "seedOrders()", 10, 3, 16),
        dropped("creates an order", "resetDb()", 11, 3, 13),
        dropped("creates an order", "new Promise(…)", 12, 3, 53),
        dropped("creates an order", "Promise.all(…)", 13, 3, 31),
        dropped("creates an order", "expect(…).resolves.toBeTruthy()", 14, 3, 50),
        dropped("creates an order", "expect.soft(…).rejects.not.toThrow()", 15, 3, 55),
      ],
    },
    {
      name: "an async callback that does not await, in blocks, branches, loops and try",
      filename: "orders.test.ts",
      code: dedent`
        import { test } from "@playwright/test";

        async function login(): Promise<void> {}

        test.describe("orders", () => {
          test("lists orders", async ({ page }) => {
            await page.goto("/orders");
            if (process.env.CI) {
              login();
            }
            for (const sku of ["a"]) {
              page.reload().then(() => sku);
            }
            try {
              login();
            } finally {
              await page.close();
            }
          });
        });
      `,
      errors: [
        dropped("lists orders", "login()", 9, 7, 15),
        dropped("lists orders", "page.reload().then(…)", 12, 7, 37),
        dropped("lists orders", "login()", 15, 7, 15),
      ],
    },
    {
      name: "a multi-line chain is reported over its whole statement; a TS non-null or cast changes nothing",
      filename: "orders.test.ts",
      code: dedent`
        it("refunds", () => {
          api!
            .refund(1)
            .then(() => undefined);
          (api.refund(2) as Promise<void>).then(() => undefined);
        });
      `,
      errors: [dropped("refunds", "api.refund(…).then(…)", 2, 3, 28, 4), dropped("refunds", "api.refund(…).then(…)", 5, 3, 58)],
    },
    {
      name: "a @test method of a class-based suite",
      filename: "orders.test.ts",
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        @suite
        class OrderTests {
          @test
          creates() {
            fetch("/orders").then(() => undefined);
          }
        }
      `,
      errors: [dropped("creates", "fetch(…).then(…)", 7, 5, 44)],
    },
    {
      name: "a parametrized test whose parameters are destructured",
      filename: "orders.test.ts",
      code: dedent`
        it.each([{ sku: "a" }])("stores $sku", ({ sku }) => {
          fetch(sku).then(() => undefined);
        });
      `,
      errors: [dropped("stores $sku", "fetch(…).then(…)", 2, 3, 36)],
    },
  ],
});

espreeRuleTester.run("no-unawaited-async-tests (JS, espree)", rule, {
  valid: [{ name: "awaited", filename: "orders.test.js", code: 'it("a", async () => {\n  await fetch("/x").then(() => undefined);\n});\n' }],
  invalid: [
    {
      name: "dropped, with optional chaining",
      filename: "orders.test.js",
      code: 'it("a", () => {\n  client?.fetch("/x").then(() => undefined);\n});\n',
      errors: [dropped("a", "client.fetch(…).then(…)", 2, 3, 45)],
    },
  ],
});
