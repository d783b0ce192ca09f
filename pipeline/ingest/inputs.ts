// Which files an `kpi ingest` call covers, and when each was received.
import Papa from "papaparse";
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { CliError } from "../errors.ts";

/** A folder's receipt log (收文登记): file,received_at. Files named _… are not submissions. */
export const MANIFEST = "_received.csv";

export interface InputFile {
  path: string;
  receivedAt: Date;
}

async function manifest(dir: string): Promise<Map<string, Date>> {
  const path = join(dir, MANIFEST);
  const times = new Map<string, Date>();
  if (!existsSync(path)) return times;
  const parsed = Papa.parse<{ file: string; received_at: string }>(await readFile(path, "utf-8"), {
    header: true,
    skipEmptyLines: true,
  });
  for (const row of parsed.data) {
    const when = new Date(row.received_at);
    if (Number.isNaN(when.getTime())) throw new CliError(`${path}: 无效时间 invalid received_at '${row.received_at}'`);
    times.set(row.file, when);
  }
  return times;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

export async function listInputs(args: string[], cwd: string, receivedAt: Date): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError(`找不到文件 no such file or folder: ${arg}`);
    if (info.isDirectory()) {
      const times = await manifest(path);
      const files = (await walk(path)).map((file) => ({
        path: file,
        receivedAt: times.get(file.slice(path.length + 1)) ?? times.get(basename(file)) ?? receivedAt,
      }));
      // in the order they arrived, so a correction supersedes what it corrects
      inputs.push(...files.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime()));
    } else inputs.push({ path, receivedAt });
  }
  return inputs;
}
