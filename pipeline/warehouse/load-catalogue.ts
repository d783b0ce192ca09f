// Writes the catalogue into the warehouse: each table's rows are replaced, inside the caller's
// transaction, so the warehouse always holds exactly what data/catalogue/ says. Each table goes in
// as one staged CSV (the nation's units and their 100,000 reporting duties in one statement each).
import type { DuckDBConnection } from "@duckdb/node-api";
import { reportingDuties } from "../catalogue/duties.ts";
import type { Catalogue } from "../catalogue/types.ts";
import { StagedCsv } from "./staged-csv.ts";

const join = (list: string[]) => list.join("|");
const orNull = (s: string) => (s === "" ? null : s);

/** `expressions` turn a column's text (`$`) into its value; without one the column casts it */
async function replace(
  connection: DuckDBConnection,
  table: string,
  columns: string[],
  rows: (string | number | boolean | null)[][],
  expressions: Record<string, string> = {},
): Promise<void> {
  await connection.run(`delete from ${table}`);
  if (rows.length === 0) return;
  const staged = new StagedCsv(table);
  try {
    for (const row of rows) staged.add(row.map((v) => (typeof v === "boolean" ? String(v) : v)));
    const values = columns.map((c) => (expressions[c] ?? "$").replaceAll("$", `"${c}"`));
    const text = staged.reader(Object.fromEntries(columns.map((c) => [c, "varchar"])));
    await connection.run(`insert into ${table} (${columns.join(", ")}) select ${values.join(", ")} from ${text}`);
  } finally {
    staged.remove();
  }
}

const splitList = "coalesce(list_filter(string_split($, '|'), x -> x <> ''), [])";

export async function loadCatalogue(connection: DuckDBConnection, c: Catalogue): Promise<void> {
  await replace(
    connection,
    "documents",
    ["doc_id", "source_doc", "title_zh", "issued_on", "area_zh", "area_en"],
    c.documents.map((d) => [d.doc_id, d.source_doc, d.title_zh, d.issued_on, d.area_zh, d.area_en]),
    { issued_on: "cast($ as date)" },
  );
  await replace(
    connection,
    "counties",
    ["unit_code", "name_zh", "name_en", "kind", "coastal", "aliases", "sort_order", "note"],
    c.units.map((u) => [
      u.unit_code,
      u.name_zh,
      u.name_en,
      u.kind,
      u.coastal,
      join(u.aliases),
      u.sort_order,
      orNull(u.note),
    ]),
    { aliases: splitList },
  );
  await replace(
    connection,
    "indicators",
    [
      "indicator_id",
      "doc_id",
      "name_zh",
      "name_en",
      "unit_zh",
      "base_unit",
      "display_scale",
      "frequency",
      "time_aggregation",
      "unit_aggregation",
      "numerator_id",
      "denominator_id",
      "reported",
      "reporters",
      "aliases",
      "note",
    ],
    c.indicators.map((i) => [
      i.indicator_id,
      i.doc_id,
      i.name_zh,
      i.name_en,
      i.unit_zh,
      i.base_unit,
      String(i.display_scale),
      i.frequency,
      i.time_aggregation,
      i.unit_aggregation,
      orNull(i.numerator_id),
      orNull(i.denominator_id),
      i.reported,
      i.reporters,
      join(i.aliases),
      orNull(i.note),
    ]),
    { display_scale: "cast($ as decimal(20, 6))", aliases: splitList },
  );
  await replace(
    connection,
    "targets",
    [
      "target_id",
      "doc_id",
      "kind",
      "indicator_id",
      "scope_code",
      "comparator",
      "target_value",
      "base_unit",
      "target_shape",
      "start_date",
      "deadline",
      "deadline_basis",
      "source_doc",
      "source_clause",
      "source_quote",
      "responsible_units",
      "lead_unit",
      "owner",
      "owner_basis",
      "value_basis",
      "assumption_zh",
      "note",
    ],
    c.targets.map((t) => [
      t.target_id,
      t.doc_id,
      t.kind,
      t.indicator_id,
      t.scope_code,
      t.comparator,
      t.target_value === null ? null : String(t.target_value),
      t.base_unit,
      t.target_shape,
      orNull(t.start_date),
      t.deadline,
      t.deadline_basis,
      t.source_doc,
      t.source_clause,
      t.source_quote,
      join(t.responsible_units),
      orNull(t.lead_unit),
      t.owner,
      t.owner_basis,
      t.value_basis,
      orNull(t.assumption_zh),
      orNull(t.note),
    ]),
    {
      target_value: "cast($ as decimal(20, 6))",
      start_date: "cast($ as date)",
      deadline: "cast($ as date)",
      responsible_units: splitList,
    },
  );
  await replace(
    connection,
    "parameters",
    ["parameter_id", "doc_id", "name_zh", "value", "unit_zh", "source_clause", "source_quote", "note"],
    c.parameters.map((p) => [
      p.parameter_id,
      p.doc_id,
      p.name_zh,
      p.value,
      orNull(p.unit_zh),
      p.source_clause,
      p.source_quote,
      orNull(p.note),
    ]),
  );
  await replace(
    connection,
    "reporting_duties",
    ["unit_code", "indicator_id"],
    reportingDuties(c).map((d) => [d.unit_code, d.indicator_id]),
  );
}
