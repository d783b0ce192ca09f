// The sample's calendar: months from 2020-01 to 2026-10, the periods rows are reported for, and
// which month's report carries each period (a quarter in its last month, a year in December).
export const FIRST_MONTH = "2020-01";
export const LAST_MONTH = "2026-10";
/**
 * The sample's own clock: the moment it describes, the end of the day the last month's reports
 * were due (the 10th). Builds of the sample are as of it, so the demo reads the same next year.
 */
export const SNAPSHOT = "2026-11-10";
const [Y0, M0] = FIRST_MONTH.split("-").map(Number);
const [Y1, M1] = LAST_MONTH.split("-").map(Number);

export interface Month {
  y: number;
  m: number;
}

export type Period =
  { kind: "month"; y: number; m: number } | { kind: "quarter"; y: number; q: number } | { kind: "year"; y: number };

export const two = (n: number) => String(n).padStart(2, "0");

/** Months since 2020-01 (0 for 2020-01, 71 for 2025-12). */
export const monthIndex = (y: number, m: number) => (y - Y0) * 12 + m - M0;

/** Quarters since 2020Q1. */
export const quarterIndex = (y: number, q: number) => (y - Y0) * 4 + q - 1;

export function months(): Month[] {
  const out: Month[] = [];
  for (let y = Y0, m = M0; y < Y1 || (y === Y1 && m <= M1); m === 12 ? (y++, (m = 1)) : m++) out.push({ y, m });
  return out;
}

/** Quarters whose last month is in the sample (2020Q1 … 2026Q3). */
export function quarters(): { y: number; q: number }[] {
  return months()
    .filter(({ m }) => m % 3 === 0)
    .map(({ y, m }) => ({ y, q: m / 3 }));
}

/** Years whose December is in the sample (2020 … 2025). */
export function years(): number[] {
  return months()
    .filter(({ m }) => m === 12)
    .map(({ y }) => y);
}

export const monthKey = ({ y, m }: Month) => `${y}-${two(m)}`;

/** The month whose report carries a period's row. */
export function fileMonth(period: Period): string {
  if (period.kind === "month") return monthKey(period);
  if (period.kind === "quarter") return monthKey({ y: period.y, m: period.q * 3 });
  return monthKey({ y: period.y, m: 12 });
}
