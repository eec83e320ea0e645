import dedent from "dedent";
import { pythonRuleTester, plugin } from "../rule-tester.js";

pythonRuleTester.run("max-tests-per-file", plugin.rules["max-tests-per-file"] as never, {
  valid: [{ filename: "test_a.py", code: "def test_a():\n    pass\n", options: [{ max: 1 }] }],
  invalid: [
    {
      filename: "test_a.py",
      code: dedent`
        def test_a():
            pass

        def test_b():
            pass
      `,
      options: [{ max: 1 }],
      errors: [{ messageId: "tooManyTests", data: { count: "2", max: "1" }, line: 4, column: 5, endLine: 4, endColumn: 11 }],
    },
  ],
});
