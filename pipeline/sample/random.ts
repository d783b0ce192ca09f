/** mulberry32: a small seeded PRNG, so the sample data is the same bytes on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One independent stream per purpose ("grain", "211421"): adding a series or a unit never shifts
 * the numbers drawn for the others. The key is mixed into the seed with FNV-1a.
 */
export function keyedRandom(seed: number, ...key: string[]): () => number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of key.join("/")) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return seededRandom(hash);
}

/** A factor around 1: 1 ± spread/2. */
export function jitter(random: () => number, spread: number): number {
  return 1 + (random() - 0.5) * spread;
}
