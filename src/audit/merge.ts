/**
 * `testaudit merge`: shard reports combined into the report of the whole run. Each report must be a
 * well-formed report of this schema version; together they must be the shards 1..N of one run (one
 * fingerprint: same tool, options and configs), each once, each holding exactly the files it lists,
 * and adding up to the run's files. Anything else is refused with a message naming the report.
 */
import { UsageError } from "./errors.js";
import { ReportAssembler, type AuditResult } from "./assemble-report.js";
import { fileListDigest } from "./shard.js";
import { AUDIT_SCHEMA_VERSION, type AuditReport, type FileReport } from "./report-types.js";

export interface NamedReport {
  /** Where it was read from, for messages. */
  name: string;
  report: AuditReport;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isArrayOf = (value: unknown, item: (element: unknown) => boolean): boolean => Array.isArray(value) && value.every(item);

/** The first thing wrong with a test or file entry, for the fields the totals read. */
function fileProblem(file: unknown): string | null {
  if (!isObject(file) || typeof file.path !== "string") {
    return "a file entry without a path";
  }
  const verdicts = (value: unknown): boolean => isObject(value);
  if (!verdicts(file.compliant) || !verdicts(file.exempted) || !Array.isArray(file.violations) || !Array.isArray(file.exemptions) || !("parseError" in file) || !("readError" in file) || !Array.isArray(file.classes)) {
    return `a malformed entry for ${file.path}`;
  }
  if (!isArrayOf(file.tests, (test) => isObject(test) && typeof test.name === "string" && typeof test.line === "number" && verdicts(test.compliant) && verdicts(test.exempted))) {
    return `a malformed test of ${file.path}`;
  }
  return null;
}

/** Parses and checks one report's text. */
export function parseReport(name: string, text: string): NamedReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not JSON (${(error as Error).message}); merge reads the reports of testaudit --format json`);
  }
  if (!isObject(value) || !("schemaVersion" in value)) {
    throw new UsageError(`${name} is not a testaudit report (no schemaVersion)`);
  }
  if (value.schemaVersion !== AUDIT_SCHEMA_VERSION) {
    throw new UsageError(`${name} is a report of schema version ${JSON.stringify(value.schemaVersion)}; this testaudit writes and merges version ${AUDIT_SCHEMA_VERSION}`);
  }
  const run = value.run;
  const shardOk = (shard: unknown): boolean => shard === null || (isObject(shard) && Number.isInteger(shard.index) && Number.isInteger(shard.count) && (shard.index as number) >= 1 && (shard.index as number) <= (shard.count as number));
  if (
    !isObject(run) || !shardOk(run.shard) || typeof run.fingerprint !== "string" || !isArrayOf(run.files, (path) => typeof path === "string") ||
    !isObject(run.allFiles) || typeof run.allFiles.count !== "number" || typeof run.allFiles.digest !== "string"
  ) {
    throw new UsageError(`${name} has no valid "run" (shard, fingerprint, files): not a report of testaudit --format json`);
  }
  const policyOk = (policy: unknown): boolean => isObject(policy) && typeof policy.key === "string" && typeof policy.ruleId === "string" && typeof policy.label === "string" && typeof policy.judgesTests === "boolean" && typeof policy.judgesFilesWithoutTests === "boolean";
  if (typeof value.cwd !== "string" || !Array.isArray(value.files) || !isArrayOf(value.policies, policyOk) || !Array.isArray(value.nestedConfigs) || !Array.isArray(value.skipped) || !Array.isArray(value.groups)) {
    throw new UsageError(`${name} lacks cwd, files, policies, nestedConfigs, skipped or groups: not a report of testaudit --format json`);
  }
  for (const file of value.files) {
    const problem = fileProblem(file);
    if (problem) {
      throw new UsageError(`${name} holds ${problem}`);
    }
  }
  const report = value as unknown as AuditReport;
  const listed = report.run.files;
  const held = report.files.map((file) => file.path);
  if (listed.length !== held.length || listed.some((path, index) => path !== held[index])) {
    throw new UsageError(`${name} lists ${listed.length} audited files in run.files but holds ${held.length} file reports: it was cut short or edited`);
  }
  return { name, report };
}

const shardName = (named: NamedReport): string => (named.report.run.shard ? `${named.name} (shard ${named.report.run.shard.index}/${named.report.run.shard.count})` : `${named.name} (an unsharded report)`);

/** The report of the whole run the shards belong to. */
export function mergeReports(reports: readonly NamedReport[]): AuditResult {
  const [first] = reports;
  if (!first) {
    throw new UsageError("merge needs the reports to merge: testaudit merge SHARD.json...");
  }
  for (const named of reports) {
    if (named.report.run.fingerprint !== first.report.run.fingerprint) {
      throw new UsageError(`${shardName(named)} comes from another run than ${shardName(first)}: its config, options, files or testaudit version differ`);
    }
  }
  const count = first.report.run.shard?.count ?? 1;
  const byIndex = new Map<number, NamedReport>();
  for (const named of reports) {
    const shard = named.report.run.shard ?? { index: 1, count: 1 };
    if (shard.count !== count) {
      throw new UsageError(`${shardName(named)} is from a run in ${shard.count} shards, ${shardName(first)} from one in ${count}`);
    }
    const twin = byIndex.get(shard.index);
    if (twin) {
      throw new UsageError(`shard ${shard.index}/${count} is given twice: ${twin.name} and ${named.name}`);
    }
    byIndex.set(shard.index, named);
  }
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw new UsageError(`${missing.map((index) => `shard ${index}/${count}`).join(", ")} ${missing.length === 1 ? "is" : "are"} missing: merge needs all ${count} shards of the run`);
  }
  const files = new Map<string, FileReport>();
  for (const named of reports) {
    for (const file of named.report.files) {
      if (files.has(file.path)) {
        throw new UsageError(`${file.path} is in two shards (${named.name} and another): the shards are not of one run`);
      }
      files.set(file.path, file);
    }
  }
  const paths = [...files.keys()].sort();
  const { allFiles } = first.report.run;
  if (paths.length !== allFiles.count || fileListDigest(paths) !== allFiles.digest) {
    throw new UsageError(`the shards hold ${paths.length} files, but the run audits ${allFiles.count}: the shards' file lists do not add up to the run's`);
  }
  const unique = <T>(items: T[], key: (item: T) => string): T[] => [...new Map(items.map((item) => [key(item), item])).values()];
  // The fingerprint covers the policies: shards of one run judge the same ones.
  const assembler = new ReportAssembler(first.report.policies, first.report.groups);
  for (const path of paths) {
    assembler.add(files.get(path)!);
  }
  return assembler.report({
    cwd: first.report.cwd,
    run: { shard: null, fingerprint: first.report.run.fingerprint, files: paths, allFiles },
    rootConfig: first.report.rootConfig,
    nestedConfigs: first.report.nestedConfigs,
    skipped: unique(reports.flatMap((named) => named.report.skipped), (skipped) => skipped.path),
  });
}
