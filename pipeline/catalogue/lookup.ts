// Resolves the names clerks write (兴城, 绥中县人民政府, 粮食产量（本年累计）) to catalogue ids, and
// suggests the closest known name when nothing matches.
import { toHalfWidth } from "../normalise/number.ts";
import type { Catalogue, Indicator, Unit } from "./types.ts";

export function normaliseName(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, "").toLowerCase();
}

export interface Lookup<T> {
  find(name: string): T | undefined;
  /** the closest known name, when one is close enough to be worth suggesting */
  suggest(name: string): string | undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function lookup<T>(
  items: T[],
  names: (item: T) => string[],
  display: (item: T) => string,
  strip: (s: string) => string,
): Lookup<T> {
  const index = new Map<string, T>();
  for (const item of items) for (const name of names(item)) index.set(strip(normaliseName(name)), item);
  // a file names the same few units and indicators on every row: each written form is resolved once
  const found = new Map<string, T | undefined>();
  return {
    find(name) {
      if (!found.has(name)) found.set(name, index.get(strip(normaliseName(name))));
      return found.get(name);
    },
    suggest(name) {
      const key = strip(normaliseName(name));
      if (!key) return undefined;
      let best: { item: T; distance: number } | undefined;
      for (const [known, item] of index) {
        const distance = known.includes(key) || key.includes(known) ? 0.5 : editDistance(key, known);
        if (!best || distance < best.distance) best = { item, distance };
      }
      return best && best.distance <= Math.max(1, Math.floor(key.length / 3)) ? display(best.item) : undefined;
    },
  };
}

// Clerks add the government's name or a bracketed qualifier: 兴城市人民政府, 粮食产量（本年累计）
const unitSuffix = (s: string) => s.replace(/(人民政府|管委会|管理委员会)$/, "");
const indicatorQualifier = (s: string) => s.replace(/[(（][^)）]*[)）]$/, "");

export function unitLookup(catalogue: Catalogue): Lookup<Unit> {
  return lookup(
    catalogue.units,
    (u) => [u.unit_code, u.name_zh, u.name_en, ...u.aliases],
    (u) => u.name_zh,
    unitSuffix,
  );
}

export function indicatorLookup(catalogue: Catalogue): Lookup<Indicator> {
  return lookup(
    catalogue.indicators.filter((i) => i.reported),
    (i) => [i.indicator_id, i.name_zh, i.name_en, ...i.aliases],
    (i) => i.name_zh,
    indicatorQualifier,
  );
}
