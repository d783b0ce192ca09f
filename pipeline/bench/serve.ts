// The service's side of the bench: `kpi serve` started on a warehouse that has never been built
// (its first build runs in the background), how soon it answers /api/health, and how long a
// unit's upload waits when it arrives while that build runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface ServeTiming {
  /** from the process's start to the first answer of /api/health */
  healthSeconds: number;
  /** from sending the upload to its answer */
  uploadSeconds: number;
  /** whether the rebuild was still running when the upload was answered */
  duringRebuild: boolean;
  /** what became of the upload (accepted, partial, …) */
  status: string;
}

export async function measureServe(
  kpi: (...args: string[]) => string[],
  env: NodeJS.ProcessEnv,
  dir: string,
  db: string,
  upload: { unit: string; file: string },
): Promise<ServeTiming> {
  const [node, ...tokenArgs] = kpi("token", "create", "--db", db, "--unit", upload.unit);
  const token = spawnSync(node, tokenArgs, { env: { ...process.env, ...env }, encoding: "utf-8" }).stdout.trim();
  const dist = join(dir, "dist");
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>bench</title>");
  const [command, ...args] = kpi("serve", "--port", "0", "--db", db, "--dist", dist, "--out", join(dir, "exports"));
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.on("exit", () => done()));
  try {
    const url = await poll(
      () => /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1],
      exited,
      () => output,
    );
    const health = async () => (await fetch(`${url}/api/health`)).json() as Promise<{ rebuilding: boolean }>;
    await poll(
      () =>
        health().then(
          () => true,
          () => undefined,
        ),
      exited,
      () => output,
    );
    const healthSeconds = (performance.now() - started) / 1000;
    const sent = performance.now();
    const response = await fetch(`${url}/api/submissions`, {
      method: "POST",
      headers: { "content-type": "text/csv", authorization: `Bearer ${token}` },
      body: readFileSync(upload.file),
    });
    const outcome = (await response.json()) as { status?: string; error?: string };
    const uploadSeconds = (performance.now() - sent) / 1000;
    const { rebuilding } = await health();
    return { healthSeconds, uploadSeconds, duringRebuild: rebuilding, status: outcome.status ?? String(outcome.error) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** `probe` every 20 ms until it gives a value; fails when the process exits first */
async function poll<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  exited: Promise<void>,
  output: () => string,
) {
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (gone) throw new Error(`kpi serve exited: ${output().slice(-500)}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

export function formatServe(t: ServeTiming): string {
  return (
    `kpi serve on a warehouse never built: /api/health answered ${t.healthSeconds.toFixed(2)} s after start; ` +
    `a unit's month file uploaded while the first build ran answered in ${t.uploadSeconds.toFixed(2)} s ` +
    `(${t.status}; build still running when answered: ${t.duringRebuild ? "yes" : "no"})`
  );
}
