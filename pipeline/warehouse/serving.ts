// What `kpi serve` leaves beside the warehouse it holds: a marker saying who holds it and where to
// upload instead (so `kpi ingest` and `kpi build` can say so), and a copy `kpi sql` reads meanwhile.
import { readFileSync } from "node:fs";

export const serveMarker = (dbPath: string) => `${dbPath}.serve.json`;

/** The copy of the warehouse the server refreshes after every rebuild. */
export const serveCopy = (dbPath: string) => `${dbPath.replace(/\.duckdb$/, "")}.serving.duckdb`;

/** The server holding the warehouse, if its marker is there. */
export function servingAt(dbPath: string): { pid: number; url: string } | undefined {
  try {
    return JSON.parse(readFileSync(serveMarker(dbPath), "utf-8"));
  } catch {
    return undefined;
  }
}
