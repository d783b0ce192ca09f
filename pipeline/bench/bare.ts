// The baseline of a benchmark step: bare DuckDB doing the same work, as its own process.
//   bare.ts load DB FILE…   read_csv of the files (every cell as text) into one table; prints the row count
//   bare.ts query DB SQL    runs the query on the warehouse, read-only; prints the row count
import { DuckDBInstance } from "@duckdb/node-api";

const [mode, db, ...args] = process.argv.slice(2);
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
if (mode === "load") {
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  const files = `[${args.map(quote).join(", ")}]`;
  await connection.run(`create table bare as select * from read_csv(${files}, all_varchar = true, header = true)`);
  const reader = await connection.runAndReadAll("select count(*) from bare");
  process.stdout.write(`${reader.getRows()[0][0]}\n`);
} else if (mode === "query") {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(args[0]);
  process.stdout.write(`${reader.currentRowCount}\n`);
} else {
  process.stderr.write("usage: bare.ts load DB FILE… | query DB SQL\n");
  process.exit(2);
}
