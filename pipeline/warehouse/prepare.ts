// Brings a read-write warehouse up to the current schema and catalogue.
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadCatalogue } from "./load-catalogue.ts";
import type { Catalogue } from "../catalogue/types.ts";
import { runLayer } from "./sql-files.ts";

export async function prepareWarehouse(connection: DuckDBConnection, catalogue: Catalogue): Promise<void> {
  await runLayer(connection, "00_schema");
  await loadCatalogue(connection, catalogue);
}
