/**
 * What a policy decides about one file from its test-file model: the verdict of the file and of each
 * collected test, and where the rule reports what makes a verdict false. The rule reports exactly those
 * findings; the audit counts the verdicts and, from the sites, tells an exempted verdict (every site's
 * report silenced) from a failing one.
 */

export interface TestJudgement {
  compliant: boolean;
  /** Lines of this file where the rule reports the findings that make this test non-compliant. */
  sites: number[];
}

export interface PolicyJudgement {
  compliant: boolean;
  /** Lines where the rule reports the findings that make the file non-compliant. */
  sites: number[];
  /** One per collected test, parallel to `model.tests`; null for a policy that judges whole files only. */
  tests: TestJudgement[] | null;
}
