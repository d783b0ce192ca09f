/* global process */
// Runs the kpi command line (bin/kpi.js) and prints, as it exits, the process's peak resident memory.
process.on("exit", () => process.stderr.write(`\npeak_rss_kb=${process.resourceUsage().maxRSS}\n`));
await import("../../bin/kpi.js");
