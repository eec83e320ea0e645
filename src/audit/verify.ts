/**
 * `testaudit verify`: each checkable claim of a written report, measured against an audit of the code,
 * the tree around it and, for claims about a test run, real test results. A claim is true when the
 * measure equals what is stated, approximate when the report hedged it ("~18") and the measure is
 * within 10% (at least 1), false otherwise, and unverifiable when there is nothing to measure: a file
 * the tree does not hold, a test run without --results, new tests without --since, a tree that holds
 * none of the files the report names, a timing (no other run can confirm it).
 */
import type { Claim } from "../report/claims/index.js";
import { MAX_TREE_FILES, type CodeTree } from "../verify/code-tree.js";
import type { Tally, TestResults } from "../verify/test-results.js";
import type { AuditReport, FileReport, PolicyName, Ratio, Totals } from "./report-types.js";
import { computeTotals } from "./totals.js";

export type Verdict = "true" | "false" | "approximate" | "unverifiable";

export interface ClaimCheck {
  kind: Claim["kind"];
  line: number;
  text: string;
  stated: number;
  measured: number | null;
  verdict: Verdict;
  /** Why a claim is unverifiable, or what was measured when it is not obvious. */
  note?: string;
  file?: string;
  limit?: number;
  total?: number;
  identifier?: string;
  of?: "files";
  scope?: "changed";
}

/** What claims are measured against. */
export interface VerifyInputs {
  audit: AuditReport;
  tree: CodeTree;
  /** --results: null when no test results were given. */
  results: TestResults | null;
  /** --since: the files changed since the revision, relative to the working directory; null without it. */
  changed: { since: string; files: readonly string[] } | null;
}

interface Measure {
  measured: number | null;
  note?: string;
  /** Another value a careful author may have measured (`wc -l`, `grep -l`); stating it is true too. */
  alternative?: number;
  /** Set when equality with `measured` is not what decides. */
  verdict?: Verdict;
}

const NEEDS_RESULTS = "needs test results: run the tests with a JUnit XML reporter and pass the file with --results";
const NEEDS_SINCE = "needs --since REV: the claim is about new, added or proposed tests";

const POLICY_OF: Partial<Record<Claim["kind"], PolicyName>> = {
  noMocksPercent: "noMocks", baseClassPercent: "baseClass", bvjPercent: "bvj",
  noMocksCount: "noMocks", baseClassCount: "baseClass", bvjCount: "bvj",
};

/** The policy whose verdict says a file is over the configured line limit, for claims that state none. */
const MAX_LINES: PolicyName = "maxLines";

const POLICY_WORDING: Record<string, string> = { noMocks: "no mock reaches", baseClass: "reaching the required base", bvj: "covered by a complete BVJ block" };

/** Kinds about one named file; the others are about the suite or the tree. */
const FILE_KINDS = new Set<Claim["kind"]>(["fileTests", "fileTestsPassed", "fileLines", "fileBytes", "fileMethods", "fileOverLineLimit"]);

