import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "test/crash/**"],
          // integration tests open real DuckDB files and ingest the whole sample
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          // SIGKILLs in the middle of real kpi processes, a million rows, a 500 MB file: minutes,
          // so \`npm run test:crash\`, which .ci/run runs after npm test
          name: "crash",
          include: ["test/crash/**/*.test.ts"],
          testTimeout: 900_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/e2e/**/*.test.ts"],
          // the site is built once (npm run build) for every browser test; one browser at a time,
          // so a page's figures are never raced by another file's Chromium on a 2-core machine
          globalSetup: ["test/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
