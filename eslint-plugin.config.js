/**
 * The flat config README's demo runs: testaudit's recommended configs (Python and JS/TS) on the bundled example suite,
 * with the project's own base class and a lower test-count limit. Run it with
 * `npx eslint -c eslint-plugin.config.js examples` (ESLint does not look for this file name by itself).
 */
import testaudit from "./dist/src/index.js";

export default [
  ...testaudit.configs.recommended,
  {
    // Options for the recommended config's Python files (overrides must stay inside its globs).
    files: testaudit.configs["recommended-python"].files,
    rules: {
      "testaudit/require-base-class": ["error", { bases: ["test_framework.ssot.SSotBaseTestCase"] }],
      "testaudit/max-tests-per-file": ["error", { max: 12 }],
    },
  },
  {
    // JS/TS suites are functions: they share their base through the test-framework/ssot helper.
    files: testaudit.configs["recommended-js"].files,
    rules: {
      "testaudit/require-base-class": ["error", { imports: ["test-framework/ssot"] }],
    },
  },
];
