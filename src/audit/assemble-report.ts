/**
 * The report of a set of file reports, built a file at a time: each file report is spooled to disk
 * (file-report-spool.ts) and counted into the totals, the groups' totals and the cross-file names as
 * it comes, so nothing that grows with the suite but a few numbers per file stays in memory.
 */
import { packageInfo } from "../package-info.js";
import { CrossFileCollector } from "./cross-file.js";
import { FileReportSpool, type FileReportList } from "./file-report-spool.js";
import { groupMatcher } from "./glob.js";
import { AUDIT_SCHEMA_VERSION, type AuditReport, type FileReport } from "./report-types.js";
import { TotalsCounter } from "./totals.js";

/** An audit report whose file reports are read back one at a time (from disk, for an audit). */
export type AuditResult = Omit<AuditReport, "files"> & { files: FileReportList };

/** The parts of a report that are not computed from its files, nor given when assembling starts. */
export type ReportParts = Pick<AuditReport, "cwd" | "run" | "rootConfig" | "nestedConfigs" | "skipped">;

export class ReportAssembler {
  readonly #policies: AuditReport["policies"];
  readonly #spool = new FileReportSpool();
  readonly #totals: TotalsCounter;
  readonly #groups: { name: string; glob: string; matches: (path: string) => boolean; totals: TotalsCounter }[];
  readonly #crossFile = new CrossFileCollector();

  /** `policies`: those judged, as the report names them; `groups`: the `--group` globs, each totalled apart. */
  constructor(policies: AuditReport["policies"], groups: readonly { name: string; glob: string }[]) {
    this.#policies = policies;
    this.#totals = new TotalsCounter(policies);
    this.#groups = groups.map((group) => ({ name: group.name, glob: group.glob, matches: groupMatcher(group.glob), totals: new TotalsCounter(policies) }));
  }

  add(file: FileReport): void {
    this.#spool.append(file);
    this.#totals.add(file);
    for (const group of this.#groups) {
      if (group.matches(file.path)) {
        group.totals.add(file);
      }
    }
    this.#crossFile.add(file);
  }

  /** The paths of the files added, sorted. */
  paths(): string[] {
    return this.#spool.paths();
  }

  /** The report: `parts` and what the files added make, in the order the JSON report has its keys. */
  report(parts: ReportParts): AuditResult {
    return {
      schemaVersion: AUDIT_SCHEMA_VERSION,
      tool: { name: "testaudit", version: packageInfo.version },
      cwd: parts.cwd,
      run: parts.run,
      policies: this.#policies,
      rootConfig: parts.rootConfig,
      nestedConfigs: parts.nestedConfigs,
      skipped: parts.skipped,
      files: this.#spool,
      totals: this.#totals.totals(),
      groups: this.#groups.map((group) => ({ name: group.name, glob: group.glob, totals: group.totals.totals() })),
      crossFile: this.#crossFile.findings(),
    };
  }
}
