// Which files an `kpi ingest` call covers, and when each was received.
import Papa from "papaparse";
import { existsSync } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { CliError } from "../errors.ts";

/** A folder's receipt log (收文登记): file,received_at. Files named _… are not submissions. */
export const MANIFEST = "_received.csv";

export interface InputFile {
  path: string;
  receivedAt: Date;
  /** why it is not read at all: links are never followed (a loop, or a file outside the folder) */
  refused?: "symlink" | "empty_folder" | "special";
}

/** What a path is, without following a link. */
async function kindOf(path: string): Promise<"file" | "folder" | NonNullable<InputFile["refused"]> | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) return "symlink";
  if (info.isDirectory()) return "folder";
  return info.isFile() ? "file" : "special";
}

/** file → when it was received; the map keeps the log's order, which breaks ties between equal times */
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

async function walk(dir: string): Promise<{ path: string; refused?: InputFile["refused"] }[]> {
  const out: { path: string; refused?: InputFile["refused"] }[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push({ path });
    else out.push({ path, refused: entry.isSymbolicLink() ? "symlink" : "special" });
  }
  return out;
}

export async function listInputs(args: string[], cwd: string, receivedAt: Date): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const kind = await kindOf(path);
    if (!kind) throw new CliError(`找不到文件 no such file or folder: ${arg}`);
    if (kind === "folder") {
      const times = await manifest(path);
      const order = new Map([...times.keys()].map((name, i) => [name, i]));
      const files = (await walk(path)).map((file) => {
        const name = [file.path.slice(path.length + 1), basename(file.path)].find((n) => times.has(n));
        return {
          ...file,
          receivedAt: (name && times.get(name)) || receivedAt,
          logged: name === undefined ? Infinity : order.get(name)!,
        };
      });
      if (files.length === 0) inputs.push({ path, receivedAt, refused: "empty_folder" });
      // in the order they arrived, so a correction supersedes what it corrects (the log's order
      // when two arrived at the same moment)
      files.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.logged - b.logged);
      inputs.push(...files.map(({ logged: _logged, ...file }) => file));
    } else inputs.push(kind === "file" ? { path, receivedAt } : { path, receivedAt, refused: kind });
  }
  return inputs;
}
