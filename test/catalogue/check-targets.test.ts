import { describe, expect, test } from "vitest";
import { targetProblems } from "../../pipeline/catalogue/check-targets.ts";
import type { Target } from "../../pipeline/catalogue/types.ts";
import { indicator, target } from "../support/mini-warehouse.ts";

const indicators = new Map(
  [
    indicator("area", { base_unit: "mu", time_aggregation: "stock" }),
    indicator("task_completion", {
      base_unit: "date",
      frequency: "event",
      time_aggregation: "milestone",
      unit_aggregation: "none",
      reporters: "responsible",
    }),
    indicator("violations", { time_aggregation: "flow_ytd" }),
    indicator("share", { base_unit: "ratio", time_aggregation: "rate", unit_aggregation: "ratio_of_sums" }),
    indicator("rank", { unit_zh: "名", frequency: "annual", time_aggregation: "stock" }),
  ].map((i) => [i.indicator_id, i]),
);
const seed = "到2025年设施农业达到20万亩。不得转港。";
const quote = "设施农业达到20万亩";

/** a sound row of each kind, then the fields a case changes */
const SOUND: Record<Target["kind"], Partial<Target>> = {
  reach: { indicator_id: "area", base_unit: "mu", target_value: 200000 },
  hold: {
    indicator_id: "area",
    base_unit: "mu",
    target_value: 1,
    target_shape: "hold_every_period",
    start_date: "2020-01-01",
  },
  window: {
    indicator_id: "violations",
    comparator: "=",
    target_value: 0,
    target_shape: "window",
    start_date: "2020-05-01",
  },
  deliverable: {
    indicator_id: "task_completion",
    base_unit: "date",
    comparator: "done_by",
    target_shape: "done_by",
    value_basis: "none",
  },
  direction: { indicator_id: "area", base_unit: "mu", comparator: "decrease", value_basis: "none" },
  prohibition: {
    indicator_id: "violations",
    comparator: "=",
    target_value: 0,
    target_shape: "hold_every_period",
    start_date: "2020-03-16",
  },
  coverage: { indicator_id: "share", base_unit: "ratio", target_value: 1 },
  ranking: { indicator_id: "rank", comparator: "<=", target_value: 3, target_shape: "hold_every_period" },
};
const row = (kind: Target["kind"], change: Partial<Target> = {}) =>
  target(`t_${kind}`, { kind, source_quote: quote, ...SOUND[kind], ...change });
const problems = (t: Target) => targetProblems(t, { indicators, seed });

describe("targetProblems", () => {
  test.each(Object.keys(SOUND) as Target["kind"][])("a sound %s row has none", (kind) => {
    expect(problems(row(kind))).toEqual([]);
  });

  test.each<[string, Target, string]>([
    ["an unknown kind", row("reach", { kind: "goal" as Target["kind"] }), "kind 'goal' is not one of"],
    ["a deliverable with a value", row("deliverable", { target_value: 1 }), "a deliverable has target_value none"],
    [
      "a deliverable on a number",
      row("deliverable", { indicator_id: "area", base_unit: "mu" }),
      "measured on a milestone",
    ],
    [
      "a reach held every period",
      row("reach", { target_shape: "hold_every_period" }),
      "a reach has shape reach_by_deadline",
    ],
    ["a hold without a start", row("hold", { start_date: "" }), "a hold needs start_date"],
    ["a window of 1", row("window", { target_value: 1 }), "a window has target_value zero"],
    [
      "a prohibition on a stock",
      row("prohibition", { indicator_id: "area", base_unit: "mu" }),
      "a monthly count of violations",
    ],
    ["a prohibition >= 0", row("prohibition", { comparator: ">=" }), "a prohibition compares with ="],
    ["a direction with a value", row("direction", { target_value: 5 }), "a direction has target_value none"],
    ["a direction as >=", row("direction", { comparator: ">=" }), "compares with increase or decrease"],
    [
      "a direction on a milestone",
      row("direction", { indicator_id: "task_completion", base_unit: "date" }),
      "a reported numeric indicator",
    ],
    ["a coverage of 95 %", row("coverage", { target_value: 0.95 }), "a coverage has target_value one"],
    [
      "a coverage on a count",
      row("coverage", { indicator_id: "area", base_unit: "mu" }),
      "a rate of a reported numerator",
    ],
    ["a ranking >= 3", row("ranking", { comparator: ">=" }), "a ranking compares with <="],
    ["a ranking of 2.5", row("ranking", { target_value: 2.5 }), "a ranking has target_value rank"],
    ["a ranking on a monthly count", row("ranking", { indicator_id: "violations" }), "a reported annual rank"],
    ["a unit not the indicator's", row("reach", { base_unit: "t" }), "base_unit is not the indicator's (mu)"],
    ["an unknown indicator", row("reach", { indicator_id: "nothing" }), "indicator 'nothing' is not in"],
    [
      "an unknown deadline basis",
      row("reach", { deadline_basis: "guessed" as Target["deadline_basis"] }),
      "deadline_basis 'guessed'",
    ],
    [
      "an unknown owner basis",
      row("reach", { owner_basis: "someone" as Target["owner_basis"], assumption_zh: "某" }),
      "owner_basis 'someone'",
    ],
    ["an unknown value basis", row("reach", { value_basis: "rough" as Target["value_basis"] }), "value_basis 'rough'"],
    ["a number with value basis none", row("reach", { value_basis: "none" }), "value_basis is none exactly when"],
    [
      "a deliverable with a printed value",
      row("deliverable", { value_basis: "printed" }),
      "value_basis is none exactly when",
    ],
    ["no owner", row("reach", { owner: "" }), "owner is empty"],
    [
      "an assumed deadline unexplained",
      row("reach", { deadline_basis: "assumed" }),
      "assumption_zh (in Chinese) must say",
    ],
    [
      "an owner from the document unexplained",
      row("reach", { owner_basis: "document" }),
      "assumption_zh (in Chinese) must say",
    ],
    [
      "the issuer unexplained",
      row("reach", { owner_basis: "issuer", assumption_zh: "issuer" }),
      "assumption_zh (in Chinese) must say",
    ],
    ["an assumed value unexplained", row("reach", { value_basis: "assumed" }), "assumption_zh (in Chinese) must say"],
    ["an explanation of nothing", row("reach", { assumption_zh: "按规划期计。" }), "assumption_zh is only for rows"],
    ["a quote not in the text", row("reach", { source_quote: "设施农业达到30万亩" }), "not verbatim in the seed text"],
    ["a quote too short", row("reach", { source_quote: "不得" }), "too short to find"],
  ])("%s is a problem", (_name, t, expected) => {
    expect(problems(t).join("; ")).toContain(expected);
  });

  test("an assumption in Chinese with the horizon and an assumed owner is sound", () => {
    const t = row("reach", {
      deadline_basis: "horizon",
      owner_basis: "issuer",
      assumption_zh: "未写责任单位，由发布机关负责。",
    });
    expect(problems(t)).toEqual([]);
  });

  test("a quote matches across the seed's OCR artefacts and line breaks", () => {
    const t = row("prohibition", { source_quote: "不得 转港遥" });
    expect(targetProblems(t, { indicators, seed: "不得转港。" })).toEqual([]);
  });
});
