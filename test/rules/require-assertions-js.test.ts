/**
 * testaudit/require-assertions on JS/TS files: every test reaches an assertion (`expect`, `expect.soft`,
 * `expect.assertions`, `assert`, chai's `expect`/`assert`/`.should`, Node's `assert`, or a call the
 * `assertFunctions` patterns name) in its callback or in the helper functions of the file it calls.
 */
import dedent from "dedent";
import { at, jsRuleTester, plugin, type Span } from "../rule-tester.js";

const rule = plugin.rules["require-assertions"] as never;

function noAssertion(name: string, span: Span): object {
  return { messageId: "noAssertion", data: { name }, ...span };
}

jsRuleTester.run("require-assertions (JS/TS)", rule, {
  valid: [
    {
      name: "expect, its modifiers and its counters, Playwright's expect and expect.soft",
      filename: "orders.test.ts",
      code: dedent`
        import { expect as playwrightExpect, test } from "@playwright/test";
        import { describe, expect, it } from "vitest";

        describe("orders", () => {
          it("creates", async () => {
            await expect(fetch("/orders")).resolves.toBeTruthy();
          });
          it("counts", () => {
            expect.assertions(1);
          });
          it("polls", async () => {
            await expect.poll(() => 1).toBe(1);
          });
        });

        test("shows the total", async ({ page }) => {
          await playwrightExpect.soft(page.getByText("Total")).toBeVisible();
        });
      `,
    },
    {
      name: "Node's assert, chai's assert, expect and should, under other names",
      filename: "orders.test.js",
      code: dedent`
        import { strict as check } from "node:assert";
        import { assert, expect as chaiExpect } from "chai";
        import { it } from "mocha";

        it("adds", () => {
          check.equal(1 + 1, 2);
        });
        it("subtracts", () => {
          assert.strictEqual(2 - 1, 1);
        });
        it("multiplies", () => {
          chaiExpect(2 * 2).to.equal(4);
        });
        it("divides", () => {
          (4 / 2).should.equal(2);
        });
      `,
    },
    {
      name: "helper functions of the file, a function passed by name, and this.method() in a class-based suite",
      filename: "orders.test.ts",
      code: dedent`
        import { suite, test } from "@testdeck/mocha";
        import { expect, it } from "vitest";

        function expectTotal(order: { total: number }, total: number) {
          expect(order.total).toBe(total);
        }

        const expectPaid = (order: { total: number }) => {
          expectTotal(order, 10);
        };

        async function checksHealth() {
          expect(await fetch("/health")).toBeTruthy();
        }

        it("pays", () => {
          expectPaid({ total: 10 });
        });

        it("answers on /health", checksHealth);

        @suite
        class OrderTests {
          check() {
            expect(1).toBe(1);
          }

          @test
          creates() {
            this.check();
          }
        }
      `,
    },
    {
      name: "assertFunctions: supertest's request(app).get(...).expect(...), and a verify* helper from a package",
      filename: "api.test.ts",
      options: [{ assertFunctions: ["request.**.expect", "verify*"] }],
      code: dedent`
        import request from "supertest";
        import { verifyContract } from "pact-helpers";
        import { it } from "vitest";

        it("answers", async () => {
          await request(app).get("/orders").expect(200);
        });

        it("keeps the contract", async () => {
          await verifyContract("orders");
        });
      `,
    },
    {
      name: "a .todo test has no body, and a skipped test is not judged by default",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        it.todo("refunds an order");
        it.skip("cancels an order", () => {});
      `,
    },
  ],
  invalid: [
    {
      name: "a test that only acts, a helper that does not assert, and an assertion in a hook",
      filename: "orders.test.ts",
      code: dedent`
        import { afterEach, describe, expect, it } from "vitest";

        function createOrder() {
          return fetch("/orders", { method: "POST" });
        }

        describe("orders", () => {
          afterEach(() => {
            expect(true).toBe(true);
          });

          it("creates", async () => {
            await createOrder();
          });

          it("lists", async () => {
            await fetch("/orders");
          });
        });
      `,
      errors: [noAssertion("creates", at(12, 6, 15)), noAssertion("lists", at(16, 6, 13))],
    },
    {
      name: "a conditionally skipped test is judged; with ignoreSkipped false, a skipped one too",
      filename: "orders.test.ts",
      options: [{ ignoreSkipped: false }],
      code: dedent`
        import { it } from "vitest";

        it.skipIf(process.env.CI)("creates", async () => {
          await fetch("/orders");
        });
        it.skip("cancels", () => {});
      `,
      errors: [noAssertion("creates", at(3, 27, 36)), noAssertion("cancels", at(6, 9, 18))],
    },
    {
      name: "a method of a class-based suite that asserts nothing",
      filename: "orders.test.ts",
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        @suite
        class OrderTests {
          @test
          creates() {
            void fetch("/orders");
          }
        }
      `,
      errors: [noAssertion("creates", at(6, 3, 10))],
    },
  ],
});
