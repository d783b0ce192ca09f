// Every byte received is kept: content-addressed by SHA-256, written before anything else
// happens, atomically (temp file + rename), never overwritten.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Archives the bytes under archiveRoot; returns the path relative to archiveRoot. */
export async function archive(archiveRoot: string, bytes: Uint8Array, fileName: string): Promise<string> {
  const hash = sha256(bytes);
  const ext =
    extname(fileName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, "") || ".bin";
  const relative = join(hash.slice(0, 2), `${hash}${ext}`);
  const target = join(archiveRoot, relative);
  if (!existsSync(target)) {
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, target);
  }
  return relative;
}
