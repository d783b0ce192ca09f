// `npm run pipeline`: the main job on the bundled sample data. Ingests data/sample/ (whose planted
// mistakes are rejected, as they should be: that is the point of them) and builds the KPI
// tables and the dashboard's data. Fails on anything else.
import { main, processIo } from "../cli.ts";

const io = processIo();

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
const ingest = await main(["ingest", "data/sample"], brief);
// 1 and 2 report rejected rows and unusable files: the sample plants both on purpose
if (ingest > 2) process.exit(ingest);
process.exitCode = await main(["build", ...process.argv.slice(2)], io);
