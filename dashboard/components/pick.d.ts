// Types of pick.js for the tests (the dashboard itself runs the plain JavaScript).
type Row = Record<string, any>;
export function monthOf(period: string): string;
export function monthLabel(month: string): string;
export function dayLabel(day: string): string;
export function series(kpiStatus: Row[], targetId: string, scope?: string | null): Row[];
export function numeric(rows: Row[], columns: string[] | ((column: string) => boolean)): Row[];
export function countBy(rows: Row[], key?: string): Record<string, number>;
export function worstFirst(rows: Row[], tie?: (a: Row, b: Row) => number): Row[];
export function targetTaskKey(row: Row): string;
export function periodLabel(period: string, frequency?: string): string;
export function sparkRows(rows: Row[], indicator: Row): Row[];
