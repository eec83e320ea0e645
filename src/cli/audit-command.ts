/** `testaudit [paths...]`: runs the audit, writes the report, and says whether it passes the gate. */
import { gateFailures, type GateOptions } from "../audit/gate.js";
import type { AuditResult } from "../audit/assemble-report.js";
import { runAudit, type AuditOptions } from "../audit/run-audit.js";
import { EXIT } from "./exit-codes.js";
import { writeOutput } from "./output.js";
import { progressBarFor } from "./progress.js";
import { renderAudit, type AuditFormat } from "./render.js";
import { visible } from "../audit/formats/terminal-text.js";

export interface ReportOptions extends GateOptions {
  format: AuditFormat;
  output: string | undefined;
  /** `--exit-zero`: a report-only job; the gate's verdict is printed, not returned. */
  exitZero: boolean;
}

/** Writes the report and returns the exit code its gate gives. The reasons it fails go to standard error. */
export function reportAndGate(report: AuditResult, options: ReportOptions): number {
  const toTerminal = options.output === undefined && process.stdout.isTTY;
  writeOutput(renderAudit(report, options.format, toTerminal), options.output);
  const failures = gateFailures(report, options);
  if (failures.length === 0) {
    return EXIT.clean;
  }
  const verdict = options.exitZero ? "the gate would fail (--exit-zero)" : "the gate fails";
  process.stderr.write(`testaudit: ${verdict}: ${failures.map(visible).join("; ")}\n`);
  return options.exitZero ? EXIT.clean : EXIT.failed;
}

export async function auditCommand(audit: Omit<AuditOptions, "progress" | "warn">, options: ReportOptions & { progress: boolean }): Promise<number> {
  const progress = options.progress ? progressBarFor(process.stdout, process.stderr, process.env) : undefined;
  let report: AuditResult;
  try {
    report = await runAudit({ ...audit, progress, warn: (message) => process.stderr.write(`testaudit: ${visible(message)}\n`) });
  } finally {
    // Erased before anything else is written, the error message of a failed audit included.
    progress?.finish();
  }
  return reportAndGate(report, options);
}
