// The history a run reads is a few months of values, not all of them: for every figure the run
// reports, `previous` over what readHistory returns equals `previous` over the whole warehouse.
import { DuckDBInstance } from "@duckdb/node-api";
import { expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { previousLookup, type HistoryRow } from "../../pipeline/ingest/history.ts";
import { heldGroups, readHistory } from "../../pipeline/ingest/read-history.ts";

const catalogue = await readCatalogue(CATALOGUE_DIR);

const month = (i: number) => `${2018 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;

// a flow (grain, compared with the same month last year) and a stock (the latest earlier report),
// reported with gaps: every third month missing for one unit, a two-year silence for another
const WAREHOUSE: HistoryRow[] = [];
for (let i = 0; i < 96; i++) {
  for (const indicator_id of ["grain_output", "facility_agri_area"]) {
    if (i % 3 !== 1) WAREHOUSE.push({ unit_code: "211481", indicator_id, period: month(i), value: 100 + i });
    if (i < 20 || i > 44) WAREHOUSE.push({ unit_code: "211421", indicator_id, period: month(i), value: 50 + i });
  }
}

const GROUPS = [
  ["211481", "grain_output"],
  ["211481", "facility_agri_area"],
  ["211421", "grain_output"],
  ["211421", "facility_agri_area"],
];

test("previous over the history read for a run equals previous over the whole warehouse", async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(
    "create table observations (unit_code varchar, indicator_id varchar, period date, value decimal(20, 6))",
  );
  for (const r of WAREHOUSE)
    await connection.run("insert into observations values ($1, $2, cast($3 as date), $4)", [
      r.unit_code,
      r.indicator_id,
      r.period,
      r.value,
    ]);
  expect([...(await heldGroups(connection))].sort()).toEqual([
    "211421|facility_agri_area",
    "211421|grain_output",
    "211481|facility_agri_area",
    "211481|grain_output",
  ]);

  const whole = previousLookup(WAREHOUSE, catalogue.indicators);
  // runs reporting from different first months: recent, within the silence, in the middle of the history
  for (const firstMonth of [95, 50, 40, 30, 13, 2]) {
    // the run reports every month from firstMonth on
    const reported = GROUPS.flatMap(([unit_code, indicator_id]) => {
      return Array.from({ length: 100 - firstMonth }, (_, k) => ({
        unit_code,
        indicator_id,
        period: month(firstMonth + k),
      }));
    });
    const rows = await readHistory(connection, reported);
    // a run of the last five months reads those, the same months a year before, and one more each
    if (firstMonth === 95) expect(rows.length).toBeLessThanOrEqual(4 * 11);
    const narrowed = previousLookup(rows, catalogue.indicators);
    let compared = 0;
    for (let i = firstMonth; i < 100; i++)
      for (const [unit, indicator] of GROUPS) {
        expect(
          narrowed(unit, indicator, month(i)),
          `${unit} ${indicator} ${month(i)} from ${month(firstMonth)}`,
        ).toEqual(whole(unit, indicator, month(i)));
        if (whole(unit, indicator, month(i))) compared++;
      }
    expect(compared).toBeGreaterThan(0);
  }
  expect(await readHistory(connection, [])).toEqual([]);
  // a run of one month reads two values per unit and indicator: a year before, and the latest before
  const oneMonth = await readHistory(
    connection,
    GROUPS.map(([unit_code, indicator_id]) => ({ unit_code, indicator_id, period: month(96) })),
  );
  expect(oneMonth.length).toBe(8);
  connection.closeSync();
  instance.closeSync();
});
