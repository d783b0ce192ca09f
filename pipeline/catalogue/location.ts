import { fileURLToPath } from "node:url";

/** data/catalogue/ of this checkout: the catalogue travels with the code that reads it. */
export const CATALOGUE_DIR = fileURLToPath(new URL("../../data/catalogue/", import.meta.url));
