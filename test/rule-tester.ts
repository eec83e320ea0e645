/**
 * ESLint's own RuleTester, wired to vitest, with the testaudit plugin and the Python language.
 */
import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import plugin from "../src/index.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;


/** Python cases default to a file pytest collects (`test_*.py`) in the repository folder. */
export const pythonRuleTester = new RuleTester({
  plugins: { testaudit: plugin },
  language: "testaudit/python",
});

export { plugin };
