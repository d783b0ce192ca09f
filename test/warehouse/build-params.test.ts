// The as-of moment: a day or a month, China time, never after now.
import { describe, expect, test } from "vitest";
import { resolveAsOf } from "../../pipeline/warehouse/build-params.ts";

const NOW = new Date("2026-12-01T06:30:00Z"); // 14:30 on 1 December in China

describe("resolveAsOf", () => {
  test.each([
    { spec: "2026-11", at: "2026-11-30T16:00:00.000Z", date: "2026-11-30", why: "a month: its end, China time" },
    { spec: "2025-12", at: "2025-12-31T16:00:00.000Z", date: "2025-12-31", why: "December ends the year" },
    { spec: "2026-11-10", at: "2026-11-10T16:00:00.000Z", date: "2026-11-10", why: "a day: its end, China time" },
    { spec: "2024-02-29", at: "2024-02-29T16:00:00.000Z", date: "2024-02-29", why: "a leap day" },
    { spec: undefined, at: NOW.toISOString(), date: "2026-12-01", why: "no moment: now" },
    { spec: "2026-12-01", at: NOW.toISOString(), date: "2026-12-01", why: "today has not ended: now" },
    { spec: "2026-12", at: NOW.toISOString(), date: "2026-12-01", why: "this month has not ended: now" },
    { spec: "2027-03", at: NOW.toISOString(), date: "2026-12-01", why: "a month to come: now" },
  ])("$spec → $date ($why)", ({ spec, at, date }) => {
    const asOf = resolveAsOf(spec, NOW);
    expect(asOf.at.toISOString()).toBe(at);
    expect(asOf.date).toBe(date);
  });

  test.each(["2026-13", "2026-02-30", "2026-11-31", "26-11", "2026/11", "yesterday", "2026-11-1"])(
    "'%s' is refused with a message saying what is expected",
    (spec) => {
      expect(() => resolveAsOf(spec, NOW)).toThrow(/--as-of/);
    },
  );
});
