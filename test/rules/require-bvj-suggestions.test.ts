/**
 * testaudit/require-bvj's suggestions on Python, with the exact text each one writes (RuleTester also
 * checks that it parses): a template with the configured fields in the docstring of the test, of its
 * class or of the module (the nearest that `from` reads), created at the body's indentation or appended
 * to the docstring there is, whatever its quotes; the missing fields of an incomplete block, written as
 * its fields are. CRLF files and tab indentation are kept. Real ESLint, real tree-sitter.
 */
import type { RuleTester } from "eslint";
import dedent from "dedent";
import { caseTrees } from "../temp-tree.js";
import { at, plugin, pythonRuleTester, type ExpectedError, type Span } from "../rule-tester.js";

const rule = plugin.rules["require-bvj"];
const { inTree } = caseTrees("testaudit-bvj-suggestions-");

const ALL_SOURCES = "own, class or module";
const FILENAME = "test_checkout.py";

/** A missingBlock report and its one suggestion, which writes `output` into `target`. */
function missing(name: string, span: Span, target: string, output: string, sources = ALL_SOURCES): ExpectedError & { suggestions: RuleTester.SuggestionOutput[] } {
  return {
    messageId: "missingBlock",
    data: { name, sources },
    ...span,
    suggestions: [{ messageId: "insertBlock", data: { target }, output }],
  };
}

/** An incompleteBlock report whose suggestion adds `fields` (quoted as the message lists them). */
function incomplete(problems: string, span: Span, fields: string, output: string): ExpectedError & { suggestions: RuleTester.SuggestionOutput[] } {
  return { messageId: "incompleteBlock", data: { problems }, ...span, suggestions: [{ messageId: "addFields", data: { fields }, output }] };
}

const TEMPLATE = [
  "Business Value Justification:",
  "- Segment: TODO",
  "- Business Goal: TODO",
  "- Value Impact: TODO",
  "- Strategic Impact: TODO",
];

/** The template at `indent`, each line ending with `lineBreak` (the first line is the caller's). */
function template(indent: string, lineBreak = "\n"): string {
  return TEMPLATE.map((line, index) => (index === 0 ? line : `${indent}${line}`)).join(lineBreak);
}

