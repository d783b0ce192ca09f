import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // the browser test builds the site once; integration tests open real DuckDB files
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // DuckDB files and the built site are shared per file, not across files
    fileParallelism: true,
  },
});
