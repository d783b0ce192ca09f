// A backup is a folder: the warehouse as DuckDB's EXPORT DATABASE writes it (schema.sql, load.sql
// and one Parquet file a table), the archive of every file received, and backup.json — when it was
// taken, each table's row count and the archive's files — so a restore can prove it is whole.
// Both directions build beside their target and rename at the end: a crash leaves no half backup
// and no half warehouse.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { CliError } from "../errors.ts";
import { MANIFEST } from "../ingest/inputs.ts";
import { openWarehouse, type LockWait } from "./connection.ts";

export const BACKUP_FILE = "backup.json";
const DATABASE_DIR = "warehouse";
const ARCHIVE_DIR = "archive";

export interface BackupManifest {
  created_at: string;
  source: string;
  tables: Record<string, number>;
  archive_files: string[];
}

const archiveOf = (dbPath: string) => join(dirname(dbPath), "archive");
const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

async function filesUnder(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith(".tmp"))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

async function tableCounts(connection: Awaited<ReturnType<typeof openWarehouse>>["connection"]) {
  const tables = (
    await connection.runAndReadAll(
      "select table_name from duckdb_tables() where database_name = current_database() and not temporary order by 1",
    )
  ).getRows();
  const counts: Record<string, number> = {};
  for (const [name] of tables) {
    const reader = await connection.runAndReadAll(`select count(*) from "${String(name)}"`);
    counts[String(name)] = Number(reader.getRows()[0][0]);
  }
  return counts;
}

const partial = (path: string) => `${path}.partial-${process.pid}`;

/** Writes the backup of dbPath to outDir (which must not exist yet). */
export async function backupWarehouse(
  dbPath: string,
  outDir: string,
  { now, wait }: { now: Date; wait: LockWait },
): Promise<BackupManifest> {
  if (!existsSync(dbPath)) throw new CliError(`数据库不存在 no warehouse at ${dbPath}`);
  if (existsSync(outDir)) throw new CliError(`--out ${outDir} 已存在 already exists: give a new folder`);
  const temp = partial(outDir);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  // opened as a writer: no other writer changes it while the export and the archive copy run
  const warehouse = await openWarehouse(dbPath, { readOnly: false, wait });
  let manifest: BackupManifest;
  try {
    const { connection } = warehouse;
    await connection.run(`export database ${quote(join(temp, DATABASE_DIR))} (format parquet)`);
    const archive = archiveOf(dbPath);
    const files = await filesUnder(archive);
    for (const file of files) await cp(join(archive, file), join(temp, ARCHIVE_DIR, file));
    // the receipt log of the archive: \`kpi ingest DIR/archive\` replays every submission in order
    const log = await connection.runAndReadAll(
      `select archive_path, strftime(received_at at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')
       from submissions order by submission_id`,
    );
    const lines = log.getRows().map(([path, at]) => `${String(path)},${String(at)}`);
    await mkdir(join(temp, ARCHIVE_DIR), { recursive: true });
    await writeFile(join(temp, ARCHIVE_DIR, MANIFEST), ["file,received_at", ...lines].join("\n") + "\n");
    manifest = {
      created_at: now.toISOString(),
      source: dbPath,
      tables: await tableCounts(connection),
      archive_files: files,
    };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    warehouse.close();
  }
  await writeFile(join(temp, BACKUP_FILE), JSON.stringify(manifest, null, 2) + "\n");
  await rename(temp, outDir);
  return manifest;
}

export async function readManifest(dir: string): Promise<BackupManifest> {
  try {
    return JSON.parse(await readFile(join(dir, BACKUP_FILE), "utf-8"));
  } catch {
    throw new CliError(`不是备份文件夹 not a backup folder (no readable ${BACKUP_FILE}): ${dir}`);
  }
}

/**
 * Restores the backup in dir as the warehouse at dbPath: imported into a new file beside it, its
 * row counts checked against the manifest, then renamed into place (a warehouse already there is
 * kept as dbPath.before-restore-TIME). The archive's files are copied back beside it.
 */
export async function restoreWarehouse(
  dir: string,
  dbPath: string,
  { now, wait }: { now: Date; wait: LockWait },
): Promise<{ manifest: BackupManifest; previous?: string }> {
  const manifest = await readManifest(dir);
  const temp = partial(dbPath);
  await rm(temp, { force: true });
  await rm(`${temp}.wal`, { force: true });
  if (existsSync(dbPath)) {
    // nobody may be writing the warehouse being replaced: wait for its lock, then let go
    (await openWarehouse(dbPath, { readOnly: false, wait })).close();
  }
  const restored = await openWarehouse(temp, { readOnly: false });
  try {
    await restored.connection.run(`import database ${quote(join(dir, DATABASE_DIR))}`);
    const counts = await tableCounts(restored.connection);
    const wrong = Object.entries(manifest.tables).filter(([table, n]) => counts[table] !== n);
    if (wrong.length > 0)
      throw new CliError(
        `备份不完整 the backup does not restore whole: ${wrong.map(([t, n]) => `${t} ${counts[t] ?? "missing"} ≠ ${n}`).join(", ")}`,
      );
    await restored.connection.run("checkpoint");
  } catch (error) {
    restored.close();
    await rm(temp, { force: true });
    throw error;
  }
  restored.close();
  const archive = archiveOf(dbPath);
  for (const file of manifest.archive_files) {
    const target = join(archive, file);
    if (!existsSync(target)) await cp(join(dir, ARCHIVE_DIR, file), target);
  }
  let previous: string | undefined;
  if (existsSync(dbPath)) {
    previous = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    await rename(dbPath, previous);
  }
  await rename(temp, dbPath);
  return { manifest, previous };
}
