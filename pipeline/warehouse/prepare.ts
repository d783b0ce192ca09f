// Brings a read-write warehouse up to the current schema and catalogue.
import type { DuckDBConnection } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Catalogue } from "../catalogue/types.ts";
import { inTransaction } from "./connection.ts";
import { loadCatalogue } from "./load-catalogue.ts";
import { runLayer, sqlFiles } from "./sql-files.ts";

async function schemaFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await sqlFiles("00_schema")) hash.update(await readFile(file));
  return hash.digest("hex");
}

async function appliedFingerprint(connection: DuckDBConnection): Promise<string | undefined> {
  const exists = await connection.runAndReadAll(
    "select count(*) from duckdb_tables() where database_name = current_database() and table_name = 'schema_state'",
  );
  if (Number(exists.getRows()[0][0]) === 0) return undefined;
  const row = (await connection.runAndReadAll("select fingerprint from schema_state")).getRows()[0];
  return row ? String(row[0]) : undefined;
}

/**
 * Runs the schema layer when the warehouse is not at its current version, then loads the catalogue.
 * Returns whether the schema was applied (the caller checkpoints after committing: see 07_schema_state.sql).
 */
export async function prepareWarehouse(connection: DuckDBConnection, catalogue: Catalogue): Promise<boolean> {
  const fingerprint = await schemaFingerprint();
  const applied = (await appliedFingerprint(connection)) !== fingerprint;
  if (applied) {
    const keyed = await setKeyedObservationsAside(connection);
    await runLayer(connection, "00_schema");
    if (keyed) {
      await connection.run("insert into observations select * from observations_keyed");
      await connection.run("drop table observations_keyed");
    }
    await connection.run("delete from schema_state");
    await connection.run("insert into schema_state values ($1, current_timestamp)", [fingerprint]);
  }
  await loadCatalogue(connection, catalogue);
  return applied;
}

/**
 * A warehouse made before observations lost its primary key (DuckDB cannot drop a constraint): the
 * old table is set aside, the schema layer makes the new one, and the rows are copied into it.
 */
async function setKeyedObservationsAside(connection: DuckDBConnection): Promise<boolean> {
  const keyed = await connection.runAndReadAll(
    `select count(*) from duckdb_constraints()
     where database_name = current_database() and table_name = 'observations' and constraint_type = 'PRIMARY KEY'`,
  );
  if (Number(keyed.getRows()[0][0]) === 0) return false;
  await connection.run("alter table observations rename to observations_keyed");
  return true;
}

/** prepareWarehouse in its own transaction, and a checkpoint after it when the schema was applied. */
export async function prepareCommitted(connection: DuckDBConnection, catalogue: Catalogue): Promise<void> {
  if (await inTransaction(connection, () => prepareWarehouse(connection, catalogue)))
    await connection.run("checkpoint");
}
