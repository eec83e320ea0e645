/** `testaudit merge SHARD.json...`: the shards' reports as the report of the whole run, gated like an audit. */
import { readFileSync } from "node:fs";
import { UsageError } from "../audit/errors.js";
import { mergeReports, parseReport } from "../audit/merge.js";
import { reportAndGate, type ReportOptions } from "./audit-command.js";

export function mergeCommand(paths: readonly string[], options: ReportOptions): number {
  const reports = paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read the report ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return parseReport(path, text);
  });
  return reportAndGate(mergeReports(reports), options);
}
