// Figures for every reported indicator no hand-written series makes: the commitments without a
// printed number (violations of a prohibition, a provincial rank, a measure that must improve, the
// parts of a coverage rate, a level to keep). Each is drawn from the kind of the target that
// measures it, so a catalogue row added later is reported too: most units keep their rules and
// reach full coverage, a few violations and a few laggards show what the dashboard does with them.
// Every value is a pure function of (seed, indicator, unit, period): any row can be drawn alone.
import type { Indicator, Target } from "../../catalogue/types.ts";
import { monthIndex, type Period } from "../calendar.ts";
import { catalogue, indicatorOf } from "../catalogue.ts";
import { keyedRandom } from "../random.ts";
import type { SampleRow } from "../template.ts";
import type { Milestone } from "./tasks.ts";

/** What a target asks of an indicator's figures. */
type Role =
  | { kind: "violations" }
  | { kind: "rank"; bound: number }
  | { kind: "improve"; comparator: "increase" | "decrease" }
  | { kind: "part"; part: "numerator" | "denominator"; base: string; deadline: string }
  | { kind: "level"; comparator: ">=" | "<="; goal: number; deadline: string };

/** How the indicator's figures are asked for: by its own target, or as a part of a measured rate. */
function roleOf(indicator: Indicator, targets: Target[]): Role {
  const own = targets.find((t) => t.indicator_id === indicator.indicator_id && t.comparator !== "done_by");
  if (own) {
    if (own.comparator === "increase" || own.comparator === "decrease")
      return { kind: "improve", comparator: own.comparator };
    if (own.comparator === "=") return { kind: "violations" };
    if (own.kind === "ranking") return { kind: "rank", bound: own.target_value ?? 3 };
    const comparator = own.comparator === "<=" ? "<=" : ">=";
    return { kind: "level", comparator, goal: own.target_value ?? 1, deadline: own.deadline };
  }
  const rate = catalogue().indicators.find(
    (i) => i.numerator_id === indicator.indicator_id || i.denominator_id === indicator.indicator_id,
  );
  const rateTarget = rate && targets.find((t) => t.indicator_id === rate.indicator_id);
  if (rate && rateTarget)
    return {
      kind: "part",
      part: rate.numerator_id === indicator.indicator_id ? "numerator" : "denominator",
      // the base the rate is a share of (a denominator may serve several rates)
      base: rate.denominator_id,
      deadline: rateTarget.deadline,
    };
  throw new Error(`no target measures ${indicator.indicator_id}: the sample cannot tell what to report`);
}

/** A base value of the right size for a measure that must improve, by its unit. */
const MAGNITUDE: Record<string, number> = { day: 8, ratio: 0.6, count: 40, yuan: 2e8, t: 2e4, mu: 3e4 };

/** How much bigger a rate's base is than a count, by its unit (tonnes of waste a month). */
const PART_SCALE: Record<string, number> = { t: 1000 };

/** The months a period covers, as month indexes since 2020-01: [first, last]. */
function span(period: Period): [number, number] {
  if (period.kind === "month") return [monthIndex(period.y, period.m), monthIndex(period.y, period.m)];
  if (period.kind === "quarter") return [monthIndex(period.y, period.q * 3 - 2), monthIndex(period.y, period.q * 3)];
  return [monthIndex(period.y, 1), monthIndex(period.y, 12)];
}

/** Share of the way from 2020-01 to the deadline's month at month index i (1 from the deadline on). */
function progress(i: number, deadline: string): number {
  const end = monthIndex(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)));
  return Math.min(1, Math.max(0, i / Math.max(end, 1)));
}

/** Violations in one month: rare, and never two months running in the same unit's stream. */
function violationsIn(seed: number, id: string, unit: string, i: number): number {
  const random = keyedRandom(seed, "violations", id, unit, String(i));
  return random() < 0.012 ? 1 + Math.floor(random() * 2) : 0;
}

