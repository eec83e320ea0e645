// JS/TS corpus, testaudit's four rules at their default options, with the same parser as the other JS
// variants (the parser recommended-js sets).
import tsParser from "@typescript-eslint/parser";
import testaudit from "../dist/src/index.js";
import { JS_TEST_FILES } from "./eslint.js-norules.config.js";

export default [
  {
    files: JS_TEST_FILES,
    plugins: { testaudit },
    languageOptions: { parser: tsParser },
    rules: {
      "testaudit/no-mocks": "error",
      "testaudit/require-base-class": "error",
      "testaudit/require-bvj": "error",
      "testaudit/max-tests-per-file": "error",
    },
  },
];