pythonRuleTester.run("require-bvj suggestions", rule, {
  valid: [],
  invalid: [
    {
      name: "no docstring: a new one, the first statement of the body, at its indentation",
      filename: FILENAME,
      code: "def test_checkout(api):\n    assert api.post('/checkout').ok\n",
      errors: [
        missing("test_checkout", at(1, 5, 18), "the test's docstring", `def test_checkout(api):\n    """${template("    ")}\n    """\n    assert api.post('/checkout').ok\n`),
      ],
    },
    {
      name: "no docstring after a comment: the docstring goes before the first statement, under the comment",
      filename: FILENAME,
      code: "class TestCart:\n    def test_add(self):\n        # the cart starts empty\n        assert True\n",
      errors: [
        missing(
          "test_add",
          at(2, 9, 17),
          "the test's docstring",
          `class TestCart:\n    def test_add(self):\n        # the cart starts empty\n        """${template("        ")}\n        """\n        assert True\n`,
        ),
      ],
    },
    {
      name: "a body on the line of the def moves to lines of its own, indented one level of the file",
      filename: FILENAME,
      code: "class TestCart:\n  def test_add(self): assert True\n",
      errors: [missing("test_add", at(2, 7, 15), "the test's docstring", `class TestCart:\n  def test_add(self):\n    """${template("    ")}\n    """\n    assert True\n`)],
    },
    {
      name: "a one-line docstring: the block after a blank line, the closing quotes on their own line",
      filename: FILENAME,
      code: 'async def test_checkout():\n    """Checkout succeeds."""\n    assert True\n',
      errors: [
        missing("test_checkout", at(1, 11, 24), "the test's docstring", `async def test_checkout():\n    """Checkout succeeds.\n\n    ${template("    ")}\n    """\n    assert True\n`),
      ],
    },
    {
      name: "a docstring whose closing quotes have a line of their own keeps them there",
      filename: FILENAME,
      code: dedent`
        def test_checkout():
            """Checkout succeeds.

            With a saved card.
            """
      `,
      errors: [
        missing(
          "test_checkout",
          at(1, 5, 18),
          "the test's docstring",
          `def test_checkout():\n    """Checkout succeeds.\n\n    With a saved card.\n\n    ${template("    ")}\n    """`,
        ),
      ],
    },
    {
      name: "single quotes and a raw prefix: the docstring becomes triple-quoted, its prefix and quote kept",
      filename: FILENAME,
      code: "def test_a():\n    'Checks a.'\n\n\ndef test_b():\n    r\"Checks \\d.\"\n",
      errors: [
        missing("test_a", at(1, 5, 11), "the test's docstring", `def test_a():\n    '''Checks a.\n\n    ${template("    ")}\n    '''\n\n\ndef test_b():\n    r"Checks \\d."\n`),
        missing("test_b", at(5, 5, 11), "the test's docstring", `def test_a():\n    'Checks a.'\n\n\ndef test_b():\n    r"""Checks \\d.\n\n    ${template("    ")}\n    """\n`),
      ],
    },
    {
      name: "CRLF line ends and tab indentation are kept",
      filename: FILENAME,
      code: 'class TestCart:\r\n\tdef test_add(self):\r\n\t\tpass\r\n\r\n\tdef test_remove(self):\r\n\t\t"""Removes."""\r\n',
      errors: [
        missing("test_add", at(2, 6, 14), "the test's docstring", `class TestCart:\r\n\tdef test_add(self):\r\n\t\t"""${template("\t\t", "\r\n")}\r\n\t\t"""\r\n\t\tpass\r\n\r\n\tdef test_remove(self):\r\n\t\t"""Removes."""\r\n`),
        missing("test_remove", at(5, 6, 17), "the test's docstring", `class TestCart:\r\n\tdef test_add(self):\r\n\t\tpass\r\n\r\n\tdef test_remove(self):\r\n\t\t"""Removes.\r\n\r\n\t\t${template("\t\t", "\r\n")}\r\n\t\t"""\r\n`),
      ],
    },
    {
      name: "the configured fields make the template",
      filename: FILENAME,
      options: [{ fields: ["Owner", "Risk"] }],
      code: "def test_payout():\n    pass\n",
      errors: [missing("test_payout", at(1, 5, 16), "the test's docstring", 'def test_payout():\n    """Business Value Justification:\n    - Owner: TODO\n    - Risk: TODO\n    """\n    pass\n')],
    },
    {
      name: "from: ['class']: into the class's docstring, created or appended to, once per uncovered test",
      filename: FILENAME,
      options: [{ from: ["class"] }],
      code: 'class TestCart:\n    def test_add(self):\n        pass\n\n\nclass TestOrders:\n    """Orders."""\n\n    def test_create(self):\n        pass\n',
      errors: [
        missing(
          "test_add",
          at(2, 9, 17),
          "the docstring of class 'TestCart'",
          `class TestCart:\n    """${template("    ")}\n    """\n    def test_add(self):\n        pass\n\n\nclass TestOrders:\n    """Orders."""\n\n    def test_create(self):\n        pass\n`,
          "class",
        ),
        missing(
          "test_create",
          at(9, 9, 20),
          "the docstring of class 'TestOrders'",
          `class TestCart:\n    def test_add(self):\n        pass\n\n\nclass TestOrders:\n    """Orders.\n\n    ${template("    ")}\n    """\n\n    def test_create(self):\n        pass\n`,
          "class",
        ),
      ],
    },
    {
      name: "from: ['class', 'module']: a module-level test has no class, so the module docstring takes it, after the comments at the top",
      filename: FILENAME,
      options: [{ from: ["class", "module"] }],
      code: "#!/usr/bin/env python\n# Checkout tests.\nimport httpx\n\n\ndef test_checkout():\n    assert httpx\n",
      errors: [
        missing(
          "test_checkout",
          at(6, 5, 18),
          "the module docstring",
          `#!/usr/bin/env python\n# Checkout tests.\n"""${template("")}\n"""\n\nimport httpx\n\n\ndef test_checkout():\n    assert httpx\n`,
          "class or module",
        ),
      ],
    },
    {
      name: "from: ['module']: appended to the module docstring there is",
      filename: FILENAME,
      options: [{ from: ["module"] }],
      code: '"""Checkout tests."""\n\n\ndef test_checkout():\n    pass\n',
      errors: [missing("test_checkout", at(4, 5, 18), "the module docstring", `"""Checkout tests.\n\n${template("")}\n"""\n\n\ndef test_checkout():\n    pass\n`, "module")],
    },
    {
      name: "a test inherited from a base class in the same file: into the base's method, where the test is defined",
      filename: FILENAME,
      code: "class Base:\n    def test_ping(self):\n        pass\n\n\nclass TestApi(Base):\n    pass\n",
      errors: [missing("test_ping", at(2, 9, 18), "the test's docstring", `class Base:\n    def test_ping(self):\n        """${template("        ")}\n        """\n        pass\n\n\nclass TestApi(Base):\n    pass\n`)],
    },
    inTree(
      { "pytest.ini": "[pytest]\n", "tests/base.py": "class Base:\n    def test_ping(self):\n        pass\n" },
      "tests/test_api.py",
      {
        name: "a test inherited from another file: its own docstring is there, so the class's here takes the block",
        code: "from base import Base\n\n\nclass TestApi(Base):\n    pass\n",
        errors: [missing("test_ping", at(4, 7, 14), "the docstring of class 'TestApi'", `from base import Base\n\n\nclass TestApi(Base):\n    """${template("    ")}\n    """\n    pass\n`)],
      },
    ),
    {
      name: "missing fields: after the last field, with its indentation and bullet",
      filename: FILENAME,
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: Retention
            """
      `,
      errors: [
        incomplete(
          "missing Value Impact, Strategic Impact",
          at(2, 8, 12),
          "'Value Impact' and 'Strategic Impact'",
          'def test_checkout():\n    """BVJ:\n    - Segment: Enterprise\n    - Business Goal: Retention\n    - Value Impact: TODO\n    - Strategic Impact: TODO\n    """',
        ),
      ],
    },
    {
      name: "missing fields: numbered and bold, after the lines that continue the last one, before closing quotes on its line",
      filename: FILENAME,
      code: dedent`
        def test_a():
            """BVJ:
            1. **Segment**: Enterprise
            2. **Business Goal**: Retention,
                even after a restart
            """


        def test_b():
            """BVJ:
            * Segment: Mid
            * Business Goal: Growth"""
      `,
      errors: [
        incomplete(
          "missing Value Impact, Strategic Impact",
          at(2, 8, 12),
          "'Value Impact' and 'Strategic Impact'",
          'def test_a():\n    """BVJ:\n    1. **Segment**: Enterprise\n    2. **Business Goal**: Retention,\n        even after a restart\n    3. **Value Impact**: TODO\n    4. **Strategic Impact**: TODO\n    """\n\n\ndef test_b():\n    """BVJ:\n    * Segment: Mid\n    * Business Goal: Growth"""',
        ),
        incomplete(
          "missing Value Impact, Strategic Impact",
          at(10, 8, 12),
          "'Value Impact' and 'Strategic Impact'",
          'def test_a():\n    """BVJ:\n    1. **Segment**: Enterprise\n    2. **Business Goal**: Retention,\n        even after a restart\n    """\n\n\ndef test_b():\n    """BVJ:\n    * Segment: Mid\n    * Business Goal: Growth\n    * Value Impact: TODO\n    * Strategic Impact: TODO"""',
        ),
      ],
    },
    {
      name: "missing fields of a heading with none: bulleted under the heading; CRLF kept",
      filename: FILENAME,
      code: 'def test_checkout():\r\n    """Business Value Justification\r\n    """\r\n',
      errors: [
        incomplete(
          "missing Segment, Business Goal, Value Impact, Strategic Impact",
          at(2, 8, 36),
          "'Segment', 'Business Goal', 'Value Impact' and 'Strategic Impact'",
          'def test_checkout():\r\n    """Business Value Justification\r\n    - Segment: TODO\r\n    - Business Goal: TODO\r\n    - Value Impact: TODO\r\n    - Strategic Impact: TODO\r\n    """\r\n',
        ),
      ],
    },
    {
      name: "a block with placeholders only has nothing to add: no suggestion",
      filename: FILENAME,
      code: dedent`
        def test_checkout():
            """BVJ:
            - Segment: Enterprise
            - Business Goal: TODO
            - Value Impact: TODO
            - Strategic Impact: TODO
            """
      `,
      errors: [
        {
          messageId: "incompleteBlock",
          data: { problems: "Business Goal is a placeholder ('TODO'); Value Impact is a placeholder ('TODO'); Strategic Impact is a placeholder ('TODO')" },
          ...at(2, 8, 12),
          suggestions: [],
        },
      ],
    },
  ],
});
