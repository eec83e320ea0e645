/**
 * testaudit/require-skip-reason on JS/TS files: `.skip`, `xit`, `xdescribe`, `describe.skip`,
 * `.fixme`, `.skipIf`, `.fails` and testdeck's `@skip` take no reason, so a comment on the line above or
 * after the mark on its line is theirs; Playwright's `test.skip(condition, description)`,
 * `test.fixme(...)` and `test.fail(...)` in a test, a group or at the top of the file take a description,
 * which a suggestion writes when it is missing. `.todo` is no skip.
 */
import dedent from "dedent";
import { at, jsRuleTester, plugin, type Span } from "../rule-tester.js";

const rule = plugin.rules["require-skip-reason"] as never;

function missing(api: string, effect: string, span: Span, output: string | null): object {
  return {
    messageId: "missingReason",
    data: { api, effect, where: "" },
    ...span,
    suggestions: output === null ? [] : [{ messageId: "addReason", data: { reason: '"TODO"' }, output }],
  };
}

jsRuleTester.run("require-skip-reason (JS/TS)", rule, {
  valid: [
    {
      name: "Jest and Vitest skips with a comment above or on the same line; .todo is no skip",
      filename: "orders.test.ts",
      code: dedent`
        import { describe, it, test } from "vitest";

        describe("orders", () => {
          // The payment sandbox is down until June.
          it.skip("refunds an order", async () => {});

          xit("cancels an order", async () => {}); // flaky on CI, see #123

          test.skipIf(process.platform === "win32")("uses fork", async () => {}); /* no fork on Windows */

          it.todo("archives an order");
        });
      `,
    },
    {
      name: "Playwright marks with descriptions, in a test, a group and at the top of the file",
      filename: "checkout.spec.ts",
      code: dedent`
        import { expect, test } from "@playwright/test";

        test.skip(({ browserName }) => browserName === "webkit", "WebKit has no payment request API");

        test.describe("checkout", () => {
          test.fixme(process.env.CI === "true", "the sandbox times out on CI");

          test("pays", async ({ page }) => {
            test.skip(process.env.PAYMENT_SANDBOX === undefined, "needs the payment sandbox");
            test.fail(true, \`bug \${1234}\`);
            await expect(page).toHaveURL("/");
          });
        });
      `,
    },
    {
      name: "a local function called test is not Playwright's",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        function test(run: () => void) {
          run();
        }
        test.skip = () => undefined;

        it("creates an order", () => {
          test.skip();
        });
      `,
    },
  ],
  invalid: [
    {
      name: "skips without a comment: no suggestion, since Jest's and Vitest's .skip take no reason",
      filename: "orders.test.ts",
      code: dedent`
        import { describe, it } from "vitest";

        /** Orders API. */
        describe("orders", () => {
          it.skip("refunds an order", async () => {});
          xit("cancels an order", async () => {});
          // eslint-disable-next-line no-console
          it.fails("rounds down", async () => {});
        });

        describe.skip("archive", () => {
          it("archives an order", async () => {});
          it("restores an order", async () => {});
        });
      `,
      errors: [
        missing("it.skip", "skips a test", at(5, 3, 10), null),
        missing("xit", "skips a test", at(6, 3, 6), null),
        missing("it.fails", "expects a test to fail", at(8, 3, 11), null),
        missing("describe.skip", "skips the tests of its group", at(11, 1, 14), null),
      ],
    },
    {
      name: "Playwright's test.skip() gets a condition and a description, test.skip(condition) a description, a blank one is replaced",
      filename: "checkout.spec.ts",
      code: dedent`
        import { expect, test } from "@playwright/test";

        test.describe("checkout", () => {
          test.fixme();

          test("pays", async ({ page }) => {
            test.skip(process.env.CI === "true");
            test.fail(true, "");
            await expect(page).toHaveURL("/");
          });
        });
      `,
      errors: [
        missing("test.fixme", "skips the tests of its group", at(4, 3, 15), dedent`
          import { expect, test } from "@playwright/test";

          test.describe("checkout", () => {
            test.fixme(true, "TODO");

            test("pays", async ({ page }) => {
              test.skip(process.env.CI === "true");
              test.fail(true, "");
              await expect(page).toHaveURL("/");
            });
          });
        `),
        missing("test.skip", "skips a test", at(7, 5, 41), dedent`
          import { expect, test } from "@playwright/test";

          test.describe("checkout", () => {
            test.fixme();

            test("pays", async ({ page }) => {
              test.skip(process.env.CI === "true", "TODO");
              test.fail(true, "");
              await expect(page).toHaveURL("/");
            });
          });
        `),
        missing("test.fail", "expects a test to fail", at(8, 5, 24), dedent`
          import { expect, test } from "@playwright/test";

          test.describe("checkout", () => {
            test.fixme();

            test("pays", async ({ page }) => {
              test.skip(process.env.CI === "true");
              test.fail(true, "TODO");
              await expect(page).toHaveURL("/");
            });
          });
        `),
      ],
    },
    {
      name: "a declared test.fixme and a file-level test.skip()",
      filename: "checkout.spec.ts",
      code: dedent`
        import { test } from "@playwright/test";

        test.skip();

        test.fixme("pays with a voucher", async () => {});
      `,
      errors: [
        missing("test.skip", "skips every test in the file", at(3, 1, 12), dedent`
          import { test } from "@playwright/test";

          test.skip(true, "TODO");

          test.fixme("pays with a voucher", async () => {});
        `),
        missing("test.fixme", "skips a test", at(5, 1, 11), null),
      ],
    },
    {
      name: "testdeck's @skip and @test.skip",
      filename: "orders.test.ts",
      code: dedent`
        import { skip, suite, test } from "@testdeck/mocha";

        @suite
        @skip
        class OrderTests {
          @test.skip
          creates() {}

          @test
          lists() {}
        }
      `,
      errors: [
        missing("skip", "skips the tests of its group", at(4, 2, 6), null),
        missing("test.skip", "skips a test", at(6, 4, 13), null),
      ],
    },
    {
      name: "allowSkips false: a commented skip is reported, an expected failure with a reason is not",
      filename: "orders.test.ts",
      options: [{ allowSkips: false }],
      code: dedent`
        import { it } from "vitest";

        it.skip("refunds an order", async () => {}); // the sandbox is down
        it.fails("rounds down", async () => {}); // bug 1234
      `,
      errors: [{ messageId: "skipNotAllowed", data: { api: "it.skip", effect: "skips a test", where: "" }, ...at(3, 1, 8), suggestions: [] }],
    },
  ],
});