function samePath(path: string, named: string): boolean {
  const wanted = named.replace(/\\/gu, "/").replace(/^\.\//u, "");
  return path === wanted || path.endsWith(`/${wanted}`) || wanted.endsWith(`/${path}`);
}

type Located = { audited: FileReport; path: string } | { audited: null; path: string } | { problem: string };

/** The file a claim names: an audited file, else a file of the tree, else why it cannot be found. */
function locate(named: string, inputs: VerifyInputs): Located {
  const audited = inputs.audit.files.filter((file) => samePath(file.path, named));
  if (audited.length === 1) {
    return { audited: audited[0]!, path: audited[0]!.path };
  }
  if (audited.length > 1) {
    return { problem: `${named} names ${audited.length} audited files` };
  }
  const inTree = inputs.tree.find(named);
  if (inTree.length === 1) {
    return { audited: null, path: inTree[0]!.path };
  }
  return { problem: inTree.length === 0 ? `file not found: the tree holds no ${named}` : `${named} names ${inTree.length} files of the tree` };
}

/** The policy's ratio; a policy the audit did not judge has checked nothing. */
function ratioOf(totals: Totals, policy: PolicyName, of: "files" | undefined): Ratio {
  return totals.policies[policy]?.[of ?? "tests"] ?? { compliant: 0, total: 0, percent: null };
}

function tallyNote(tally: Tally): string {
  return `${tally.passed} passed, ${tally.failed} failed, ${tally.errors} errors, ${tally.skipped} skipped of ${tally.tests} in the results`;
}

function measureResults(claim: Claim, inputs: VerifyInputs): Measure {
  const results = inputs.results;
  if (results === null) {
    return { measured: null, note: NEEDS_RESULTS };
  }
  const tally = claim.file === undefined ? results.total() : results.forFile(claim.file);
  if (tally.tests === 0) {
    return { measured: null, note: claim.file === undefined ? "the results hold no test" : `the results hold no test of ${claim.file}` };
  }
  const note = tallyNote(tally);
  switch (claim.kind) {
    case "allTestsPassed": {
      const ran = tally.tests - tally.skipped;
      const percent = ran === 0 ? 0 : Math.round((tally.passed / ran) * 1000) / 10;
      return { measured: percent, note, verdict: ran > 0 && tally.failed + tally.errors === 0 ? "true" : "false" };
    }
    case "testDuration":
      // A timing belongs to the run the report describes; another run's results cannot confirm or refute it.
      return { measured: null, note: `timings vary from run to run: the results give ${tally.time} s summed over ${tally.tests} test cases` };
    default: {
      const totalOk = claim.total === undefined || claim.total === tally.tests;
      return { measured: tally.passed, note, verdict: tally.passed === claim.stated && totalOk ? "true" : "false" };
    }
  }
}

function measureFile(claim: Claim, inputs: VerifyInputs): Measure {
  if (claim.kind === "fileTestsPassed") {
    return measureResults(claim, inputs);
  }
  const where = claim.file === undefined ? { problem: "no file named" } : locate(claim.file, inputs);
  if ("problem" in where) {
    return { measured: null, note: where.problem };
  }
  const { audited, path } = where;
  const lineCounts = audited ?? inputs.tree.lineCounts(path);
  switch (claim.kind) {
    case "fileTests":
      if (audited === null) {
        return { measured: null, note: `${path} is in the tree but testaudit did not audit it (no testaudit rule runs on it)` };
      }
      return audited.parseError ? { measured: null, note: `${path} does not parse` } : { measured: audited.tests.length, note: path };
    case "fileLines":
      if (lineCounts === null) {
        return { measured: null, note: `${path} cannot be read` };
      }
      // Report authors often quote `wc -l`, which does not count a last line without a line end.
      return { measured: lineCounts.lines, alternative: lineCounts.lineFeeds, note: lineCounts.lineFeeds === lineCounts.lines ? path : `${path}: ${lineCounts.lines} lines as an editor shows them, ${lineCounts.lineFeeds} by wc -l` };
    case "fileOverLineLimit":
      if (claim.limit === undefined) {
        // No limit in the report: the one the config gives the max-lines rule, as the rule counts lines.
        const verdict = audited?.compliant[MAX_LINES] ?? null;
        return verdict === null ? { measured: null, note: `no line limit stated, and the max-lines rule is off for ${path}` } : { measured: verdict ? 0 : 1, note: `${path} is ${verdict ? "within" : "over"} the max-lines rule's configured limit` };
      }
      if (lineCounts === null) {
        return { measured: null, note: `${path} cannot be read` };
      }
      return { measured: lineCounts.lines > claim.limit ? 1 : 0, note: `${path} has ${lineCounts.lines} lines; the limit is ${claim.limit}` };
    case "fileBytes": {
      const bytes = inputs.tree.find(path)[0]?.bytes;
      return bytes === undefined ? { measured: null, note: `${path} is outside the tree` } : { measured: bytes, note: path };
    }
    default: {
      const functions = inputs.tree.pythonFunctions(path);
      return functions === null ? { measured: null, note: "methods are counted in Python files only (def statements)" } : { measured: functions, note: `def statements in ${path}` };
    }
  }
}

/** The audit over the claim's scope: every audited file, or those changed since --since. */
function scoped(claim: Claim, inputs: VerifyInputs): { files: readonly FileReport[]; totals: Totals; scopeNote: string } | string {
  if (claim.scope !== "changed") {
    return { files: inputs.audit.files, totals: inputs.audit.totals, scopeNote: "" };
  }
  if (inputs.changed === null) {
    return NEEDS_SINCE;
  }
  const changed = new Set(inputs.changed.files);
  const files = inputs.audit.files.filter((file) => changed.has(file.path));
  return { files, totals: computeTotals(files, inputs.audit.policies), scopeNote: `over the ${files.length} audited files changed since ${inputs.changed.since}` };
}

/** Said of counts over the tree when its walk stopped early. */
function cutOff(inputs: VerifyInputs): string {
  return inputs.tree.truncated ? ` (the walk of the tree stopped at ${MAX_TREE_FILES} files: a lower bound)` : "";
}

function withScope(note: string, scopeNote: string): string {
  return scopeNote === "" ? note : `${note} ${scopeNote}`;
}

function measurePolicy(claim: Claim, policy: PolicyName, files: readonly FileReport[], totals: Totals, scopeNote: string, inputs: VerifyInputs): Measure {
  const unit = claim.of ?? "tests";
  const wording = `${unit} ${POLICY_WORDING[policy]!}`;
  if (claim.file !== undefined) {
    const where = locate(claim.file, inputs);
    if ("problem" in where) {
      return { measured: null, note: where.problem };
    }
    if (where.audited === null) {
      return { measured: null, note: `${where.path} is in the tree but testaudit did not audit it` };
    }
    totals = computeTotals([where.audited], inputs.audit.policies);
    scopeNote = `in ${where.path}`;
  }
  const ratio = ratioOf(totals, policy, claim.of);
  if (ratio.total === 0 || (files.length === 0 && claim.file === undefined)) {
    return { measured: null, note: withScope(`no ${unit} checked by the ${policy} policy`, scopeNote) };
  }
  const note = withScope(`${ratio.compliant}/${ratio.total} ${wording}`, scopeNote);
  if (claim.kind.endsWith("Count")) {
    const totalOk = claim.total === undefined || claim.total === ratio.total;
    return { measured: ratio.compliant, note, ...(totalOk ? {} : { verdict: "false" as const }) };
  }
  return { measured: ratio.percent, note };
}

function measureSuite(claim: Claim, inputs: VerifyInputs): Measure {
  const scope = scoped(claim, inputs);
  if (typeof scope === "string") {
    return { measured: null, note: scope };
  }
  const { files, totals, scopeNote } = scope;
  const policy = POLICY_OF[claim.kind];
  if (policy !== undefined) {
    return measurePolicy(claim, policy, files, totals, scopeNote, inputs);
  }
  switch (claim.kind) {
    case "totalTests":
      return { measured: totals.tests, ...(scopeNote === "" ? {} : { note: scopeNote }) };
    case "totalFiles":
      return { measured: totals.testFiles, note: withScope("test files (audited files with tests)", scopeNote) };
    case "syntaxPercent": {
      const checked = claim.file === undefined ? files : files.filter((file) => samePath(file.path, claim.file!));
      if (checked.length === 0) {
        return { measured: null, note: claim.file === undefined ? "no file audited" : `no audited file is ${claim.file}` };
      }
      const parsing = checked.filter((file) => file.parseError === null).length;
      return { measured: Math.round((parsing / checked.length) * 1000) / 10, note: withScope(`${parsing}/${checked.length} audited files parse`, scopeNote) };
    }
    case "totalLines": {
      const lines = files.reduce((sum, file) => sum + file.lines, 0);
      const lineFeeds = files.reduce((sum, file) => sum + file.lineFeeds, 0);
      return { measured: lines, alternative: lineFeeds, note: withScope(`lines of the ${files.length} audited files`, scopeNote) };
    }
    case "filesOverLineLimit": {
      if (claim.limit === undefined) {
        const judged = files.filter((file) => (file.compliant[MAX_LINES] ?? null) !== null);
        if (judged.length === 0) {
          return { measured: null, note: withScope("no line limit stated, and the max-lines rule is off", scopeNote) };
        }
        const over = judged.filter((file) => file.compliant[MAX_LINES] === false);
        return { measured: over.length, note: withScope(`of ${judged.length} files the max-lines rule judges, over its configured limit${over.length > 0 ? `: ${over.slice(0, 5).map((file) => file.path).join(", ")}${over.length > 5 ? ", …" : ""}` : ""}`, scopeNote) };
      }
      const over = files.filter((file) => file.lines > claim.limit!);
      const where = claim.limitLine === undefined ? "" : ` (stated on line ${claim.limitLine})`;
      return { measured: over.length, note: withScope(`audited files over ${claim.limit} lines${where}${over.length > 0 ? `: ${over.slice(0, 5).map((file) => file.path).join(", ")}${over.length > 5 ? ", …" : ""}` : ""}`, scopeNote) };
    }
    case "filesReferencing": {
      const found = inputs.tree.filesReferencing(claim.identifier!);
      return { measured: found.word, alternative: found.substring, note: `source files naming ${claim.identifier!}: ${found.word} as a whole identifier, ${found.substring} anywhere (as grep -l counts)${cutOff(inputs)}` };
    }
    case "distinctClasses": {
      const names = [...new Set(inputs.tree.classes().filter((cls) => cls.name.includes(claim.identifier!)).map((cls) => cls.name))].sort();
      return { measured: names.length, note: `class names holding ${claim.identifier!}${names.length > 0 ? `: ${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""}` : ""}${cutOff(inputs)}` };
    }
    case "singleImplementation": {
      const places = new Set(inputs.tree.classes().filter((cls) => cls.name === claim.identifier).map((cls) => cls.path));
      return { measured: places.size, note: `files defining class ${claim.identifier!}${places.size > 0 ? `: ${[...places].slice(0, 5).join(", ")}` : ""}${cutOff(inputs)}` };
    }
    default:
      return measureResults(claim, inputs);
  }
}

function judge(claim: Claim, found: Measure): Verdict {
  if (found.measured === null) {
    return "unverifiable";
  }
  if (found.verdict !== undefined) {
    return found.verdict;
  }
  if (found.measured === claim.stated || found.alternative === claim.stated) {
    return "true";
  }
  return claim.approximate && Math.abs(found.measured - claim.stated) <= Math.max(1, claim.stated * 0.1) ? "approximate" : "false";
}

/** Claims about the suite are unverifiable against a tree that holds none of the files the report names. */
function foreignTree(claims: readonly Claim[], inputs: VerifyInputs): string | null {
  const named = [...new Set(claims.flatMap((claim) => (claim.file === undefined ? [] : [claim.file])))];
  if (named.length === 0) {
    return null;
  }
  const held = named.some((file) => inputs.audit.files.some((audited) => samePath(audited.path, file)) || inputs.tree.find(file).length > 0);
  return held ? null : `the tree holds none of the ${named.length} files the report names, so its totals are not this tree's`;
}

const CARRIED = ["file", "limit", "total", "identifier", "of", "scope"] as const;

export function verifyClaims(claims: readonly Claim[], inputs: VerifyInputs): ClaimCheck[] {
  const foreign = foreignTree(claims, inputs);
  return claims.map((claim) => {
    const resultsKind = claim.kind === "totalTestsPassed" || claim.kind === "allTestsPassed" || claim.kind === "testDuration";
    const found: Measure = FILE_KINDS.has(claim.kind)
      ? measureFile(claim, inputs)
      : resultsKind
        ? measureResults(claim, inputs)
        : foreign !== null
          ? { measured: null, note: foreign }
          : measureSuite(claim, inputs);
    const check: ClaimCheck = { kind: claim.kind, line: claim.line, text: claim.text, stated: claim.stated, measured: found.measured, verdict: judge(claim, found) };
    if (found.note !== undefined && found.note !== "") {
      check.note = found.note;
    }
    for (const key of CARRIED) {
      if (claim[key] !== undefined) {
        Object.assign(check, { [key]: claim[key] });
      }
    }
    return check;
  });
}
