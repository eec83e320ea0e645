/**
 * Runs an audit: the files the patterns name are found (discover.ts), each is given the config that
 * audits it (config-plan.ts), and ESLint lints each with that config and its bulk suppressions; the
 * testaudit rules build each file's model on the way, and each file is judged with the options the
 * config gives those rules, then told which of its non-compliant verdicts are exempted. Nothing is
 * imported or run from the scanned code; only the config files run, and a nested one only with
 * `--allow-nested-config`.
 */
import { relative, sep } from "node:path";
import type { ESLint } from "eslint";
import { inOneRun } from "../model/fs-snapshot.js";
import { setModelSink } from "../model/get-model.js";
import { editorLineCount, lineFeedCount } from "../model/line-count.js";
import type { TestFileModel } from "../model/test-file-model.js";
import { packageInfo } from "../package-info.js";
import { ConfigPlanner, SUPPRESSIONS_FILE, type FilePlan } from "./config-plan.js";
import { discover } from "./discover.js";
import { UsageError } from "./errors.js";
import { applyExemptions, type InlineExemption, type SilencedFinding } from "./exemptions.js";
import { inlineRuleConfigs, withInlineConfig, type InlineRuleConfig } from "./inline-config.js";
import { buildFileReport, unreadFileReport, type JudgedFile } from "./file-report.js";
import { POLICIES, type AnyPolicy } from "../policies/registry.js";
import { policyOfRule, policyReports } from "./policies.js";
import { readSource } from "./read-source.js";
import { ReportAssembler, type AuditResult } from "./assemble-report.js";
import { type FileReport, type PolicyName, type PolicyReport, type RunReport, type SkippedReport, type ViolationReport } from "./report-types.js";
import { fileListDigest, inShard, runFingerprint, type Shard } from "./shard.js";

// Where the commands have always imported it from.
export { UsageError } from "./errors.js";

export interface AuditOptions {
  cwd: string;
  patterns: string[];
  /** An explicit config file; otherwise ESLint's own lookup. */
  configFile?: string | undefined;
  /** Audit the files of nested config files with those configs (otherwise with the root config). */
  allowNestedConfig?: boolean;
  groups: { name: string; glob: string }[];
  /** Audit only this part of the files (`--shard I/N`). */
  shard?: Shard | undefined;
  /** Told how far the audit has got. */
  progress?: AuditProgress | undefined;
  /** Told of each path skipped (a FIFO, a symlink leaving the root), as a line for a person. */
  warn?: ((message: string) => void) | undefined;
  /** The policies judged; the registry's by default. */
  policies?: readonly AnyPolicy[] | undefined;
}

/** Follows an audit: first the number of files it will audit, then each file as it is audited. */
export interface AuditProgress {
  start(totalFiles: number): void;
  fileAudited(): void;
}

const SKIP_REASONS: Record<SkippedReport["reason"], string> = {
  fifo: "a FIFO, not a regular file",
  socket: "a socket, not a regular file",
  device: "a device, not a regular file",
  outsideRoot: "a symlink that leaves the project root",
};

/** The policies an audit judges, and how the report names them. */
interface Judging {
  policies: readonly AnyPolicy[];
  named: PolicyReport[];
}

/** What ESLint said of one file: violations, and the policies' findings it silenced. */
function sortMessages(result: ESLint.LintResult, plan: FilePlan, judging: Judging, relativePath: (path: string) => string): { violations: ViolationReport[]; silenced: SilencedFinding[] } {
  const violations: ViolationReport[] = [];
  const silenced: SilencedFinding[] = [];
  for (const message of result.messages) {
    if (message.fatal === true || message.ruleId === null) {
      continue;
    }
    const policy = policyOfRule(judging.named, message.ruleId);
    const whole = policy === undefined ? undefined : plan.wholeFile[policy];
    if (whole) {
      // A finding in a file exempted from its policy as a whole (ignored, or its rule off in a nested config).
      silenced.push({ ruleId: message.ruleId, line: message.line, message: message.message, kind: whole.kind, justification: null, source: relativePath(whole.source) });
    } else {
      violations.push({ ruleId: message.ruleId, line: message.line, column: message.column, severity: message.severity, message: message.message });
    }
  }
  for (const message of result.suppressedMessages) {
    const [suppression] = message.suppressions;
    if (message.ruleId === null || policyOfRule(judging.named, message.ruleId) === undefined || !suppression) {
      continue;
    }
    const directive = suppression.kind === "directive";
    silenced.push({
      ruleId: message.ruleId,
      line: message.line,
      message: message.message,
      kind: directive ? "directive" : "suppressionsFile",
      justification: directive && suppression.justification !== "" ? suppression.justification : null,
      source: directive ? null : SUPPRESSIONS_FILE,
    });
  }
  return { violations, silenced };
}

/** A model the rules built, with the testaudit rules its inline config comments set. */
interface BuiltModel {
  model: TestFileModel;
  inline: InlineRuleConfig[];
}

/** The verdicts the file's inline config comments turn from non-compliant: judged again with the comments applied. */
function inlineExemptions(judged: JudgedFile, built: BuiltModel, plan: FilePlan, judging: Judging, relativePath: (path: string) => string): Partial<Record<PolicyName, InlineExemption>> {
  if (!plan.inlineConfig || built.inline.length === 0) {
    return {};
  }
  const { report } = judged;
  const relaxed = buildFileReport(plan.path, report.config, built.model, judging.policies, withInlineConfig(plan.options, built.inline, judging.policies), report.violations, relativePath).report;
  const exemptions: Partial<Record<PolicyName, InlineExemption>> = {};
  for (const comment of built.inline) {
    const { policy } = comment;
    exemptions[policy] = {
      file: report.compliant[policy] === false && relaxed.compliant[policy] !== false,
      tests: report.tests.map((test, index) => test.compliant[policy] === false && relaxed.tests[index]!.compliant[policy] !== false),
      entry: { kind: "inlineConfig", ruleId: comment.ruleId, policy, line: comment.line, message: null, justification: comment.justification, source: null },
    };
  }
  return exemptions;
}

