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
