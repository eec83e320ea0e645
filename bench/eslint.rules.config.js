// ESLint with the testaudit/python language and the four rules, all at their default options.
import testaudit from "../dist/src/index.js";

export default [
  {
    files: ["**/*.py"],
    plugins: { testaudit },
    language: "testaudit/python",
    rules: {
      "testaudit/no-mocks": "error",
      "testaudit/require-base-class": "error",
      "testaudit/require-bvj": "error",
      "testaudit/max-tests-per-file": "error",
    },
  },
];
