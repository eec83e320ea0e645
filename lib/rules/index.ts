/**
 * The rule registry: the one list the plugin, its configs, the docs and the meta-tests iterate.
 */
import maxTestsPerFile from "./max-tests-per-file.js";
import noMocks from "./no-mocks.js";
import requireAssertions from "./require-assertions.js";
import requireBaseClass from "./require-base-class.js";
import requireBvj from "./require-bvj.js";
import requireSkipReason from "./require-skip-reason.js";

export const rules = {
  "max-tests-per-file": maxTestsPerFile,
  "no-mocks": noMocks,
  "require-assertions": requireAssertions,
  "require-base-class": requireBaseClass,
  "require-bvj": requireBvj,
  "require-skip-reason": requireSkipReason,
};

export type RuleName = keyof typeof rules;
