// The benchmark's results: the table it prints and BENCHMARKS.md, each ratio against the bare
// DuckDB baseline measured in the same run.
import { formatTable } from "../format/table.ts";
import type { PageData } from "./page-data.ts";

export interface Timing {
  /** the median wall time of the runs, in seconds */
  seconds: number;
  /** the highest peak RSS of the runs, in MB */
  peakMb: number;
  /** why the step did not finish, when it did not (its time and memory are then those of the failed run) */
  failed?: string;
}

export interface Step extends Timing {
  name: string;
  rows?: number;
  bare?: Timing;
}

export function formatSteps(steps: Step[]): string {
  const table = formatTable(
    ["step", "rows", "median s", "peak MB", "bare s", "bare MB", "× bare", "rows/s"],
    steps.map((s) => [
      s.failed ? `${s.name} (did not finish)` : s.name,
      s.rows === undefined ? "" : String(s.rows),
      s.seconds.toFixed(2),
      s.peakMb.toFixed(0),
      s.bare ? s.bare.seconds.toFixed(2) : "",
      s.bare ? s.bare.peakMb.toFixed(0) : "",
      s.bare ? (s.seconds / s.bare.seconds).toFixed(1) : "",
      s.rows === undefined ? "" : String(Math.round(s.rows / s.seconds)),
    ]),
    { right: new Set([1, 2, 3, 4, 5, 6, 7]) },
  );
  const failed = steps.filter((s) => s.failed).map((s) => `did not finish: ${s.name}: ${s.failed}`);
  return [table, ...failed].join("\n");
}

/** The overview's aim at the nation is 1.5 MB a page in all; its scripts, styles and libraries are about 0.7 MB of it. */
export const OVERVIEW_DATA_AIM = 0.8e6;

export function formatPageData(pages: PageData[]): string {
  return formatTable(
    ["page", "data MB on opening"],
    pages.map((p) => [
      p.page,
      (p.bytes / 1e6).toFixed(3) + (p.page === "/" && p.bytes > OVERVIEW_DATA_AIM ? "  over the aim" : ""),
    ]),
    { right: new Set([1]) },
  );
}

export interface BenchReport {
  command: string;
  machine: string;
  scale: string;
  table: string;
  /** formatServe's line */
  serve: string;
  acceptance: string;
  warehouseMb: number;
  exports: string;
  /** formatPageData's table; "" when no build finished */
  pages: string;
}

export function benchmarksMd(r: BenchReport): string {
  return `# Benchmarks

Written by \`${r.command}\` (\`pipeline/bench/\`); every figure below is from that one run.

- Machine: ${r.machine} (shared: timings are noisy, so every ratio is against the bare DuckDB
  baseline measured in the same run).
- Scale: ${r.scale}.
- Each step is its own process (\`node bin/kpi.js …\`, or \`pipeline/bench/bare.ts\` for the baseline: DuckDB's
  \`read_csv\` of the same files, every cell as text, into one table; the same query on the same warehouse),
  run on a fresh copy of its input warehouse; time is the median of the runs, peak memory the highest
  maximum RSS \`/usr/bin/time -v\` reported.

\`\`\`text
${r.table}
\`\`\`

${r.serve}.

Planted mistakes: ${r.acceptance}.

Warehouse on disk after the month's build: ${r.warehouseMb.toFixed(1)} MB. Exported data files: ${r.exports}.
${
  r.pages
    ? `
The exported bytes each page loads on opening (\`pipeline/bench/page-data.ts\`: the files the page names, less
those fetched only on a reader's action; scripts, styles and libraries add about 0.7 MB, measured by
\`npm run page-weight\` on the sample's build). The overview's aim at the nation is 1.5 MB in all, about
${(OVERVIEW_DATA_AIM / 1e6).toFixed(1)} MB of data.

\`\`\`text
${r.pages}
\`\`\`
`
    : ""
}`;
}
