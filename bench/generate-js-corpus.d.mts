/** Types of generate-js-corpus.mjs for the TypeScript tests that build part of the corpus. */
export function generateJsCorpus(outDir: string, options?: { seed?: number; files?: number }): { files: string[]; lines: number; bytes: number };
