// `npm run pipeline`: the main job on the bundled sample data. Ingests data/sample/ (whose planted
// mistakes are rejected, as they should be: that is the point of them) and builds the KPI
// tables and the dashboard's data as of the sample's own snapshot moment (_snapshot.json), so
// the demo reads the same whatever today is. Fails on anything else.
import { readFileSync } from "node:fs";
import { main, processIo } from "./cli.ts";
import { SNAPSHOT_FILE } from "./sample/generate.ts";

const io = processIo();
const SAMPLE = "data/sample";
const snapshot = JSON.parse(readFileSync(`${SAMPLE}/${SNAPSHOT_FILE}`, "utf-8")) as { as_of: string };

// Seven hundred files' reports would bury the summary: show every 100th file's progress line,
// every file with a problem or a warning, and the closing count.
const brief = {
  ...io,
  out: (text: string) => {
    const progress = /^\[(\d+)\/(\d+)\] (\S+)/.exec(text);
    if (!progress) return io.out(text);
    const [, done, total, mark] = progress;
    if ((mark !== "✔" && mark !== "＝") || /预警 [1-9]/.test(text)) io.out(text);
    else if (Number(done) % 100 === 0 || done === total) io.out(`[${done}/${total}] …\n`);
  },
};
const ingest = await main(["ingest", SAMPLE], brief);
// 1 and 2 report rejected rows and unusable files: the sample plants both on purpose
if (ingest > 2) process.exit(ingest);
// an --as-of given after `npm run pipeline --` comes later and wins
process.exitCode = await main(["build", "--as-of", snapshot.as_of, "--sample", ...process.argv.slice(2)], io);
