// JS/TS corpus, the peer: eslint-plugin-jest's no-mocks-import and expect-expect, default options,
// with the same parser as the other JS variants.
import tsParser from "@typescript-eslint/parser";
import jest from "eslint-plugin-jest";
import { JS_TEST_FILES } from "./eslint.js-norules.config.js";

export default [
  {
    files: JS_TEST_FILES,
    plugins: { jest },
    languageOptions: { parser: tsParser },
    rules: {
      "jest/no-mocks-import": "error",
      "jest/expect-expect": "error",
    },
  },
];
