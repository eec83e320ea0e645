/** Types of generate-pytest-corpus.mjs for the TypeScript tests that build a corpus. */
export function generatePytestCorpus(outDir: string, options?: { seed?: number; files?: number }): number;
