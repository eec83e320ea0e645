/**
 * The rule registry: the one list the plugin, its configs, the docs and the meta-tests iterate.
 */
import maxLines from "./max-lines.js";
import maxTestsPerFile from "./max-tests-per-file.js";
import noMocks from "./no-mocks.js";
import noUnawaitedAsyncTests from "./no-unawaited-async-tests.js";
import requireBaseClass from "./require-base-class.js";
import requireBvj from "./require-bvj.js";

export const rules = {
  "max-lines": maxLines,
  "max-tests-per-file": maxTestsPerFile,
  "no-mocks": noMocks,
  "no-unawaited-async-tests": noUnawaitedAsyncTests,
  "require-base-class": requireBaseClass,
  "require-bvj": requireBvj,
};

export type RuleName = keyof typeof rules;
