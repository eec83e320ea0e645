/**
 * The policies: one entry per rule. The plugin's rules (lib/rules/index.ts), the audit's verdicts,
 * totals and exemptions, every format's rows and the report schema's policy lists all follow this
 * list, in this order; adding a policy is adding its entry here.
 */
import maxLines from "../../lib/rules/max-lines.js";
import maxTestsPerFile from "../../lib/rules/max-tests-per-file.js";
import noMocks from "../../lib/rules/no-mocks.js";
import noTestDoubles from "../../lib/rules/no-test-doubles.js";
import noUnawaitedAsyncTests from "../../lib/rules/no-unawaited-async-tests.js";
import requireAssertions from "../../lib/rules/require-assertions.js";
import requireBaseClass from "../../lib/rules/require-base-class.js";
import requireBvj from "../../lib/rules/require-bvj.js";
import requireSkipReason from "../../lib/rules/require-skip-reason.js";
import { judgeAssertions } from "./assertions.js";
import { judgeBaseClass } from "./base-class.js";
import { judgeBvj } from "./bvj.js";
import { judgeMaxLines } from "./max-lines.js";
import { judgeMaxTests } from "./max-tests.js";
import { judgeNoMocks } from "./mocks.js";
import { judgeSkipReasons } from "./skip-reason.js";
import { judgeTestDoubles } from "./test-doubles.js";
import { judgeUnawaitedAsyncTests } from "./unawaited-async.js";
import { definePolicy, type Policy } from "./policy.js";

export const POLICIES = [
  definePolicy({ key: "noMocks", ruleName: "no-mocks", rule: noMocks, label: "No mocks", judgesTests: true, judgesFilesWithoutTests: true, judge: judgeNoMocks }),
  definePolicy({ key: "baseClass", ruleName: "require-base-class", rule: requireBaseClass, label: "Shared base class", judgesTests: true, judgesFilesWithoutTests: false, judge: judgeBaseClass }),
  definePolicy({ key: "bvj", ruleName: "require-bvj", rule: requireBvj, label: "BVJ block", judgesTests: true, judgesFilesWithoutTests: false, judge: judgeBvj }),
  definePolicy({ key: "maxTests", ruleName: "max-tests-per-file", rule: maxTestsPerFile, label: "Tests per file", judgesTests: false, judgesFilesWithoutTests: false, judge: judgeMaxTests }),
  definePolicy({ key: "awaitedAsync", ruleName: "no-unawaited-async-tests", rule: noUnawaitedAsyncTests, label: "Async tests awaited", judgesTests: true, judgesFilesWithoutTests: false, judge: judgeUnawaitedAsyncTests }),
  definePolicy({ key: "assertions", ruleName: "require-assertions", rule: requireAssertions, label: "Tests assert", judgesTests: true, judgesFilesWithoutTests: false, judge: judgeAssertions }),
  definePolicy({ key: "skipReason", ruleName: "require-skip-reason", rule: requireSkipReason, label: "Skips give a reason", judgesTests: true, judgesFilesWithoutTests: false, judge: judgeSkipReasons }),
  definePolicy({ key: "maxLines", ruleName: "max-lines", rule: maxLines, label: "Lines per file", judgesTests: false, judgesFilesWithoutTests: true, judge: judgeMaxLines }),
  definePolicy({ key: "noTestDoubles", ruleName: "no-test-doubles", rule: noTestDoubles, label: "No test doubles", judgesTests: true, judgesFilesWithoutTests: true, judge: judgeTestDoubles }),
] as const;

/** Any registry entry, as the audit handles it without knowing its options' type. */
export type AnyPolicy = Policy;
