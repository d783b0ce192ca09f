// The second half of the 50 kills of kpi ingest.
import { ingestKills } from "./ingest-kills.ts";

ingestKills(25, 25);
