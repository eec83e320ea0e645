/**
 * ESLint formatter for the JS/TS benchmark: ESLint's JSON report without each file's `source`, so the
 * variants that report problems in more files do not pay for writing more of the corpus back out.
 */
export default function leanJson(results) {
  return JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map(({ ruleId, fatal, message, line, column }) => ({ ruleId, fatal, message, line, column })),
    })),
  );
}
