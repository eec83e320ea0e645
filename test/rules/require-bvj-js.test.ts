/**
 * testaudit/require-bvj on JS/TS files (ESLint's JS language with @typescript-eslint/parser): every
 * test is covered by a complete Business Value Justification block in a JSDoc comment (`/** ... *\/`)
 * directly before the test, before an enclosing `describe` (or class-based suite), or at the top of
 * the file. Locations inside a JSDoc are the file's own: the `*` decoration is blanked, not removed.
 */
import tsParser from "@typescript-eslint/parser";
import dedent from "dedent";
import { RuleTester } from "eslint";
import { plugin } from "../rule-tester.js";

const rule = plugin.rules["require-bvj"] as never;
const ALL_SOURCES = "own, class or module";

const jsRuleTester = new RuleTester({ plugins: { testaudit: plugin }, languageOptions: { parser: tsParser } });

jsRuleTester.run("require-bvj (JS/TS)", rule, {
  valid: [
    {
      name: "a JSDoc directly before the test, '*'-decorated lines and '-' bullets",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * Creates an order from a saved cart.
         *
         * Business Value Justification:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Orders go through the first time
         * - Strategic Impact: Protects recurring revenue
         */
        it("creates an order", async () => {});
      `,
    },
    {
      name: "undecorated lines inside the JSDoc",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
        BVJ:
        - Segment: Mid
        - Business Goal: Conversion
        - Value Impact: Fewer abandoned carts
        - Strategic Impact: Growth
        */
        it("creates an order", async () => {});
      `,
    },
    {
      name: "the heading on the opening line, decoration without a space, '*' bullets after the decoration",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /** BVJ:
         * * Segment: Free
         * * Business Goal: Activation
         *Value Impact: New users finish onboarding
         *   Strategic Impact: Funnel
         */
        it("creates an order", async () => {});
      `,
    },
    {
      name: "continuation lines and blank decorated lines between fields",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         *   Segment: Enterprise
         *
         *   Business Goal: Keep large customers
         *     who pay yearly
         *   Value Impact:
         *     Fewer failed renewals
         *   Strategic Impact: Trust
         */
        it("renews a yearly plan", async () => {});
      `,
    },
    {
      name: "a block before the enclosing describe covers its tests, at any depth",
      filename: "orders.test.ts",
      code: dedent`
        import { describe, it, test } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        describe("orders", () => {
          it("creates", () => {});
          describe("payment", () => {
            context("cards", () => {
              test.each([["visa"], ["amex"]])("charges %s", (brand) => {});
              test.todo("charges a gift card");
            });
          });
        });
      `,
    },
    {
      name: "a block before describe.each and before Playwright's test.describe, named or anonymous",
      filename: "checkout.spec.ts",
      code: dedent`
        import { test } from "@playwright/test";

        /**
         * BVJ:
         * - Segment: Mid
         * - Business Goal: Conversion
         * - Value Impact: Fewer abandoned carts
         * - Strategic Impact: Growth
         */
        test.describe("checkout", () => {
          test("pays", async ({ page }) => {});
          test.describe.serial("in order", () => {
            test("adds to cart", async ({ page }) => {});
          });
        });

        /**
         * BVJ:
         * - Segment: Free
         * - Business Goal: Activation
         * - Value Impact: New users can pay
         * - Strategic Impact: Funnel
         */
        test.describe(() => {
          test("pays as a new user", async ({ page }) => {});
        });
      `,
    },
    {
      name: "the JSDoc at the top of the file, after a license comment and before the imports, covers every test",
      filename: "orders.test.ts",
      code: dedent`
        /* Copyright 2026 Example Ltd. */
        /**
         * Order tests.
         *
         * Business Value Justification:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        import { describe, it, test } from "vitest";
        import { suite, test as method } from "@testdeck/vitest";

        it("creates", () => {});

        describe("payment", () => {
          test.for([1, 2])("charges %i", (amount) => {});
        });

        @suite
        class RefundSuite {
          @method
          refunds() {}
        }
      `,
    },
    {
      name: "a block before a class-based suite covers its @test methods; a block before a method's decorators covers it",
      filename: "orders.test.ts",
      code: dedent`
        import { params, suite, test } from "@testdeck/mocha";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        @suite
        class OrderSuite {
          @test
          creates() {}

          @test.skip
          cancels() {}
        }

        /**
         * BVJ:
         * - Segment: Mid
         * - Business Goal: Conversion
         * - Value Impact: Fewer abandoned carts
         * - Strategic Impact: Growth
         */
        @suite
        export class ExportedSuite {
          @test
          pays() {}
        }

        @suite
        class PaymentSuite {
          /**
           * BVJ:
           * - Segment: Free
           * - Business Goal: Activation
           * - Value Impact: New users can pay
           * - Strategic Impact: Funnel
           */
          @params({ amount: 1 })
          @test
          charges() {}
        }
      `,
    },
    {
      name: "a JSDoc before a curried, awaited or details-taking test call covers it",
      filename: "checkout.spec.ts",
      code: dedent`
        import { test } from "@playwright/test";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        test("with details", { tag: "@slow" }, async ({ page }) => {});

        /**
         * BVJ:
         * - Segment: Mid
         * - Business Goal: Conversion
         * - Value Impact: Fewer abandoned carts
         * - Strategic Impact: Growth
         */
        await test.skip("skipped", async ({ page }) => {});
      `,
    },
    {
      name: "runner globals in a .js file",
      filename: "api.test.js",
      code: dedent`
        /**
         * BVJ:
         * - Segment: Platform/Internal
         * - Business Goal: Reliability
         * - Value Impact: Faster deploys
         * - Strategic Impact: Velocity
         */
        describe("api", function () {
          it("answers", function () {});
        });
      `,
    },
    {
      name: "from: ['function'] with complete own blocks; incomplete top-of-file and describe blocks are not sources",
      filename: "orders.test.ts",
      options: [{ from: ["function"] }],
      code: dedent`
        /** BVJ: this top-of-file block is incomplete and is not one of the sources. */
        import { describe, it } from "vitest";

        /** BVJ: nor is this describe's. */
        describe("orders", () => {
          /**
           * BVJ:
           * - Segment: Enterprise
           * - Business Goal: Retention
           * - Value Impact: Fewer refunds
           * - Strategic Impact: Trust
           */
          it("creates", () => {});
        });
      `,
    },
    {
      name: "custom fields",
      filename: "orders.test.ts",
      options: [{ fields: ["Owner", "Risk"] }],
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Owner: payments team
         * - Risk: Lost revenue
         */
        it("creates an order", async () => {});
      `,
    },
    {
      name: "custom segments",
      filename: "orders.test.ts",
      options: [{ segments: ["Consumer", "SMB", "Gov/Defense"] }],
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: SMB/Gov/Defense, consumer
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        it("creates an order", async () => {});
      `,
    },
    {
      name: "custom placeholders replace the defaults",
      filename: "orders.test.ts",
      options: [{ placeholders: ["PENDING"] }],
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: TODO
         * - Value Impact: ...
         * - Strategic Impact:
         */
        it("creates an order", async () => {});
      `,
    },
    {
      name: "CRLF line endings",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         *   for yearly plans
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        it("creates an order", async () => {});
      `.replaceAll("\n", "\r\n"),
    },
    {
      name: "several complete blocks in one JSDoc",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ (buyers):
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         *
         * BVJ (sellers):
         * - Segment: Mid
         * - Business Goal: Payouts
         * - Value Impact: Faster payouts
         * - Strategic Impact: Marketplace growth
         */
        it("settles an order", async () => {});
      `,
    },
    {
      name: "a file without tests needs no block",
      filename: "orders.test.ts",
      code: dedent`
        import { beforeEach, describe } from "vitest";

        describe("orders", () => {
          beforeEach(() => {});
        });
      `,
    },
  ],

  invalid: [
    {
      name: "no comment at all: reported at the test's title",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        it("creates an order", async () => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates an order", sources: ALL_SOURCES }, line: 3, column: 4, endLine: 3, endColumn: 22, suggestions: 1 },
      ],
    },
    {
      name: "a JSDoc without a block",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /** Creates an order; Segment: Enterprise is no block without its heading. */
        it("creates an order", async () => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates an order", sources: ALL_SOURCES }, line: 4, column: 4, endLine: 4, endColumn: 22, suggestions: 1 },
      ],
    },
    {
      name: "a block in a '/* ... */' comment that is not a JSDoc does not count",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /*
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        it("creates an order", async () => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates an order", sources: ALL_SOURCES }, line: 10, column: 4, endLine: 10, endColumn: 22, suggestions: 1 },
      ],
    },
    {
      name: "a block in '//' comments does not count, at the top of the file or before the test",
      filename: "orders.test.ts",
      code: dedent`
        // Business Value Justification:
        // - Segment: Enterprise
        // - Business Goal: Retention
        // - Value Impact: Fewer refunds
        // - Strategic Impact: Trust
        import { it } from "vitest";

        // BVJ:
        // - Segment: Enterprise
        // - Business Goal: Retention
        // - Value Impact: Fewer refunds
        // - Strategic Impact: Trust
        it("creates an order", async () => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates an order", sources: ALL_SOURCES }, line: 13, column: 4, endLine: 13, endColumn: 22, suggestions: 1 },
      ],
    },
    {
      name: "a JSDoc separated from the test by another statement does not count",
      filename: "orders.test.ts",
      code: dedent`
        import { beforeEach, describe, it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        const sku = "BOOK-1";
        it("creates an order", async () => {});

        describe("payment", () => {
          /**
           * BVJ:
           * - Segment: Enterprise
           * - Business Goal: Retention
           * - Value Impact: Fewer refunds
           * - Strategic Impact: Trust
           */
          beforeEach(() => {});
          it("charges", async () => {});
        });
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates an order", sources: ALL_SOURCES }, line: 11, column: 4, endLine: 11, endColumn: 22, suggestions: 1 },
        { messageId: "missingBlock", data: { name: "charges", sources: ALL_SOURCES }, line: 22, column: 6, endLine: 22, endColumn: 15, suggestions: 1 },
      ],
    },
    {
      name: "a JSDoc inside the test's callback, or before Playwright's describe.configure, does not count",
      filename: "checkout.spec.ts",
      code: dedent`
        import { test } from "@playwright/test";

        test("pays", async ({ page }) => {
          /**
           * BVJ:
           * - Segment: Enterprise
           * - Business Goal: Retention
           * - Value Impact: Fewer refunds
           * - Strategic Impact: Trust
           */
        });

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        test.describe.configure({ mode: "serial" });
        test("refunds", async ({ page }) => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "pays", sources: ALL_SOURCES }, line: 3, column: 6, endLine: 3, endColumn: 12, suggestions: 1 },
        { messageId: "missingBlock", data: { name: "refunds", sources: ALL_SOURCES }, line: 21, column: 6, endLine: 21, endColumn: 15, suggestions: 1 },
      ],
    },
    {
      name: "an incomplete block is reported once at its heading, naming every problem; the test is not reported again",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * Creates an order.
         *
         * Business Value Justification:
         * - Segment: Gold
         * - Business Goal: TBD
         */
        it("creates an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact; Business Goal is a placeholder ('TBD'); Segment names unknown segment 'Gold'" },
          line: 6,
          column: 4,
          endLine: 6,
          endColumn: 33,
          suggestions: 1,
        },
      ],
    },
    {
      name: "a heading on the JSDoc's opening line starts after '/** '",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /** BVJ:
         * - Segment: Enterprise
         */
        it("creates an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Business Goal, Value Impact, Strategic Impact" },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 9,
          suggestions: 1,
        },
      ],
    },
    {
      name: "a one-line JSDoc on the test's own line",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /** BVJ */ it("creates an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Segment, Business Goal, Value Impact, Strategic Impact" },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 8,
          suggestions: 1,
        },
      ],
    },
    {
      name: "an indented JSDoc: the heading's columns are the file's, past the blanked '*'",
      filename: "orders.test.ts",
      code: dedent`
        import { describe, it } from "vitest";

        describe("orders", () => {
          describe("payment", () => {
            /**
             * BVJ (cards):
             * - Segment: Enterprise
             */
            it("charges", () => {});
          });
        });
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Business Goal, Value Impact, Strategic Impact" },
          line: 6,
          column: 8,
          endLine: 6,
          endColumn: 20,
          suggestions: 1,
        },
      ],
    },
    {
      name: "an undecorated heading in an indented JSDoc starts at its first character",
      filename: "orders.test.ts",
      code: dedent`
        import { describe, it } from "vitest";

        describe("orders", () => {
          /**
        Business Value Justification
        - Segment: Enterprise
           */
          it("creates", () => {});
        });
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Business Goal, Value Impact, Strategic Impact" },
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 29,
          suggestions: 1,
        },
      ],
    },
    {
      name: "an incomplete describe block is reported once for all the tests it covers",
      filename: "orders.test.ts",
      code: dedent`
        import { describe, it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         */
        describe("orders", () => {
          it("creates", () => {});
          it("cancels", () => {});
          describe("payment", () => {
            it("charges", () => {});
          });
        });
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Business Goal, Value Impact, Strategic Impact" },
          line: 4,
          column: 4,
          endLine: 4,
          endColumn: 8,
          suggestions: 1,
        },
      ],
    },
    {
      name: "a describe's block covers only the tests inside it; an inner describe's only its own",
      filename: "orders.test.ts",
      code: dedent`
        import { describe, it } from "vitest";

        describe("orders", () => {
          /**
           * BVJ:
           * - Segment: Enterprise
           * - Business Goal: Retention
           * - Value Impact: Fewer refunds
           * - Strategic Impact: Trust
           */
          describe("payment", () => {
            it("charges", () => {});
          });
          it("creates", () => {});
        });

        it("runs outside", () => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates", sources: ALL_SOURCES }, line: 14, column: 6, endLine: 14, endColumn: 15, suggestions: 1 },
        { messageId: "missingBlock", data: { name: "runs outside", sources: ALL_SOURCES }, line: 17, column: 4, endLine: 17, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "an incomplete top-of-file block covering a test with a complete own block is still reported",
      filename: "orders.test.ts",
      code: dedent`
        /** BVJ: Segment: Enterprise */
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        it("creates an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Segment, Business Goal, Value Impact, Strategic Impact" },
          line: 1,
          column: 5,
          endLine: 1,
          endColumn: 29,
          suggestions: 1,
        },
      ],
    },
    {
      name: "a JSDoc after the first statement is not the file's",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        import { expect } from "vitest";

        it("creates an order", async () => {
          expect(1).toBe(1);
        });
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates an order", sources: ALL_SOURCES }, line: 12, column: 4, endLine: 12, endColumn: 22, suggestions: 1 },
      ],
    },
    {
      name: "class-based suites: each uncovered @test method is reported at its name",
      filename: "orders.test.ts",
      code: dedent`
        import { suite, test } from "@testdeck/mocha";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        @suite
        class OrderSuite {
          @test
          creates() {}
        }

        @suite
        class RefundSuite {
          @test
          refunds() {}

          helper() {}

          @test.skip
          async reverses(): Promise<void> {}
        }
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "refunds", sources: ALL_SOURCES }, line: 19, column: 3, endLine: 19, endColumn: 10, suggestions: 1 },
        { messageId: "missingBlock", data: { name: "reverses", sources: ALL_SOURCES }, line: 24, column: 9, endLine: 24, endColumn: 17, suggestions: 1 },
      ],
    },
    {
      name: "from: ['function'] ignores describe, class-based suite and top-of-file blocks",
      filename: "orders.test.ts",
      options: [{ from: ["function"] }],
      code: dedent`
        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        import { describe, it } from "vitest";
        import { suite, test } from "@testdeck/vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        describe("orders", () => {
          it("creates", () => {});
        });

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        @suite
        class RefundSuite {
          @test
          refunds() {}
        }
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates", sources: "own" }, line: 19, column: 6, endLine: 19, endColumn: 15, suggestions: 1 },
        { messageId: "missingBlock", data: { name: "refunds", sources: "own" }, line: 32, column: 3, endLine: 32, endColumn: 10, suggestions: 1 },
      ],
    },
    {
      name: "from: ['class', 'module'] ignores the test's own JSDoc",
      filename: "orders.test.ts",
      options: [{ from: ["class", "module"] }],
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        it("creates an order", async () => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "creates an order", sources: "class or module" }, line: 10, column: 4, endLine: 10, endColumn: 22, suggestions: 1 },
      ],
    },
    {
      name: "an uncovered .each test is reported at the title of its curried call",
      filename: "orders.test.ts",
      code: dedent`
        import { test } from "vitest";

        test.each([
          [1, 1, 2],
          [2, 2, 4],
        ])("adds %i and %i", (a, b, sum) => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "adds %i and %i", sources: ALL_SOURCES }, line: 6, column: 4, endLine: 6, endColumn: 20, suggestions: 1 },
      ],
    },
    {
      name: "custom fields: missing and placeholder ones are named as configured",
      filename: "orders.test.ts",
      options: [{ fields: ["Owner", "Risk", "Customer Journey"] }],
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - owner: TODO
         * - Segment: Enterprise
         */
        it("creates an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Risk, Customer Journey; Owner is a placeholder ('TODO')" },
          line: 4,
          column: 4,
          endLine: 4,
          endColumn: 8,
          suggestions: 1,
        },
      ],
    },
    {
      name: "custom segments replace the defaults",
      filename: "orders.test.ts",
      options: [{ segments: ["Consumer", "SMB"] }],
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise/SMB
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        it("creates an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "Segment names unknown segment 'Enterprise'" },
          line: 4,
          column: 4,
          endLine: 4,
          endColumn: 8,
        },
      ],
    },
    {
      name: "custom placeholders: \"\" stands for an empty value",
      filename: "orders.test.ts",
      options: [{ placeholders: ["PENDING", ""] }],
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ:
         * - Segment: Enterprise
         * - Business Goal: pending
         * - Value Impact: TODO
         * - Strategic Impact:
         */
        it("creates an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "Business Goal is a placeholder ('pending'); Strategic Impact is empty" },
          line: 4,
          column: 4,
          endLine: 4,
          endColumn: 8,
        },
      ],
    },
    {
      name: "CRLF line endings: the heading's location ends before the carriage return",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * Business Value Justification
         * - Segment: Enterprise
         * - Business Goal:
         */
        it("creates an order", async () => {});
      `.replaceAll("\n", "\r\n"),
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact; Business Goal is empty" },
          line: 4,
          column: 4,
          endLine: 4,
          endColumn: 32,
          suggestions: 1,
        },
      ],
    },
    {
      name: "one complete block does not hide an incomplete one in the same JSDoc",
      filename: "orders.test.ts",
      code: dedent`
        import { it } from "vitest";

        /**
         * BVJ (buyers):
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         *
         * BVJ (sellers):
         * - Segment: Mid
         */
        it("settles an order", async () => {});
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Business Goal, Value Impact, Strategic Impact" },
          line: 10,
          column: 4,
          endLine: 10,
          endColumn: 18,
          suggestions: 1,
        },
      ],
    },
    {
      name: "uncovered tests and incomplete blocks in one file, reported in source order",
      filename: "checkout.spec.ts",
      code: dedent`
        import { test } from "@playwright/test";

        test("comes first", async ({ page }) => {});

        /**
         * Business Value Justification
         * - Segment: Enterprise
         * - Business Goal: Retention
         */
        test.describe("checkout", () => {
          test("pays", async ({ page }) => {});
        });

        /**
         * Business Value Justification:
         * - Segment: Enterprise
         * - Business Goal: Retention
         * - Value Impact: Fewer refunds
         * - Strategic Impact: Trust
         */
        test("is covered", async ({ page }) => {});

        test("comes last", async ({ page }) => {});
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "comes first", sources: ALL_SOURCES }, line: 3, column: 6, endLine: 3, endColumn: 19, suggestions: 1 },
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact" },
          line: 6,
          column: 4,
          endLine: 6,
          endColumn: 32,
          suggestions: 1,
        },
        { messageId: "missingBlock", data: { name: "comes last", sources: ALL_SOURCES }, line: 23, column: 6, endLine: 23, endColumn: 18, suggestions: 1 },
      ],
    },
  ],
});
