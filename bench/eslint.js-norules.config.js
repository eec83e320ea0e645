// JS/TS corpus, ESLint with @typescript-eslint/parser and no rules: the floor both rule sets share.
import tsParser from "@typescript-eslint/parser";

export const JS_TEST_FILES = ["**/*.{test,spec}.{js,ts,tsx}"];

export default [{ files: JS_TEST_FILES, languageOptions: { parser: tsParser } }];