/** The figure in base units for the period (year to date for a flow). */
function baseValue(seed: number, indicator: Indicator, role: Role, unit: string, period: Period): number {
  const id = indicator.indicator_id;
  const [first, last] = span(period);
  // a rate's parts draw from its base's stream, so a numerator never exceeds its denominator
  const stream = keyedRandom(seed, "commitment", role.kind === "part" ? role.base : id, unit);
  const laggard = stream() < 0.2;
  const wobble = keyedRandom(seed, "commitment", id, unit, String(last))();
  switch (role.kind) {
    case "violations": {
      // a flow counts from January of the period's year; a stock or running total is what stands
      const from = indicator.time_aggregation === "flow_ytd" ? monthIndex(period.y, 1) : first;
      let n = 0;
      for (let i = from; i <= last; i++) n += violationsIn(seed, id, unit, i);
      return n;
    }
    case "rank": {
      // starts a little outside the bound, most climb inside it within two years
      const years = period.y - 2020;
      const start = role.bound + 1 + Math.floor(stream() * 3);
      const rank = Math.round(start - years * (laggard ? 0.5 : 1.5) + (wobble - 0.5) * 2);
      return Math.max(1, rank);
    }
    case "improve": {
      const base = MAGNITUDE[indicator.base_unit] ?? 50;
      const start = base * (0.8 + stream() * 0.4);
      const yearly = laggard ? -0.02 : 0.06 + stream() * 0.06;
      const sign = role.comparator === "increase" ? 1 : -1;
      const value = start * (1 + sign * yearly * (last / 12)) * (1 + (wobble - 0.5) * 0.04);
      return indicator.base_unit === "ratio" ? Math.min(value, 1) : value;
    }
    case "part": {
      // a base of 20–80 (counts), in tonnes a thousand times that a month; a flow adds up from January
      const months = indicator.time_aggregation === "flow_ytd" ? last - monthIndex(period.y, 1) + 1 : 1;
      const base = Math.round((20 + stream() * 60) * (PART_SCALE[indicator.base_unit] ?? 1) * months);
      if (role.part === "denominator") return base;
      const ceiling = laggard ? 0.9 + stream() * 0.07 : 1;
      return Math.round(base * Math.min(ceiling, 0.7 + 0.3 * progress(last, role.deadline) + wobble * 0.03, 1));
    }
    case "level": {
      const share = laggard ? 0.85 : 1;
      if (role.comparator === "<=") return role.goal * (1.3 - (0.35 * progress(last, role.deadline)) / share);
      return role.goal * Math.min(share, 0.6 + 0.45 * progress(last, role.deadline) + wobble * 0.05);
    }
  }
}

/** The row a unit reports for a period of an indicator no hand-written series makes. */
export function commitmentRow(seed: number, indicatorId: string, unit: string, period: Period): SampleRow {
  const indicator = indicatorOf(indicatorId);
  const role = roleOf(indicator, catalogue().targets);
  const base = baseValue(seed, indicator, role, unit, period);
  const shown = base / indicator.display_scale;
  const value =
    indicator.base_unit === "count" && indicator.display_scale === 1 ? String(Math.round(shown)) : shown.toFixed(2);
  return { indicator: indicatorId, period, value, unit: indicator.unit_zh };
}

const day = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A deliverable the hand-written record (series/tasks.ts) does not list: most are done before their
 * deadline, some late, about one in eight never (overdue now); one due after the sample's clock is
 * done early or still in progress. The evidence names what was delivered, as clerks write it.
 */
export function deliverablePlan(seed: number, target: Target, clock: string): Milestone {
  const random = keyedRandom(seed, "deliverable", target.target_id);
  const draw = random();
  const issued = catalogue().documents.find((d) => d.doc_id === target.doc_id)?.issued_on ?? "2020-01-01";
  const drawn = day(target.deadline, -(5 + Math.floor(random() * 90)));
  const early = drawn < issued ? day(issued, 3) : drawn;
  const late = day(target.deadline, 10 + Math.floor(random() * 240));
  const done = draw < 0.68 ? early : draw < 0.87 ? late : undefined;
  if (!done || done > day(clock, -15)) return {};
  const what = (target.source_quote.match(/[“《]([^”》]{2,24})[”》]/)?.[1] ?? target.source_clause).trim();
  return { done, evidence: `${what}：已完成，见${done.slice(0, 4)}年工作总结及相关文件（${done}）` };
}
