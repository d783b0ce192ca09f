// Builds the whole site once for every browser test, exactly as `npm run build` does, into a
// throwaway warehouse; the tests get its path through `inject("db")`.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    db: string;
  }
}

export default function setup(project: TestProject): void {
  const db = join(mkdtempSync(join(tmpdir(), "kpi-e2e-")), "warehouse.duckdb");
  execFileSync("npm", ["run", "build", "--silent"], {
    env: { ...process.env, KPI_DB: db },
    stdio: ["ignore", "ignore", "inherit"],
  });
  project.provide("db", db);
}
