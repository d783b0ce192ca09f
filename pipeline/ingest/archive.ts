// Every byte received is kept: content-addressed by SHA-256, written before anything else
// happens, atomically (temp file + rename), never overwritten.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** where a file with this hash and name is kept, relative to the archive's root */
function addressOf(hash: string, fileName: string): string {
  const ext =
    extname(fileName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, "") || ".bin";
  return join(hash.slice(0, 2), `${hash}${ext}`);
}

const tempName = (archiveRoot: string) => join(archiveRoot, `.incoming.${process.pid}.${Date.now()}.tmp`);

/** Archives the bytes under archiveRoot; returns the path relative to archiveRoot. */
export async function archive(archiveRoot: string, bytes: Uint8Array, fileName: string): Promise<string> {
  const relative = addressOf(sha256(bytes), fileName);
  const target = join(archiveRoot, relative);
  if (!existsSync(target)) {
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
  return relative;
}

/**
 * Archives a file too large to hold in memory: streamed through the hash into a temp file, which
 * then takes its content address. Returns the hash and the path relative to archiveRoot.
 */
export async function archiveStream(
  archiveRoot: string,
  path: string,
  fileName: string,
): Promise<{ sha256: string; archivePath: string }> {
  await mkdir(archiveRoot, { recursive: true });
  const hash = createHash("sha256");
  const temp = tempName(archiveRoot);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(path), tap, createWriteStream(temp));
    const digest = hash.digest("hex");
    const relative = addressOf(digest, fileName);
    const target = join(archiveRoot, relative);
    await mkdir(dirname(target), { recursive: true });
    if (existsSync(target)) await rm(temp);
    else await rename(temp, target);
    return { sha256: digest, archivePath: relative };
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
