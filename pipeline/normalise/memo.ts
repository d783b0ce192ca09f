// A file repeats the same few cells on every row (the unit's name, the indicator, the period, the
// unit of measure): a pure function of a cell is worked out once per distinct cell.
/** `fn` with its results kept for up to `limit` distinct inputs (then forgotten and kept afresh). */
export function memoised<T>(fn: (text: string) => T, limit = 10_000): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    const hit = kept.get(text);
    if (hit !== undefined || kept.has(text)) return hit as T;
    if (kept.size >= limit) kept.clear();
    const value = fn(text);
    kept.set(text, value);
    return value;
  };
}
