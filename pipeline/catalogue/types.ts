export type Frequency = "monthly" | "quarterly" | "annual" | "event";
export type TimeAggregation = "flow_ytd" | "cumulative" | "stock" | "rate" | "milestone";
/** who reports an indicator: every unit, the counties, the coastal units, the city's own departments (as 211400), a task's responsible unit, or nobody (computed) */
export type Reporters = "all" | "counties" | "coastal" | "city" | "responsible" | "none";
export type UnitAggregation = "sum" | "ratio_of_sums" | "none";

export interface Document {
  doc_id: string;
  source_doc: string;
  title_zh: string;
  issued_on: string;
  area_zh: string;
  area_en: string;
}

export interface Unit {
  unit_code: string;
  name_zh: string;
  name_en: string;
  kind: string;
  coastal: boolean;
  aliases: string[];
  sort_order: number;
  note: string;
}

export interface Indicator {
  indicator_id: string;
  doc_id: string;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  base_unit: string;
  display_scale: number;
  frequency: Frequency;
  time_aggregation: TimeAggregation;
  unit_aggregation: UnitAggregation;
  numerator_id: string;
  denominator_id: string;
  reported: boolean;
  reporters: Reporters;
  aliases: string[];
  note: string;
}

/** what a commitment is: see data/catalogue/README.md */
export const TARGET_KINDS = [
  "reach",
  "hold",
  "window",
  "deliverable",
  "direction",
  "prohibition",
  "coverage",
  "ranking",
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export type Comparator = ">=" | "<=" | "=" | "done_by" | "increase" | "decrease";
export type TargetShape = "reach_by_deadline" | "hold_every_period" | "done_by" | "window";
/** how the deadline was set: printed in the clause, the document's horizon, or assumed by us */
export const DEADLINE_BASES = ["printed", "horizon", "assumed"] as const;
/** who named the owner: the clause, elsewhere in the document, or nobody (the issuing office answers) */
export const OWNER_BASES = ["printed", "document", "issuer"] as const;
/** where the target value comes from: printed, assumed by us, or no value (deliverables, directions) */
export const VALUE_BASES = ["printed", "assumed", "none"] as const;

export interface Target {
  target_id: string;
  doc_id: string;
  kind: TargetKind;
  indicator_id: string;
  scope_code: string;
  comparator: Comparator;
  target_value: number | null;
  base_unit: string;
  target_shape: TargetShape;
  start_date: string;
  deadline: string;
  deadline_basis: (typeof DEADLINE_BASES)[number];
  source_doc: string;
  source_clause: string;
  source_quote: string;
  responsible_units: string[];
  lead_unit: string;
  owner: string;
  owner_basis: (typeof OWNER_BASES)[number];
  value_basis: (typeof VALUE_BASES)[number];
  assumption_zh: string;
  note: string;
}

export interface Parameter {
  parameter_id: string;
  doc_id: string;
  name_zh: string;
  value: string;
  unit_zh: string;
  source_clause: string;
  source_quote: string;
  note: string;
}

export interface Catalogue {
  documents: Document[];
  units: Unit[];
  indicators: Indicator[];
  targets: Target[];
  parameters: Parameter[];
}

/** The city as a whole: the scope of city-wide targets and of city aggregates. */
export const CITY_CODE = "211400";
