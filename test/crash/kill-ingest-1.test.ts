// The first half of the 50 kills of kpi ingest (two files, so the two halves run side by side).
import { ingestKills } from "./ingest-kills.ts";

ingestKills(0, 25);
