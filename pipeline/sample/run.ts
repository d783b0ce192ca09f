// `npm run pipeline`: the main job on the bundled sample data. Ingests data/sample/ (whose planted
// mistakes are rejected, as they should be: that is the point of them) and builds the KPI
// tables and the dashboard's data. Fails on anything else.
import { main, processIo } from "../cli.ts";

const io = processIo();

const quiet = { ...io, out: (text: string) => (text.startsWith("\n共") ? process.stdout.write(text) : undefined) };
const ingest = await main(["ingest", "data/sample"], quiet);
// 1 and 2 report rejected rows and unusable files: the sample plants both on purpose
if (ingest > 2) process.exit(ingest);
process.exitCode = await main(["build", ...process.argv.slice(2)], io);
