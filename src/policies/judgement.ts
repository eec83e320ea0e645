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

/**
 * The verdicts of a policy of things that reach tests (mocks, test doubles): a test complies when
 * nothing reaches it, the file when it also holds no finding of its own. A reach from this file is
 * reported where it is written; one from another file at the test it reaches.
 * @param path the judged file, absolute, as reaches name their files.
 * @param findingLines the lines of the file's own findings.
 * @param reaches per test (parallel to the model's tests), what reaches it and from where, or null.
 */
export function reachJudgement(path: string, findingLines: readonly number[], tests: readonly { nameLoc: { start: { line: number } } }[], reaches: readonly ({ path: string; line: number } | null)[]): PolicyJudgement {
  const judged = tests.map((test, index) => {
    const reach = reaches[index] ?? null;
    return { compliant: reach === null, sites: reach === null ? [] : [reach.path === path ? reach.line : test.nameLoc.start.line] };
  });
  const fromElsewhere = judged.flatMap((test, index) => (reaches[index] && reaches[index].path !== path ? test.sites : []));
  return {
    compliant: findingLines.length === 0 && reaches.every((reach) => reach === null),
    sites: [...findingLines, ...fromElsewhere],
    tests: judged,
  };
}
