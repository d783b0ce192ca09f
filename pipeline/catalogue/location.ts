import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** data/catalogue/ of this checkout: the catalogue travels with the code that reads it. */
export const CATALOGUE_DIR = fileURLToPath(new URL("../../data/catalogue/", import.meta.url));

/** the text of the five seed documents, which every quote of the catalogue comes from */
export const SEED_TEXT_PATH = fileURLToPath(new URL("../../data/sources/seeds-2020.txt", import.meta.url));

/** the reviewed reasons why a flagged sentence of the seed text has no row */
export const COVERAGE_REASONS_PATH = fileURLToPath(
  new URL("../../data/catalogue/coverage-reasons.csv", import.meta.url),
);

/** the coverage report, written by `npm run coverage` */
export const COVERAGE_REPORT_PATH = fileURLToPath(new URL("../../data/catalogue/COVERAGE.md", import.meta.url));

/** The catalogue a command reads: $KPI_CATALOGUE (another copy, e.g. the benchmark's larger one), else data/catalogue/. */
export function catalogueDir(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.KPI_CATALOGUE ? resolve(cwd, env.KPI_CATALOGUE) : CATALOGUE_DIR;
}
