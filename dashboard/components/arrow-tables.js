// The exported JSON rows as Arrow tables with explicit column types, for DuckDB-wasm. Arrow's own
// inference (tableFromJSON) fails on lists of text (submissions.unit_codes) and on columns that are
// null throughout. The Arrow module is passed in so the page and DuckDB-wasm share one copy.

/** a column's kind from its values: number, boolean, list (of text) or text; all-null is text */
export function valueKind(values) {
  const present = values.filter((v) => v != null);
  if (present.length > 0 && present.every((v) => typeof v === "number")) return "number";
  if (present.length > 0 && present.every((v) => typeof v === "boolean")) return "boolean";
  if (present.length > 0 && present.every((v) => Array.isArray(v))) return "list";
  return "text";
}

const text = (v) => (v == null ? null : typeof v === "string" ? v : JSON.stringify(v));

/** plain objects → an Arrow table; null when there are no rows (nothing to say what the columns are) */
export function arrowTable(arrow, rows) {
  if (rows.length === 0) return null;
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const vectors = {};
  for (const name of names) {
    const values = rows.map((r) => r[name] ?? null);
    const kind = valueKind(values);
    if (kind === "number") vectors[name] = arrow.vectorFromArray(values, new arrow.Float64());
    else if (kind === "boolean") vectors[name] = arrow.vectorFromArray(values, new arrow.Bool());
    else if (kind === "list") {
      const type = new arrow.List(new arrow.Field("item", new arrow.Utf8(), true));
      vectors[name] = arrow.vectorFromArray(
        values.map((v) => (v == null ? null : v.map(text))),
        type,
      );
    } else vectors[name] = arrow.vectorFromArray(values.map(text), new arrow.Utf8());
  }
  return new arrow.Table(vectors);
}

/** {name: rows} → {name: Arrow table} for DuckDBClient.of, leaving out empty exports */
export function arrowTables(arrow, sources) {
  return Object.fromEntries(
    Object.entries(sources).flatMap(([name, rows]) => {
      const table = arrowTable(arrow, Array.isArray(rows) ? rows : [rows]);
      return table ? [[name, table]] : [];
    }),
  );
}
