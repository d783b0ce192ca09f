// Random byte mutations of valid files never crash or hang the check: every outcome is a
// structured report (known codes, a Chinese message each, counts that add up). Seeded: a failure
// names its seed and case, and FUZZ_SEED=… FUZZ_CASES=… replays it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { CATALOGUE_DIR } from "../../pipeline/catalogue/location.ts";
import { readCatalogue } from "../../pipeline/catalogue/read.ts";
import { checkFile, fileStatus } from "../../pipeline/ingest/check.ts";
import { PROBLEM_CODES } from "../../pipeline/rules/problem.ts";
import { keyedRandom } from "../../pipeline/sample/random.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 15);
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const catalogue = await readCatalogue(CATALOGUE_DIR);
const DIR = "test/fixtures/ingest";
const seeds = readdirSync(DIR)
  .filter((f) => /\.(csv|txt)$/.test(f))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(DIR, f))) }));

/** bytes a hostile or broken file is made of: quotes, separators, line ends, NUL, BOMs, high bytes */
const SPICE = [
  0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x80, 0xc0, 0xe4, 0x2d, 0x2e, 0x65,
];

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = [...bytes];
  const pick = (n: number) => Math.floor(random() * n);
  const byte = () => (random() < 0.6 ? SPICE[pick(SPICE.length)] : pick(256));
  for (let edits = 1 + pick(8); edits > 0; edits--) {
    const at = pick(out.length + 1);
    switch (pick(5)) {
      case 0:
        out[Math.min(at, out.length - 1)] = byte();
        break;
      case 1:
        out.splice(at, 0, ...Array.from({ length: 1 + pick(4) }, byte));
        break;
      case 2:
        out.splice(at, 1 + pick(16));
        break;
      case 3: {
        // a slice copied elsewhere: rows, quotes and headers repeated
        const from = pick(out.length);
        out.splice(at, 0, ...out.slice(from, from + 1 + pick(200)));
        break;
      }
      default:
        out.length = Math.min(out.length, at); // cut short, as a broken upload is
    }
  }
  return new Uint8Array(out);
}

test(`${CASES} mutated files (seed ${SEED}) each get a structured report`, () => {
  const codes = new Set<string>(PROBLEM_CODES);
  const seen = new Map<string, number>();
  for (let i = 0; i < CASES; i++) {
    const random = keyedRandom(SEED, String(i));
    const base = seeds[Math.floor(random() * seeds.length)];
    const bytes = mutate(base.bytes, random);
    const where = `FUZZ_SEED=${SEED} case ${i} (from ${base.name})`;
    let report;
    try {
      report = checkFile(bytes, { catalogue, receivedAt: new Date("2025-10-05T10:00:00+08:00") });
    } catch (error) {
      throw new Error(`${where}: the check threw ${(error as Error).stack}`);
    }
    for (const p of report.problems) {
      expect(codes.has(p.code), `${where}: code ${p.code}`).toBe(true);
      expect(p.message_zh, `${where}: ${p.code} has a Chinese message`).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message_en.length, where).toBeGreaterThan(0);
    }
    if (report.unusable) expect(report.problems, where).toHaveLength(1);
    expect(report.accepted.length + report.milestones.length + report.rowsRejected, where).toBe(report.rowsRead);
    const status = fileStatus(report, false);
    seen.set(status, (seen.get(status) ?? 0) + 1);
  }
  // the mutations reach every outcome, so the loop exercised more than one path
  expect([...seen.keys()].sort()).toEqual(["accepted", "partial", "rejected", "unusable"]);
});
