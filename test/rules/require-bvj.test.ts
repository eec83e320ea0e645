/**
 * testaudit/require-bvj: every collected test is covered by a complete Business Value Justification
 * block in its own, its class's (or an enclosing class's) or the module's docstring.
 */
import dedent from "dedent";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { plugin, pythonRuleTester } from "../rule-tester.js";

const rule = plugin.rules["require-bvj"] as never;
const ALL_SOURCES = "own, class or module";

pythonRuleTester.run("require-bvj", rule, {
  valid: [
    {
      name: "own docstring, '-' bullets and the full heading",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """Checkout succeeds with a saved card.

            Business Value Justification:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Customers can pay without re-entering cards
            - Strategic Impact: Protects recurring revenue
            """
      `,
    },
    {
      name: "'*' bullets under a BVJ heading",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ:
            * Segment: Mid
            * Business Goal: Conversion
            * Value Impact: Fewer abandoned carts
            * Strategic Impact: Growth
            """
      `,
    },
    {
      name: "'•' bullets, with and without a space",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ
            • Segment: Free
            • Business Goal: Activation
            •Value Impact: New users finish onboarding
            •Strategic Impact: Funnel
            """
      `,
    },
    {
      name: "numbered fields (1. and 2))",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """Business Value Justification
            1. Segment: Early
            2. Business Goal: Validation
            3) Value Impact: Early adopters can pay
            4) Strategic Impact: Product-market fit
            """
      `,
    },
    {
      name: "plain field lines, field names in any case",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """bvj is only a heading in capitals; the phrase is one in any case.

            business value justification
            segment: enterprise
            BUSINESS GOAL: Retention
            value impact: Fewer refunds
            Strategic impact: Trust
            """
      `,
    },
    {
      name: "markdown bold field names, bold around the name or the name and colon",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """**Business Value Justification (BVJ)**

            - **Segment**: Mid/Enterprise
            - **Business Goal:** Expansion
            - **Value Impact**: Larger carts
            - **Strategic Impact**: Upsell
            """
      `,
    },
    {
      name: "continuation lines, including a value that starts on the next line",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ:
              Segment: Enterprise
              Business Goal: Keep large customers
                who pay yearly
              Value Impact:
                Fewer failed renewals
              Strategic Impact: Trust
            """
      `,
    },
    {
      name: "blank lines between fields",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ:

            - Segment: Enterprise

            - Business Goal: Retention


            - Value Impact: Fewer refunds

            - Strategic Impact: Trust
            """
      `,
    },
    {
      name: "segments combined with '/' and ',', and Platform/Internal as one segment",
      filename: "test_checkout.py",
      code: dedent`
        def test_free_and_early():
            """BVJ:
            - Segment: Free, Early
            - Business Goal: Activation
            - Value Impact: Onboarding
            - Strategic Impact: Funnel
            """

        def test_platform():
            """BVJ:
            - Segment: Platform/Internal
            - Business Goal: Reliability
            - Value Impact: Faster deploys
            - Strategic Impact: Velocity
            """

        def test_sentence():
            """BVJ:
            - Segment: Enterprise.
            - Business Goal: Reliability
            - Value Impact: Faster deploys
            - Strategic Impact: Velocity
            """

        def test_platform_and_enterprise():
            """BVJ:
            - Segment: Platform/Internal, Enterprise (SSO customers)
            - Business Goal: Reliability
            - Value Impact: Faster deploys
            - Strategic Impact: Velocity
            """
      `,
    },
    {
      name: "values that only start like a placeholder are real values",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: TODOs get closed faster
            - Value Impact: N/Assessed risk goes down
            - Strategic Impact: TBDs disappear from the roadmap
            """
      `,
    },
    {
      name: "a field value that mentions BVJ stays in its block",
      filename: "test_checkout.py",
      code: dedent`
        def test_bvj_report():
            """BVJ:
            - Segment: Platform/Internal
            - Business Goal: Every test carries a BVJ
            - Value Impact: Auditors read the BVJ report
            - Strategic Impact: Compliance
            """
      `,
    },
    {
      name: "raw and single-quoted docstrings are docstrings",
      filename: "test_checkout.py",
      code: dedent`
        def test_raw():
            r"""BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """

        def test_single_quoted():
            '''BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            '''
      `,
    },
    {
      name: "an inherited test is covered by the docstring of the class that defines it",
      filename: "test_checkout.py",
      code: dedent`
        class TestCheckoutBase:
            """BVJ:
            - Segment: Mid
            - Business Goal: Conversion
            - Value Impact: Fewer abandoned carts
            - Strategic Impact: Revenue
            """

            def test_total(self):
                pass


        class TestExpressCheckout(TestCheckoutBase):
            pass
      `,
    },
    {
      name: "a class docstring covers its methods",
      filename: "test_checkout.py",
      code: dedent`
        class TestCheckout:
            """Checkout flows.

            BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """

            def test_card(self):
                pass

            async def test_wallet(self):
                pass
      `,
    },
    {
      name: "an enclosing class's docstring covers the methods of nested classes",
      filename: "test_checkout.py",
      code: dedent`
        class TestCheckout:
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """

            class TestCards:
                class TestVisa:
                    def test_charge(self):
                        pass
      `,
    },
    {
      name: "the module docstring covers every test",
      filename: "test_checkout.py",
      code: dedent`
        """Checkout tests.

        Business Value Justification:
        - Segment: Enterprise
        - Business Goal: Retention
        - Value Impact: Fewer refunds
        - Strategic Impact: Trust
        """
        import pytest


        def test_card():
            pass


        @pytest.mark.parametrize("amount", [1, 2])
        def test_amounts(amount):
            pass


        class TestWallet:
            def test_apple_pay(self):
                pass
      `,
    },
    {
      name: "a unittest.TestCase class docstring covers its test methods",
      filename: "test_checkout.py",
      code: dedent`
        import unittest


        class CheckoutCase(unittest.TestCase):
            """BVJ:
            - Segment: Mid
            - Business Goal: Conversion
            - Value Impact: Fewer abandoned carts
            - Strategic Impact: Growth
            """

            def test_card(self):
                pass
      `,
    },
    {
      name: "what pytest does not collect needs no block",
      filename: "test_checkout.py",
      code: dedent`
        import pytest
        import unittest


        def helper():
            pass


        @pytest.fixture
        def test_data():
            return 1


        class Helpers:
            def test_like_name(self):
                pass


        class TestWithInit:
            def __init__(self):
                pass

            def test_never_collected(self):
                pass


        class CheckoutCase(unittest.TestCase):
            """BVJ:
            - Segment: Mid
            - Business Goal: Conversion
            - Value Impact: Fewer abandoned carts
            - Strategic Impact: Growth
            """

            def setUp(self):
                pass

            def check_not_a_test(self):
                pass

            def test_card(self):
                pass
      `,
    },
    {
      name: "a file pytest does not collect has no tests to cover",
      filename: "helpers.py",
      code: dedent`
        def test_looks_like_a_test():
            pass
      `,
    },
    {
      name: "from: ['function'] with complete own blocks",
      filename: "test_checkout.py",
      options: [{ from: ["function"] }],
      code: dedent`
        """BVJ: this module block is incomplete and is not one of the sources."""


        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
    },
    {
      name: "custom fields",
      filename: "test_checkout.py",
      options: [{ fields: ["Owner", "Risk"] }],
      code: dedent`
        def test_checkout():
            """BVJ:
            - Owner: payments team
            - Risk: Lost revenue
            """
      `,
    },
    {
      name: "custom segments",
      filename: "test_checkout.py",
      options: [{ segments: ["Consumer", "SMB", "Gov/Defense"] }],
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: SMB/Gov/Defense, consumer
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
    },
    {
      name: "custom placeholders replace the defaults",
      filename: "test_checkout.py",
      options: [{ placeholders: ["PENDING"] }],
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: TODO
            - Value Impact: ...
            - Strategic Impact:
            """
      `,
    },
    {
      name: "CRLF line endings",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
              for yearly plans
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `.replaceAll("\n", "\r\n"),
    },
    {
      name: "several complete blocks in one docstring",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ (buyers):
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust

            BVJ (sellers):
            - Segment: Mid
            - Business Goal: Payouts
            - Value Impact: Faster payouts
            - Strategic Impact: Marketplace growth
            """
      `,
    },
  ],

  invalid: [
    {
      name: "no docstring at all",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            pass
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_checkout", sources: ALL_SOURCES }, line: 1, column: 5, endLine: 1, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "a docstring without a block; async tests too",
      filename: "test_checkout.py",
      code: dedent`
        async def test_checkout():
            """Checkout works; Segment: Enterprise is not a block without its heading."""
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_checkout", sources: ALL_SOURCES }, line: 1, column: 11, endLine: 1, endColumn: 24, suggestions: 1 },
      ],
    },
    {
      name: "a block in '#' comments does not count",
      filename: "test_checkout.py",
      code: dedent`
        # Business Value Justification:
        # - Segment: Enterprise
        # - Business Goal: Retention
        # - Value Impact: Fewer refunds
        # - Strategic Impact: Trust
        def test_checkout():
            # BVJ:
            # - Segment: Enterprise
            # - Business Goal: Retention
            # - Value Impact: Fewer refunds
            # - Strategic Impact: Trust
            pass
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_checkout", sources: ALL_SOURCES }, line: 6, column: 5, endLine: 6, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "an f-string is not a docstring",
      filename: "test_checkout.py",
      code: dedent`
        SEGMENT = "Enterprise"


        def test_checkout():
            f"""BVJ:
            - Segment: {SEGMENT}
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_checkout", sources: ALL_SOURCES }, line: 4, column: 5, endLine: 4, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "a string after the first statement is not a docstring",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            x = 1
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_checkout", sources: ALL_SOURCES }, line: 1, column: 5, endLine: 1, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "an incomplete block is reported once at its heading, naming every problem; the test is not reported again",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """Checkout.

            Business Value Justification:
            - Segment: Gold
            - Business Goal: TBD
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact; Business Goal is a placeholder ('TBD'); Segment names unknown segment 'Gold'" },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 34,
          suggestions: 1,
        },
      ],
    },
    {
      name: "every default placeholder: TODO (any case, with a note), TBD, N/A, empty and '...'",
      filename: "test_checkout.py",
      code: dedent`
        def test_a():
            """BVJ:
            - Segment: todo: pick one
            - Business Goal: n/a
            - Value Impact: ...
            - Strategic Impact:
            """

        def test_b():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: TODO
            - Value Impact: TBD - ask product
            - Strategic Impact: \`\`
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: {
            problems:
              "Segment is a placeholder ('todo: pick one'); Business Goal is a placeholder ('n/a'); Value Impact is a placeholder ('...'); Strategic Impact is empty",
          },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
        },
        {
          messageId: "incompleteBlock",
          data: {
            problems:
              "Business Goal is a placeholder ('TODO'); Value Impact is a placeholder ('TBD - ask product'); Strategic Impact is a placeholder ('``')",
          },
          line: 10,
          column: 8,
          endLine: 10,
          endColumn: 12,
        },
      ],
    },
    {
      name: "a heading with no fields",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ"""
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Segment, Business Goal, Value Impact, Strategic Impact" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 11,
          suggestions: 1,
        },
      ],
    },
    {
      name: "CRLF line endings: the heading's location ends before the carriage return",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """Business Value Justification
            - Segment: Enterprise
            - Business Goal:
            """
      `.replaceAll("\n", "\r\n"),
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact; Business Goal is empty" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 36,
          suggestions: 1,
        },
      ],
    },
    {
      name: "a line that is neither a field nor a continuation ends the block",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            This sentence ends the block.
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
          suggestions: 1,
        },
      ],
    },
    {
      name: "unknown segments, one or several, and Platform without Internal",
      filename: "test_checkout.py",
      code: dedent`
        def test_a():
            """BVJ:
            - Segment: Mid/Gold
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """

        def test_b():
            """BVJ:
            - Segment: Gold, Silver
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """

        def test_c():
            """BVJ:
            - Segment: Platform
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
      errors: [
        { messageId: "incompleteBlock", data: { problems: "Segment names unknown segment 'Gold'" }, line: 2, column: 8, endLine: 2, endColumn: 12 },
        {
          messageId: "incompleteBlock",
          data: { problems: "Segment names unknown segments 'Gold' and 'Silver'" },
          line: 10,
          column: 8,
          endLine: 10,
          endColumn: 12,
        },
        { messageId: "incompleteBlock", data: { problems: "Segment names unknown segment 'Platform'" }, line: 18, column: 8, endLine: 18, endColumn: 12 },
      ],
    },
    {
      name: "an incomplete class block is reported once for all the methods it covers",
      filename: "test_checkout.py",
      code: dedent`
        class TestCheckout:
            """BVJ:
            - Segment: Enterprise
            """

            def test_card(self):
                pass

            def test_wallet(self):
                pass
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Business Goal, Value Impact, Strategic Impact" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
          suggestions: 1,
        },
      ],
    },
    {
      name: "one complete block does not hide an incomplete one in the same docstring",
      filename: "test_checkout.py",
      code: dedent`
        def test_checkout():
            """BVJ (buyers):
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust

            BVJ (sellers):
            - Segment: Mid
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Business Goal, Value Impact, Strategic Impact" },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 19,
          suggestions: 1,
        },
      ],
    },
    {
      name: "an incomplete module block covering a test with a complete own block is still reported",
      filename: "test_checkout.py",
      code: dedent`
        """BVJ: Segment: Enterprise"""


        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Segment, Business Goal, Value Impact, Strategic Impact" },
          line: 1,
          column: 4,
          endLine: 1,
          endColumn: 28,
          suggestions: 1,
        },
      ],
    },
    {
      name: "from: ['function'] ignores class and module blocks",
      filename: "test_checkout.py",
      options: [{ from: ["function"] }],
      code: dedent`
        """BVJ:
        - Segment: Enterprise
        """


        class TestCheckout:
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """

            def test_card(self):
                pass
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_card", sources: "own" }, line: 14, column: 9, endLine: 14, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "from: ['class', 'module'] ignores the test's own docstring",
      filename: "test_checkout.py",
      options: [{ from: ["class", "module"] }],
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_checkout", sources: "class or module" }, line: 1, column: 5, endLine: 1, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "nested classes: only classes pytest collects bring tests, each reported at its name",
      filename: "test_checkout.py",
      code: dedent`
        class TestCheckout:
            class TestCards:
                """BVJ:
                - Segment: Enterprise
                - Business Goal: Retention
                - Value Impact: Fewer refunds
                - Strategic Impact: Trust
                """

                class TestVisa:
                    def test_charge(self):
                        pass

            class TestWallets:
                def test_apple_pay(self):
                    pass

            class Helpers:
                def test_not_collected(self):
                    pass
      `,
      errors: [
        {
          messageId: "missingBlock",
          data: { name: "test_apple_pay", sources: ALL_SOURCES },
          line: 15,
          column: 13,
          endLine: 15,
          endColumn: 27,
          suggestions: 1,
        },
      ],
    },
    {
      name: "unittest.TestCase subclasses: only test* methods are tests, whatever the class name",
      filename: "test_checkout.py",
      code: dedent`
        from unittest import TestCase


        class CheckoutChecks(TestCase):
            def setUp(self):
                pass

            def helper(self):
                pass

            def test_card(self):
                pass
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_card", sources: ALL_SOURCES }, line: 11, column: 9, endLine: 11, endColumn: 18, suggestions: 1 },
      ],
    },
    {
      name: "custom fields: missing and placeholder ones are named as configured",
      filename: "test_checkout.py",
      options: [{ fields: ["Owner", "Risk", "Customer Journey"] }],
      code: dedent`
        def test_checkout():
            """BVJ:
            - owner: TODO
            - Segment: Enterprise
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Risk, Customer Journey; Owner is a placeholder ('TODO')" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
          suggestions: 1,
        },
      ],
    },
    {
      name: "custom segments replace the defaults",
      filename: "test_checkout.py",
      options: [{ segments: ["Consumer", "SMB"] }],
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise/SMB
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "Segment names unknown segment 'Enterprise'" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      name: "custom placeholders: \"\" stands for an empty value",
      filename: "test_checkout.py",
      options: [{ placeholders: ["PENDING", ""] }],
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: pending
            - Value Impact: TODO
            - Strategic Impact:
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "Business Goal is a placeholder ('pending'); Strategic Impact is empty" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 12,
        },
      ],
    },
    {
      name: "uncovered tests and incomplete blocks in one file, reported in source order",
      filename: "test_checkout.py",
      code: dedent`
        def test_first():
            pass


        class TestCheckout:
            """Business Value Justification
            - Segment: Enterprise
            - Business Goal: Retention
            """

            def test_card(self):
                pass


        def test_last():
            """Business Value Justification:
            - Segment: Enterprise
            - Business Goal: Retention
            - Value Impact: Fewer refunds
            - Strategic Impact: Trust
            """


        def test_really_last():
            pass
      `,
      errors: [
        { messageId: "missingBlock", data: { name: "test_first", sources: ALL_SOURCES }, line: 1, column: 5, endLine: 1, endColumn: 15, suggestions: 1 },
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact" },
          line: 6,
          column: 8,
          endLine: 6,
          endColumn: 36,
          suggestions: 1,
        },
        { messageId: "missingBlock", data: { name: "test_really_last", sources: ALL_SOURCES }, line: 24, column: 5, endLine: 24, endColumn: 21, suggestions: 1 },
      ],
    },
  ],
});

function lint(code: string, ruleOptions: unknown): Linter.LintMessage[] {
  const linter = new Linter();
  return linter.verify(
    code,
    [
      {
        files: ["**/*.py"],
        language: "testaudit/python",
        plugins: { testaudit: plugin },
        rules: { "testaudit/require-bvj": ["error", ruleOptions] },
      },
    ],
    "test_checkout.py",
  );
}

describe("require-bvj options schema", () => {
  const cases: { name: string; options: unknown; message: RegExp }[] = [
    { name: "an unknown source in from", options: { from: ["file"] }, message: /Value "file" should be equal to one of the allowed values/u },
    { name: "from as a string", options: { from: "function" }, message: /Value "function" should be array/u },
    { name: "an empty from", options: { from: [] }, message: /Value \[\] should NOT have fewer than 1 items/u },
    { name: "an empty fields list", options: { fields: [] }, message: /Value \[\] should NOT have fewer than 1 items/u },
    { name: "an empty field name", options: { fields: [""] }, message: /Value "" should NOT be shorter than 1 characters/u },
    { name: "duplicate segments", options: { segments: ["Mid", "Mid"] }, message: /Value \["Mid","Mid"\] should NOT have duplicate items/u },
    { name: "a placeholder that is not a string", options: { placeholders: [1] }, message: /Value 1 should be string/u },
    { name: "a misspelt option", options: { feilds: ["Segment"] }, message: /Unexpected property "feilds"\. Expected properties: "from", "fields", "segments", "placeholders"/u },
  ];
  for (const { name, options, message } of cases) {
    it(`rejects ${name}`, () => {
      // ESLint's message names the rule and the offending value; a misspelt key is named as such.
      expect(() => lint("def test_a():\n    pass\n", options)).toThrow(/Key "rules": Key "testaudit\/require-bvj":/u);
      expect(() => lint("def test_a():\n    pass\n", options)).toThrow(message);
    });
  }

  it("accepts every option together", () => {
    const messages = lint("def test_a():\n    pass\n", {
      from: ["module", "function"],
      fields: ["Owner"],
      segments: [],
      placeholders: [""],
    });
    expect(messages.map((message) => message.message)).toEqual([
      "Test 'test_a' has no Business Value Justification block in its module or own docstring.",
    ]);
  });
});

describe("require-bvj on hostile docstrings", () => {
  const MEGABYTE = 1024 * 1024;
  const completeOwnBlock = [
    "BVJ:",
    "- Segment: Enterprise",
    "- Business Goal: Retention",
    "- Value Impact: Fewer refunds",
    "- Strategic Impact: Trust",
  ].join("\n    ");
  const bodies: { name: string; body: string; from: string[]; expected: string[] }[] = [
    {
      name: "many BVJ lines",
      body: "BVJ\n".repeat(MEGABYTE / 4),
      // The module docstring is read but is not a source here, so its 262144 blocks are not reported one by one.
      from: ["function"],
      expected: [],
    },
    {
      name: "many 'a:' field lines",
      body: `BVJ\n${"a:\n".repeat(MEGABYTE / 3)}`,
      from: ["module"],
      expected: ["Business Value Justification block is incomplete: missing Segment, Business Goal, Value Impact, Strategic Impact."],
    },
    {
      name: "long lines without colons",
      body: `BVJ\nSegment: Enterprise\n${`${"x".repeat(10_000)}\n`.repeat(100)}${"y".repeat(MEGABYTE / 2)}`,
      from: ["module"],
      expected: ["Business Value Justification block is incomplete: missing Business Goal, Value Impact, Strategic Impact."],
    },
    {
      name: "many continuation lines",
      body: `BVJ\nSegment: Enterprise\nBusiness Goal: Retention\nValue Impact: Fewer refunds\nStrategic Impact:\n${"  more\n".repeat(MEGABYTE / 7)}`,
      from: ["module"],
      expected: [],
    },
    {
      name: "one long run of white space after the heading phrase's first word",
      body: `BVJ\nBusiness${" ".repeat(MEGABYTE)}value`,
      from: ["module"],
      expected: ["Business Value Justification block is incomplete: missing Segment, Business Goal, Value Impact, Strategic Impact."],
    },
  ];
  for (const { name, body, from, expected } of bodies) {
    it(`stays linear on a 1 MB module docstring of ${name}`, () => {
      const code = `"""${body}"""\n\n\ndef test_a():\n    """${completeOwnBlock}\n    """\n`;
      expect(code.length).toBeGreaterThan(MEGABYTE * 0.99);
      const started = performance.now();
      const messages = lint(code, { from });
      const elapsed = performance.now() - started;
      expect(messages.map((message) => message.message)).toEqual(expected);
      // Quadratic work on 1 MB takes minutes; linear work takes well under a second.
      expect(elapsed).toBeLessThan(5000);
    });
  }
});
