/**
 * The rules on tests a file gets from other files, which pytest collects there: test methods inherited
 * from a base class or mixin in another file (counted and reported at the subclass), `__test__` and
 * `__init__` inherited from there, and test classes and functions imported into a test module. Which
 * tests these are is checked against real pytest in test/model/pytest-oracle.test.ts; here, what each
 * rule reports about them. Real ESLint (RuleTester), real tree-sitter, real files in temporary folders.
 */
import dedent from "dedent";
import { caseTrees } from "../temp-tree.js";
import { at, plugin, pythonRuleTester } from "../rule-tester.js";

const { inTree } = caseTrees("testaudit-cross-file-");

/** `tests/` is a package, so the tree's root is an import root. */
const SUPPORT = {
  "tests/__init__.py": "",
  "support/__init__.py": "",
  "support/checks.py": dedent`
    class OrderChecks:
        """Shared checks of every order service.

        Business Value Justification:
        - Segment: Enterprise
        - Business Goal: Orders are never lost
        - Value Impact: Checkout revenue
        - Strategic Impact: Platform trust
        """

        def test_order_is_stored(self):
            pass

        def test_order_total(self):
            """Business Value Justification:
            - Segment: Enterprise
            - Business Goal: TBD
            """

        def helper(self):
            pass


    class AbstractChecks:
        __test__ = False

        def test_hidden(self):
            pass
  `,
};

const TEST_FILE = "tests/test_orders.py";

pythonRuleTester.run("max-tests-per-file (tests inherited from and imported from other files)", plugin.rules["max-tests-per-file"], {
  valid: [
    inTree(SUPPORT, TEST_FILE, {
      name: "two own tests and two inherited ones are four",
      options: [{ max: 4 }],
      code: dedent`
        from support.checks import OrderChecks


        class TestOrders(OrderChecks):
            def test_refund(self):
                pass

            def test_cancel(self):
                pass
      `,
    }),
    inTree(SUPPORT, TEST_FILE, {
      name: "a base whose __test__ = False is inherited collects nothing",
      options: [{ max: 0 }],
      code: dedent`
        from support.checks import AbstractChecks


        class TestHidden(AbstractChecks):
            def test_own(self):
                pass
      `,
    }),
  ],
  invalid: [
    inTree(SUPPORT, TEST_FILE, {
      name: "inherited tests count, at the subclass's name, so the fifth test in the file's order is its last own one",
      options: [{ max: 4 }],
      code: dedent`
        from support.checks import OrderChecks


        class TestOrders(OrderChecks):
            def test_refund(self):
                pass

            def test_cancel(self):
                pass

            def test_retry(self):
                pass
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "5", max: "4" }, ...at(11, 9, 19) }],
    }),
    inTree(SUPPORT, TEST_FILE, {
      name: "a test class imported into a test module is collected there too",
      options: [{ max: 1 }],
      code: dedent`
        from support.checks import OrderChecks as TestSharedOrders
      `,
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, ...at(1, 28, 59) }],
    }),
  ],
});

pythonRuleTester.run("require-bvj (tests inherited from other files)", plugin.rules["require-bvj"], {
  valid: [],
  invalid: [
    inTree(SUPPORT, TEST_FILE, {
      name: "an inherited test's incomplete block is reported at the subclass, naming where the block is",
      code: dedent`
        from support.checks import OrderChecks


        class TestOrders(OrderChecks):
            """Business Value Justification:
            - Segment: Enterprise
            - Business Goal: Refunds reach the customer
            - Value Impact: Support cost
            - Strategic Impact: Retention
            """

            def test_refund(self):
                pass
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "missing Value Impact, Strategic Impact; Business Goal is a placeholder ('TBD') (the block is in ../support/checks.py:15)" },
          ...at(4, 7, 17),
        },
      ],
    }),
  ],
});

pythonRuleTester.run("require-base-class (test classes imported from other files)", plugin.rules["require-base-class"], {
  valid: [],
  invalid: [
    inTree(SUPPORT, TEST_FILE, {
      name: "an imported test class is checked where it is imported, under its name there",
      options: [{ bases: ["IntegrationBase"] }],
      code: dedent`
        from support.checks import OrderChecks as TestSharedOrders
      `,
      errors: [{ messageId: "missingBase", data: { name: "TestSharedOrders", bases: "'IntegrationBase'" }, ...at(1, 28, 59) }],
    }),
  ],
});
