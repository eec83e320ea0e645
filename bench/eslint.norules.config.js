// ESLint with the testaudit/python language on every .py file and no rules: the plugin's floor.
import testaudit from "../dist/src/index.js";

export default [{ files: ["**/*.py"], plugins: { testaudit }, language: "testaudit/python" }];
