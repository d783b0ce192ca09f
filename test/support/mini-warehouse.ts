// A small warehouse built from hand-made rows, for hand-computed tests of the SQL models: the
// real schema, the real catalogue loader and the real staging and mart files, on in-memory DuckDB.
import { DuckDBInstance } from "@duckdb/node-api";
import { loadCatalogue } from "../../pipeline/warehouse/load-catalogue.ts";
import type { Catalogue, Indicator, Target, Unit } from "../../pipeline/catalogue/types.ts";
import { writeBuildParams } from "../../pipeline/warehouse/build-params.ts";
import { plainRows, type Plain } from "../../pipeline/warehouse/rows.ts";
import { runLayer } from "../../pipeline/warehouse/sql-files.ts";

export const UNITS: Unit[] = [
  {
    unit_code: "211400",
    name_zh: "葫芦岛市",
    name_en: "City",
    kind: "市",
    coastal: true,
    aliases: [],
    sort_order: 0,
    note: "",
  },
  {
    unit_code: "211402",
    name_zh: "连山区",
    name_en: "A",
    kind: "区",
    coastal: true,
    aliases: [],
    sort_order: 1,
    note: "",
  },
  {
    unit_code: "211404",
    name_zh: "南票区",
    name_en: "B",
    kind: "区",
    coastal: false,
    aliases: [],
    sort_order: 2,
    note: "",
  },
  {
    unit_code: "211422",
    name_zh: "建昌县",
    name_en: "C",
    kind: "县",
    coastal: false,
    aliases: [],
    sort_order: 3,
    note: "",
  },
];

export function indicator(id: string, fields: Partial<Indicator>): Indicator {
  return {
    indicator_id: id,
    doc_id: "rural",
    name_zh: id,
    name_en: id,
    unit_zh: "个",
    base_unit: "count",
    display_scale: 1,
    frequency: "monthly",
    time_aggregation: "stock",
    unit_aggregation: "sum",
    numerator_id: "",
    denominator_id: "",
    reported: true,
    reporters: "counties",
    aliases: [],
    note: "",
    ...fields,
  };
}

/** the kind a hand-made row's comparator and shape imply, unless the test names one */
function impliedKind(fields: Partial<Target>): Target["kind"] {
  if (fields.comparator === "done_by") return "deliverable";
  if (fields.target_shape === "window") return "window";
  if (fields.comparator === "=") return "prohibition";
  return fields.target_shape === "hold_every_period" ? "hold" : "reach";
}

export function target(id: string, fields: Partial<Target>): Target {
  return {
    target_id: id,
    doc_id: "rural",
    kind: impliedKind(fields),
    indicator_id: "",
    scope_code: "211400",
    comparator: ">=",
    target_value: null,
    base_unit: "count",
    target_shape: "reach_by_deadline",
    start_date: "",
    deadline: "2025-12-31",
    deadline_basis: "printed",
    source_doc: "葫政发〔2020〕13号",
    source_clause: "test",
    source_quote: "test",
    responsible_units: [],
    lead_unit: "",
    owner: "市农业农村局",
    owner_basis: "printed",
    value_basis: "printed",
    assumption_zh: "",
    note: "",
    ...fields,
  };
}

export interface Obs {
  unit: string;
  indicator: string;
  /** YYYY-MM (month) or a period's first day */
  period: string;
  value: number;
  /** when the report arrived (ISO); default: the 5th of the following month */
  received?: string;
}

export interface Milestone {
  target: string;
  unit: string;
  completed: string;
  received: string;
}

export interface MiniSpec {
  indicators: Indicator[];
  targets?: Target[];
  observations?: Obs[];
  milestones?: Milestone[];
  asOf: string;
  tolerance?: number;
  dueDay?: number;
  builtAt?: string;
}

const firstDay = (period: string) => (period.length === 7 ? `${period}-01` : period);

function defaultReceived(period: string): string {
  const [y, m] = period.split("-").map(Number);
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  return `${ny}-${String(nm).padStart(2, "0")}-05T09:00:00+08:00`;
}

export async function miniWarehouse(spec: MiniSpec) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await runLayer(connection, "00_schema");
  const catalogue: Catalogue = {
    documents: [
      {
        doc_id: "rural",
        source_doc: "葫政发〔2020〕13号",
        title_zh: "t",
        issued_on: "2020-03-16",
        area_zh: "乡村产业振兴",
        area_en: "Rural",
      },
    ],
    units: UNITS,
    indicators: spec.indicators,
    targets: spec.targets ?? [],
    parameters: [],
  };
  await loadCatalogue(connection, catalogue);

  // one submission per report, in the order received; a later report of a key supersedes it
  const reports = [
    ...(spec.observations ?? []).map((o) => ({
      kind: "obs" as const,
      o,
      received: o.received ?? defaultReceived(o.period),
    })),
    ...(spec.milestones ?? []).map((m) => ({ kind: "milestone" as const, m, received: m.received })),
  ].sort((a, b) => new Date(a.received).getTime() - new Date(b.received).getTime());
  for (const [index, report] of reports.entries()) {
    const id = index + 1;
    await connection.run(
      `insert into submissions values ($1, 'f.csv', $2, 1, cast($3 as timestamptz), 'x', 'utf-8', [], 1, 1, 0, 0, 0, 'accepted', null)`,
      [id, `sha${id}`, report.received],
    );
    if (report.kind === "obs") {
      const { o } = report;
      const key = [o.unit, o.indicator, firstDay(o.period)];
      await connection.run(
        `insert into observation_history select *, $4 from observations
         where unit_code = $1 and indicator_id = $2 and period = cast($3 as date)`,
        [...key, id],
      );
      await connection.run(
        `delete from observations where unit_code = $1 and indicator_id = $2 and period = cast($3 as date)`,
        key,
      );
      await connection.run(`insert into observations values ($1, $2, cast($3 as date), $4, '', null, null, $5, 2)`, [
        ...key,
        String(o.value),
        id,
      ]);
    } else {
      const { m } = report;
      await connection.run(
        `insert into milestone_reports values ($1, $2, cast($3 as date), cast($4 as date), '佐证', $4, $5, 2)`,
        [m.target, m.unit, `${m.completed.slice(0, 7)}-01`, m.completed, id],
      );
    }
  }
  await writeBuildParams(connection, {
    asOf: spec.asOf,
    builtAt: new Date(spec.builtAt ?? "2030-01-01T00:00:00Z"),
    tolerance: spec.tolerance ?? 0.1,
    dueDay: spec.dueDay ?? 10,
  });
  await runLayer(connection, "10_staging");
  await runLayer(connection, "20_marts");
  return {
    connection,
    async query(sql: string): Promise<Record<string, Plain>[]> {
      return plainRows(await connection.runAndReadAll(sql));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
