// kpi export --parquet: every mart read back from its Hive-partitioned files by bare DuckDB, with
// none of this project's code between, gives the mart's exact rows.
import { DuckDBInstance } from "@duckdb/node-api";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { martTables } from "../../pipeline/export/parquet.ts";
import { kpi } from "../support/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "kpi-parquet-"));
const db = join(dir, "warehouse.duckdb");
const out = join(dir, "parquet");

describe("kpi export --parquet", () => {
  let printed = "";
  beforeAll(async () => {
    // the sample's first quarter, received on time, built as of April 2020: a few month-ends
    for (const month of ["2020-01", "2020-02", "2020-03"]) {
      const [y, m] = month.split("-").map(Number);
      const received = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, "0")}-05T10:00:00+08:00`;
      const ingested = await kpi(["ingest", "--db", db, "--received-at", received, `data/sample/${month}`]);
      expect(ingested.code, ingested.err).toBeLessThan(2);
    }
    const built = await kpi(["build", "--db", db, "--as-of", "2020-04", "--out", join(dir, "exports")]);
    expect(built.code, built.err).toBe(0);
    const exported = await kpi(["export", "--db", db, "--parquet", out]);
    expect(exported.code, exported.err).toBe(0);
    printed = exported.out;
  });

  test("every mart is written, by year where it has a period or a moment", async () => {
    const marts = await martTables();
    expect(marts.length).toBeGreaterThan(10);
    for (const mart of marts) expect(printed).toContain(mart);
    expect(readdirSync(join(out, "kpi_status")).sort()).toEqual(["year=2020"]);
    expect(readdirSync(join(out, "rpt_moments")).sort()).toEqual(["year=2020"]);
    expect(existsSync(join(out, "kpi_current", "kpi_current.parquet"))).toBe(true);
  });

  test("bare DuckDB reads back each mart's exact rows", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run(`attach '${db}' as w (read_only)`);
    for (const mart of await martTables()) {
      const columns = (
        await connection.runAndReadAll(
          `select column_name from duckdb_columns() where database_name = 'w' and table_name = '${mart}' order by column_index`,
        )
      )
        .getRows()
        .map(([c]) => `"${c}"`)
        .join(", ");
      const files = existsSync(join(out, mart, `${mart}.parquet`))
        ? `read_parquet('${join(out, mart, `${mart}.parquet`)}')`
        : `read_parquet('${join(out, mart)}/*/*.parquet', hive_partitioning = true)`;
      const [[rows, missing, extra]] = (
        await connection.runAndReadAll(
          `select (select count(*) from w.${mart}),
             (select count(*) from (select ${columns} from w.${mart} except all select ${columns} from ${files})),
             (select count(*) from (select ${columns} from ${files} except all select ${columns} from w.${mart}))`,
        )
      ).getRows();
      expect([mart, Number(rows) > 0 || mart, Number(missing), Number(extra)]).toEqual([mart, true, 0, 0]);
    }
    connection.closeSync();
    instance.closeSync();
  });
});