/** Lints one file and judges it; a file that cannot be read is a report of its own. */
async function auditFile(plan: FilePlan, models: Map<string, BuiltModel>, judging: Judging, relativePath: (path: string) => string): Promise<FileReport> {
  const path = relativePath(plan.path);
  const config = relativePath(plan.config);
  const source = readSource(plan.path);
  if (!source.ok) {
    return unreadFileReport(path, config, judging.policies, { lines: 0, lineFeeds: 0 }, { parseError: null, readError: { code: source.code, message: source.message } }, []).report;
  }
  const [result] = await plan.eslint.lintText(source.text, { filePath: plan.path, warnIgnored: false });
  if (!result) {
    throw new Error(`ESLint returned no result for ${plan.path}, which its config audits.`);
  }
  const { violations, silenced } = sortMessages(result, plan, judging, relativePath);
  const built = models.get(plan.path);
  models.delete(plan.path);
  let judged: JudgedFile;
  let inline: Partial<Record<PolicyName, InlineExemption>> = {};
  if (built) {
    judged = buildFileReport(plan.path, config, built.model, judging.policies, plan.options, violations, relativePath);
    inline = inlineExemptions(judged, built, plan, judging, relativePath);
  } else {
    const fatal = result.messages.find((message) => message.fatal === true);
    const lines = { lines: editorLineCount(source.text), lineFeeds: lineFeedCount(source.text) };
    const parseError = fatal ? { line: fatal.line, column: fatal.column, message: fatal.message } : null;
    judged = unreadFileReport(path, config, judging.policies, lines, { parseError, readError: null }, violations);
  }
  return applyExemptions(judging.named, judged, silenced, plan.wholeFile, inline);
}

/** The audit of `options.patterns`: the file system is read as one snapshot (see fs-snapshot.ts), each path asked once. */
export function runAudit(options: AuditOptions): Promise<AuditResult> {
  return inOneRun(() => audit(options));
}

async function audit(options: AuditOptions): Promise<AuditResult> {
  const relativePath = (absolute: string): string => relative(options.cwd, absolute).split(sep).join("/");
  let discovered;
  try {
    discovered = discover(options.cwd, options.patterns);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const policies = options.policies ?? POLICIES;
  const judging: Judging = { policies, named: policyReports(policies) };
  const planner = await ConfigPlanner.create({ cwd: options.cwd, configFile: options.configFile, allowNestedConfig: options.allowNestedConfig ?? false, policies });
  const plans: FilePlan[] = [];
  for (const path of [...discovered.files, ...discovered.broken.map((broken) => broken.path)]) {
    const plan = await planner.plan(path);
    if (plan) {
      plans.push(plan);
    }
  }
  // Only what the config would audit, or what the command names, is worth a word: a FIFO among the build outputs is not.
  const skipped: SkippedReport[] = [];
  for (const entry of discovered.skipped) {
    if (entry.named === true || (await planner.plan(entry.path))) {
      skipped.push({ path: relativePath(entry.path), reason: entry.reason });
      options.warn?.(`skipped ${relativePath(entry.path)}: ${SKIP_REASONS[entry.reason]}`);
    }
  }
  plans.sort((a, b) => (relativePath(a.path) < relativePath(b.path) ? -1 : 1));
  if (discovered.files.length > 0 && plans.length === 0 && skipped.length === 0) {
    throw new UsageError(
      `the paths hold ${discovered.files.length} file(s) but no testaudit rule is on for any of them: enable testaudit's rules for these files in your eslint.config.js (for example with ...testaudit.configs.recommended).`,
    );
  }
  const allPaths = plans.map((plan) => relativePath(plan.path));
  const fingerprint = runFingerprint({
    version: packageInfo.version,
    policies: judging.named,
    allowNestedConfig: options.allowNestedConfig ?? false,
    groups: options.groups,
    files: plans.map((plan) => [relativePath(plan.path), relativePath(plan.config), plan.options, plan.wholeFile]),
  });
  const shard = options.shard;
  const audited = shard ? plans.filter((plan) => inShard(relativePath(plan.path), shard)) : plans;

  const models = new Map<string, BuiltModel>();
  setModelSink((model, sourceCode) => {
    const inline = inlineRuleConfigs(sourceCode, judging.named);
    // Models outlive the lint run here: they must not keep every file's syntax tree alive.
    model.detachFromTree();
    models.set(model.filename, { model, inline });
  });
  const assembler = new ReportAssembler(judging.named, options.groups);
  try {
    options.progress?.start(audited.length);
    for (const plan of audited) {
      assembler.add(await auditFile(plan, models, judging, relativePath));
      options.progress?.fileAudited();
      // A turn of the event loop: tree-sitter frees a file's syntax trees only in finalizers, which run between turns.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    setModelSink(undefined);
  }
  const run: RunReport = {
    shard: shard ? { index: shard.index, count: shard.count } : null,
    fingerprint,
    files: assembler.paths(),
    allFiles: { count: allPaths.length, digest: fileListDigest(allPaths) },
  };
  return assembler.report({
    cwd: options.cwd,
    run,
    rootConfig: planner.root === undefined ? null : relativePath(planner.root),
    nestedConfigs: [...planner.nested].map(([path, entry]) => ({ path: relativePath(path), ...entry })).sort((a, b) => (a.path < b.path ? -1 : 1)),
    skipped,
  });
}
