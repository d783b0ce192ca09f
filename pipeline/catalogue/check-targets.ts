// The rules every target row of the catalogue obeys: its kind fixes its comparator, shape, value and
// the kind of indicator it is measured on; its bases are known words; whatever is not printed is
// explained in assumption_zh; its quote is verbatim from the seed text. Pure: the catalogue test runs
// it on every row, and on hand-made rows that break each rule.
import { normaliseSeedText } from "./seed-text.ts";
import {
  DEADLINE_BASES,
  OWNER_BASES,
  TARGET_KINDS,
  VALUE_BASES,
  type Comparator,
  type Indicator,
  type Target,
  type TargetKind,
  type TargetShape,
} from "./types.ts";

interface KindRule {
  comparators: Comparator[];
  shapes: TargetShape[];
  /** the value the kind allows: none, any number, exactly 0, exactly 1, or a whole rank ≥ 1 */
  value: "none" | "number" | "zero" | "one" | "rank";
  /** what the indicator must be, and the words for the message */
  indicator?: { test: (i: Indicator) => boolean; says: string };
  /** whether the rule needs start_date */
  start: boolean;
}

const milestone = { test: (i: Indicator) => i.time_aggregation === "milestone", says: "a milestone (task_completion)" };
const numeric = {
  test: (i: Indicator) => i.time_aggregation !== "milestone" && (i.reported || i.unit_aggregation === "ratio_of_sums"),
  says: "a reported numeric indicator or a rate of reported ones",
};
const violations = {
  test: (i: Indicator) => i.base_unit === "count" && i.time_aggregation === "flow_ytd" && i.frequency === "monthly",
  says: "a monthly count of violations (count, flow_ytd)",
};
const rate = {
  test: (i: Indicator) => i.base_unit === "ratio" && i.unit_aggregation === "ratio_of_sums",
  says: "a rate of a reported numerator and denominator",
};
const rank = {
  test: (i: Indicator) =>
    i.reported && i.time_aggregation === "stock" && i.frequency === "annual" && i.unit_zh === "名",
  says: "a reported annual rank (stock, 名)",
};

export const KIND_RULES: Record<TargetKind, KindRule> = {
  reach: { comparators: [">=", "<="], shapes: ["reach_by_deadline"], value: "number", start: false },
  hold: { comparators: [">=", "<="], shapes: ["hold_every_period"], value: "number", start: true },
  window: { comparators: ["="], shapes: ["window"], value: "zero", indicator: violations, start: true },
  deliverable: { comparators: ["done_by"], shapes: ["done_by"], value: "none", indicator: milestone, start: false },
  direction: {
    comparators: ["increase", "decrease"],
    shapes: ["reach_by_deadline"],
    value: "none",
    indicator: numeric,
    start: false,
  },
  prohibition: {
    comparators: ["="],
    shapes: ["hold_every_period"],
    value: "zero",
    indicator: violations,
    start: true,
  },
  coverage: {
    comparators: [">="],
    shapes: ["reach_by_deadline", "hold_every_period"],
    value: "one",
    indicator: rate,
    start: false,
  },
  ranking: {
    comparators: ["<="],
    shapes: ["reach_by_deadline", "hold_every_period"],
    value: "rank",
    indicator: rank,
    start: false,
  },
};

const VALUE_TEST: Record<KindRule["value"], (v: number | null) => boolean> = {
  none: (v) => v === null,
  number: (v) => v !== null && Number.isFinite(v),
  zero: (v) => v === 0,
  one: (v) => v === 1,
  rank: (v) => v !== null && Number.isInteger(v) && v >= 1,
};

/** whether the row states something not printed, which assumption_zh must then explain */
export function needsAssumption(t: Pick<Target, "deadline_basis" | "owner_basis" | "value_basis">): boolean {
  return t.deadline_basis === "assumed" || t.owner_basis !== "printed" || t.value_basis === "assumed";
}

const HAN = /\p{Script=Han}/u;

export interface TargetContext {
  indicators: Map<string, Indicator>;
  /** the seed text, normalised (normaliseSeedText) */
  seed: string;
}

/** Every rule the row breaks, in words for the catalogue's reviewer; empty when the row is sound. */
export function targetProblems(t: Target, context: TargetContext): string[] {
  const problems: string[] = [];
  const rule = KIND_RULES[t.kind as TargetKind];
  if (!rule) return [`kind '${t.kind}' is not one of ${TARGET_KINDS.join(", ")}`];
  if (!rule.comparators.includes(t.comparator))
    problems.push(`a ${t.kind} compares with ${rule.comparators.join(" or ")}`);
  if (!rule.shapes.includes(t.target_shape)) problems.push(`a ${t.kind} has shape ${rule.shapes.join(" or ")}`);
  if (!VALUE_TEST[rule.value](t.target_value)) problems.push(`a ${t.kind} has target_value ${rule.value}`);
  if (rule.start && !t.start_date) problems.push(`a ${t.kind} needs start_date`);
  const indicator = context.indicators.get(t.indicator_id);
  if (!indicator) problems.push(`indicator '${t.indicator_id}' is not in indicators.csv`);
  else {
    if (rule.indicator && !rule.indicator.test(indicator))
      problems.push(`a ${t.kind} is measured on ${rule.indicator.says}`);
    if (indicator.base_unit !== t.base_unit) problems.push(`base_unit is not the indicator's (${indicator.base_unit})`);
  }
  if (t.kind === "coverage" && t.base_unit !== "ratio") problems.push("a coverage is a ratio");
  if (!DEADLINE_BASES.includes(t.deadline_basis)) problems.push(`deadline_basis '${t.deadline_basis}' is unknown`);
  if (!OWNER_BASES.includes(t.owner_basis)) problems.push(`owner_basis '${t.owner_basis}' is unknown`);
  if (!VALUE_BASES.includes(t.value_basis)) problems.push(`value_basis '${t.value_basis}' is unknown`);
  if ((t.value_basis === "none") !== (rule.value === "none"))
    problems.push(`value_basis is none exactly when the kind has no value (deliverable, direction)`);
  if (!t.owner) problems.push("owner is empty");
  if (needsAssumption(t) && !HAN.test(t.assumption_zh))
    problems.push("assumption_zh (in Chinese) must say what was assumed: a deadline, owner or value is not printed");
  if (!needsAssumption(t) && t.assumption_zh) problems.push("assumption_zh is only for rows with something assumed");
  const quote = normaliseSeedText(t.source_quote);
  if (quote.length <= 4) problems.push("source_quote is too short to find");
  else if (!context.seed.includes(quote)) problems.push("source_quote is not verbatim in the seed text");
  return problems;
}
