/**
 * The repository's own lint: typescript-eslint's strict and stylistic type-checked rules on the sources
 * and tests, eslint-plugin-eslint-plugin on the rules, and testaudit itself on our tests (dogfood: no
 * mocks in our tests either). `npx eslint` runs it; test/plugin/hygiene.test.ts runs it in CI.
 *
 * It loads the built plugin: run `npm run build` first. README's demo and the example suite use
 * eslint-plugin.config.js, always passed with `--config`, so this file never applies to them.
 */
import { defineConfig } from "eslint/config";
import { builtinRules } from "eslint/use-at-your-own-risk";
import eslintPlugin from "eslint-plugin-eslint-plugin";
import tseslint from "typescript-eslint";
import testaudit from "./dist/src/index.js";

// ESLint's recommended core rules (what @eslint/js calls recommended), read from the rules' own meta.
const coreRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended === true).map(([name]) => [name, "error"]),
);

// The globals of the Node that runs the lint, for the plain JS scripts (TypeScript files get theirs from @types/node).
const nodeGlobals = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, "readonly"]));

export default defineConfig(
  {
    // examples/ and test fixtures are inputs to testaudit that break its rules on purpose; the rest is built or generated.
    ignores: ["dist/", "examples/", "test/fixtures/", "coverage/", "bench/.results/"],
  },
  {
    name: "repo/core",
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: coreRecommended,
  },
  {
    name: "repo/typescript",
    files: ["**/*.ts"],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file gets the program of its nearest tsconfig.json: the root one, or test/tsconfig.json.
        projectService: { allowDefaultProject: ["vitest.config.ts"], defaultProject: "test/tsconfig.json" },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // With noUncheckedIndexedAccess every indexed read may be undefined; `!` marks the reads whose index the code has just bounded.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Destructuring a property out beside a rest element is how the code drops it from a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // strictTypeChecked's settings, but numbers print as the decimal text our messages and reports show.
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowAny: false, allowBoolean: false, allowNever: false, allowNullish: false, allowNumber: true, allowRegExp: false },
      ],
    },
  },
  {
    name: "repo/estree-node-types",
    files: ["src/model/js/**/*.ts"],
    rules: {
      // ESTree node types are compared as ESTree's strings, so the model needs no runtime import of
      // typescript-eslint's AST_NODE_TYPES enum; TypeScript still rejects a string that names no node type.
      "@typescript-eslint/no-unsafe-enum-comparison": "off",
    },
  },
  {
    name: "repo/javascript",
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.strict, tseslint.configs.stylistic],
    languageOptions: { globals: nodeGlobals },
  },
  {
    name: "repo/commonjs",
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable" } },
    rules: {
      // A CommonJS module has no other way to load a module synchronously.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    name: "repo/rules",
    files: ["lib/rules/**/*.ts"],
    extends: [eslintPlugin.configs.recommended],
  },
  {
    // Our tests run real ESLint, real tree-sitter and real files: no mocks, and files that stay small.
    // require-base-class and require-bvj are conventions for product integration suites, not for these.
    name: "repo/dogfood",
    files: ["test/**/*.ts"],
    plugins: { testaudit },
    rules: {
      "testaudit/no-mocks": "error",
      "testaudit/max-tests-per-file": "error",
    },
  },
);
