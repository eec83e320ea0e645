import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    // The native tree-sitter addon is loaded per process; forks keep each test file's addon separate.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
