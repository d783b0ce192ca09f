// Shapes of progress over time, shared by the series: a straight or bent path from a start to an
// end, and a count rising to full coverage. No path may jump more than threefold between two
// reports (the check flags that as out of line, and only the planted mistakes may trip it).

/** From a at t = 0 to b at t = T, bent by shape (< 1: ahead of the straight line early, > 1: behind). */
export function ramp(a: number, b: number, t: number, T: number, shape = 1): number {
  return a + (b - a) * Math.max(0, Math.min(1, t / T)) ** shape;
}

/** A count of total rising from a share start at t = 0 to all of it at t = full, never all before. */
export function rising(total: number, start: number, t: number, full: number, shape = 1): number {
  if (t >= full) return total;
  return Math.min(total - 1, Math.floor(total * ramp(start, 1, t, full, shape)));
}

/** A series that never falls and never more than doubles from one report to the next. */
export function steady(values: number[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    const prev = out.at(-1);
    out.push(prev === undefined ? v : prev > 0 ? Math.min(Math.max(v, prev), prev * 2) : Math.max(v, prev));
  }
  return out;
}
