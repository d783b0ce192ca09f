// Types of pick.js for the tests (the dashboard itself runs the plain JavaScript).
type Row = Record<string, any>;
export function monthOf(period: string): string;
export function monthLabel(month: string): string;
export function monthEnd(month: string): string;
export function monthsWithData(kpiStatus: Row[]): string[];
export function rowsAsOf(kpiStatus: Row[], month: string, options?: { scope?: string | null }): Row[];
export function series(kpiStatus: Row[], targetId: string, scope: string, month?: string | null): Row[];
export function countBy(rows: Row[], key?: string): Record<string, number>;
export function worstFirst(rows: Row[], tie?: (a: Row, b: Row) => number): Row[];
export function latestPerUnit(
  actuals: Row[],
  indicatorId: string,
  options?: { month?: string | null; withCity?: boolean },
): Row[];
export function rankUnits(
  rows: Row[],
  options?: { value?: (d: Row) => number; descending?: boolean; order?: Map<string, number> },
): (Row & { rank: number })[];
export function milestonesAt(milestones: Row[], date: string): Row[];
export function monthlyFromYtd(rows: Row[]): { month: string; value: number }[];
export function completenessByUnit(rows: Row[], month: string): Row[];
export function targetTaskKey(row: Row): string;
export function periodLabel(period: string, frequency?: string): string;
export function sparkRows(rows: Row[], indicator: Row): Row[];
