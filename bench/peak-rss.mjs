/**
 * Preloaded into every benchmark child with NODE_OPTIONS=--import=<this file>. On exit, the main thread
 * writes the process's resource usage to the file named by TESTAUDIT_BENCH_RSS_FILE, as JSON: peak
 * resident set size in kilobytes and user/system CPU time in microseconds. Worker threads share the
 * process, so `eslint --concurrency` workers are included in both.
 */
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const target = process.env.TESTAUDIT_BENCH_RSS_FILE;
if (target && isMainThread) {
  process.on("exit", () => {
    try {
      const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
      writeFileSync(target, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
    } catch {
      // The parent reports a missing measurement.
    }
  });
}
