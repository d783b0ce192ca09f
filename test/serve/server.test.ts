// `kpi serve` over real HTTP on 127.0.0.1, on a real warehouse file: tokens, a unit's rows only,
// body and rate limits, concurrent uploads from every unit, the audit log, and a SIGTERM in the
// middle of uploads (a real `kpi serve` process) losing nothing it accepted.
import { DuckDBInstance } from "@duckdb/node-api";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createService, listen, type ServeOptions, type Service } from "../../pipeline/serve/server.ts";
import { kpi } from "../support/cli.ts";

const UNITS = ["211400", "211402", "211403", "211404", "211421", "211422", "211481", "2114Z1", "2114Z2", "2114Z3"];
const fixture = (name: string) => readFileSync(resolve("test/fixtures/serve", name));
/** real county files of the sample: 2026-08 (9 units), 2026-09 (all 10) and 2026-10 of 211402 — 20 */
const SAMPLE_FILES = [
  ...UNITS.filter((u) => u !== "211400").map((u) => ({ unit: u, path: `data/sample/2026-08/${u}.csv` })),
  ...UNITS.map((u) => ({ unit: u, path: `data/sample/2026-09/${u}.csv` })),
  { unit: "211402", path: "data/sample/2026-10/211402.csv" },
];

async function rows(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  const result = (await connection.runAndReadAll(sql)).getRowObjectsJson();
  connection.closeSync();
  instance.closeSync();
  return result as Record<string, unknown>[];
}

/** a warehouse with the catalogue loaded and a token for every unit, an admin's and a revoked one */
async function warehouseWithTokens(dir: string) {
  const db = join(dir, "warehouse.duckdb");
  const tokens: Record<string, string> = {};
  for (const unit of UNITS) tokens[unit] = (await kpi(["token", "create", "--db", db, "--unit", unit])).out.trim();
  const admin = (await kpi(["token", "create", "--db", db, "--unit", "211400", "--admin"])).out.trim();
  const revoked = (await kpi(["token", "create", "--db", db, "--unit", "211481"])).out.trim();
  expect((await kpi(["token", "revoke", "--db", db, String(UNITS.length + 2)])).code).toBe(0);
  const dist = join(dir, "dist");
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>t</title>");
  return { db, tokens, admin, revoked, dist };
}

/** a service on a new warehouse with tokens (warehouseWithTokens), listening on a free port */
async function startService(dir: string, options: Partial<ServeOptions> = {}) {
  const setup = await warehouseWithTokens(dir);
  const service = await createService({
    dbPath: setup.db,
    distDir: setup.dist,
    exportsDir: join(dir, "exports"),
    now: () => new Date(),
    log: () => {},
    build: { tolerance: 0.1, dueDay: 10, sample: false },
    rebuildDelayMs: 100,
    ...options,
  });
  return { setup, service, url: await listen(service, setup.db, "127.0.0.1", 0) };
}

const post = (url: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/submissions`, {
    method: "POST",
    headers: { "content-type": "text/csv", ...headers },
    body: new Blob([new Uint8Array(Buffer.from(body))]),
  });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("kpi serve's API", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-serve-"));
  let setup: Awaited<ReturnType<typeof warehouseWithTokens>>;
  let service: Service;
  let url: string;

  beforeAll(async () => {
    ({ setup, service, url } = await startService(dir, { bodyLimit: 64 * 1024, rateMax: 30 }));
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  }, 120_000);

  const submissions = async (token: string) =>
    (await (await fetch(`${url}/api/submissions`, { headers: bearer(token) })).json()) as {
      submission_id: number;
      file_name: string;
      unit_codes: string[];
      rejections: { code: string; source_line: number }[];
    }[];

  test.each<{ why: string; headers: Record<string, string>; revoked?: boolean }>([
    { why: "no token", headers: {} },
    { why: "a malformed header", headers: { authorization: "Token abc" } },
    { why: "a token never issued", headers: bearer("kpi_not-a-real-token") },
    { why: "a revoked token", headers: {}, revoked: true },
  ])(
    "$why → 401 and nothing written",
    async ({ headers, revoked }: { headers: Record<string, string>; revoked?: boolean }) => {
      const response = await post(url, fixture("xingcheng-oct.csv"), revoked ? bearer(setup.revoked) : headers);
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.error).toContain("上传凭证");
      expect(JSON.stringify(body)).not.toMatch(/\/work|\/tmp|at .*\.ts/);
      expect(await submissions(setup.admin)).toEqual([]);
    },
  );

  test("a file with another unit's row: that row rejected (wrong_unit) and recorded, the unit's own loaded", async () => {
    const response = await post(url, fixture("two-units.csv"), {
      ...bearer(setup.tokens["211481"]),
      "x-file-name": encodeURIComponent("兴城市9月.csv"),
    });
    expect(response.status).toBe(200);
    const outcome = await response.json();
    expect(outcome).toMatchObject({
      file: "兴城市9月.csv",
      status: "partial",
      rows_read: 2,
      rows_accepted: 1,
      rows_rejected: 1,
    });
    expect(outcome.problems).toEqual([
      expect.objectContaining({ code: "wrong_unit", line: 3, column: "报送单位", value: "绥中县" }),
    ]);
    expect(outcome.problems[0].message_zh).toBe(
      "本行是绥中县的数据，但上传凭证属于兴城市：只能上传本单位的数据，请由绥中县自行报送。",
    );
    const [mine] = await submissions(setup.tokens["211481"]);
    expect(mine.submission_id).toBe(outcome.submission_id);
    expect(mine.rejections.map((r) => [r.code, r.source_line])).toEqual([["wrong_unit", 3]]);
    // another unit's token does not see it
    expect(await submissions(setup.tokens["211421"])).toEqual([]);
  });

  test("a multipart upload is read like a plain one", async () => {
    const form = new FormData();
    form.append("file", new Blob([fixture("xingcheng-oct.csv")], { type: "text/csv" }), "兴城市10月.csv");
    const response = await fetch(`${url}/api/submissions`, {
      method: "POST",
      headers: bearer(setup.tokens["211481"]),
      body: form,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ file: "兴城市10月.csv", status: "accepted", rows_accepted: 1 });
  });

  test.each([
    { why: "a plain body", multipart: false },
    { why: "a multipart file", multipart: true },
  ])("an oversized body ($why) → 413, nothing recorded", async ({ multipart }) => {
    const before = (await submissions(setup.admin)).length;
    const big = `报送单位,指标,统计期,数值,计量单位,备注\n${"兴城市,粮食产量,2025-10,15.20,万吨,\n".repeat(3000)}`;
    let response: Response;
    if (multipart) {
      const form = new FormData();
      form.append("file", new Blob([big]), "big.csv");
      response = await fetch(`${url}/api/submissions`, {
        method: "POST",
        headers: bearer(setup.tokens["211403"]),
        body: form,
      });
    } else response = await post(url, big, bearer(setup.tokens["211403"]));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toContain("文件过大");
    expect((await submissions(setup.admin)).length).toBe(before);
  });

  test("20 concurrent uploads from the ten units: each recorded once, under its own unit", async () => {
    const responses = await Promise.all(
      SAMPLE_FILES.map(({ unit, path }) =>
        post(url, readFileSync(path), { ...bearer(setup.tokens[unit]), "x-file-name": encodeURIComponent(path) }).then(
          async (r) => ({ unit, path, status: r.status, outcome: await r.json() }),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(SAMPLE_FILES.map(() => 200));
    const ids = responses.map((r) => r.outcome.submission_id);
    expect(new Set(ids).size).toBe(20);
    const listed = await submissions(setup.admin);
    for (const r of responses) {
      const row = listed.find((s) => s.submission_id === r.outcome.submission_id)!;
      expect(row.file_name).toBe(r.path.split("/").pop());
      // rows of any other unit than the token's never load
      expect(r.outcome.rows_accepted === 0 || row.unit_codes.includes(r.unit)).toBe(true);
    }
  }, 60_000);

  let limited = 0;
  test("a token past its 30 requests a minute → 429, other tokens unaffected", async () => {
    const token = setup.tokens["2114Z3"];
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await fetch(`${url}/api/submissions`, { headers: bearer(token) })).status);
    // one budget across the API: two of its 30 went on its uploads above
    const first = statuses.indexOf(429);
    expect(first).toBe(28);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    limited = statuses.length - first;
    expect((await fetch(`${url}/api/submissions`, { headers: bearer(setup.tokens["211422"]) })).status).toBe(200);
  });

  test("a file no row of which loaded (all another unit's) is still listed for the unit that sent it", async () => {
    const response = await post(url, fixture("xingcheng-sep.csv"), bearer(setup.tokens["211421"]));
    const outcome = await response.json();
    expect(outcome).toMatchObject({ status: "rejected", rows_accepted: 0, unit_codes: [] });
    const mine = await submissions(setup.tokens["211421"]);
    expect(mine.find((s) => s.submission_id === outcome.submission_id)?.rejections.map((r) => r.code)).toEqual([
      "wrong_unit",
    ]);
  });

  test("an admin revokes a token while the server runs (kpi token cannot open the warehouse): the next request is 401", async () => {
    const victim = setup.tokens["2114Z1"];
    expect((await fetch(`${url}/api/submissions`, { headers: bearer(victim) })).status).toBe(200);
    const byUnit = await fetch(`${url}/api/tokens/8`, { method: "DELETE", headers: bearer(setup.tokens["211402"]) });
    expect(byUnit.status).toBe(403);
    // tokens were issued in UNITS order: 2114Z1 is the eighth
    const byAdmin = await fetch(`${url}/api/tokens/8`, { method: "DELETE", headers: bearer(setup.admin) });
    expect(await byAdmin.json()).toEqual({ revoked: 8 });
    expect((await fetch(`${url}/api/submissions`, { headers: bearer(victim) })).status).toBe(401);
  });

  let madeUp = 0;
  test("made-up tokens do not make fresh counts: one address's unauthorised requests are limited too", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await post(url, "x", bearer(`kpi_made-up-${i}`))).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(statuses.indexOf(429)).every((s) => s === 429)).toBe(true);
    madeUp = statuses.filter((s) => s === 401).length;
    limited += statuses.filter((s) => s === 429).length;
  });

  test("after the uploads the marts are rebuilt: the dashboard's data show them", async () => {
    await service.writer.flush();
    const build = JSON.parse(readFileSync(join(dir, "exports", "build.json"), "utf-8"));
    expect(build.as_of_label_zh).toMatch(/^截至\d{4}年/);
    const slice = JSON.parse(readFileSync(join(dir, "exports", "units", "211481.json"), "utf-8"));
    expect(slice.submissions.map((s: { file_name: string }) => s.file_name)).toContain("兴城市9月.csv");
  }, 60_000);

  test("every request under /api is in the audit log, with who, from where and what came of it", async () => {
    await service.close();
    const audit = await rows(
      setup.db,
      `select status, outcome, unit_code, remote_addr, file_sha256 is not null as has_file from audit_log order by audit_id`,
    );
    const outcomes = audit.map((a) => a.outcome);
    // the four at the start, the revoked token's, and the made-up ones
    expect(outcomes.filter((o) => o === "unauthorized")).toHaveLength(4 + 1 + madeUp);
    expect(outcomes.filter((o) => o === "forbidden")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "revoked")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "too_large")).toHaveLength(2);
    // the token is known before the body is read: an oversized upload is still the unit's
    expect(audit.filter((a) => a.outcome === "too_large").map((a) => a.unit_code)).toEqual(["211403", "211403"]);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(limited);
    expect(audit.filter((a) => a.has_file)).toHaveLength(23);
    expect(audit.every((a) => a.remote_addr === "127.0.0.1")).toBe(true);
    const [{ n }] = await rows(setup.db, `select count(*) as n from submissions`);
    expect(Number(n)).toBe(23);
  }, 60_000);
});

describe("a SIGTERM while uploads arrive", () => {
  test("loses no file the server accepted, and the server exits cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kpi-serve-term-"));
    const setup = await warehouseWithTokens(dir);
    const child = spawn(
      process.execPath,
      ["bin/kpi.js", "serve", "--port", "0", "--db", setup.db, "--dist", setup.dist, "--out", join(dir, "exports")],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      const timer = setInterval(() => {
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (!m) return;
        clearInterval(timer);
        done(m[1]);
      }, 100);
      exited.then(() => fail(new Error(`kpi serve exited: ${output}`)));
    });
    const uploads = SAMPLE_FILES.slice(0, 10).map(({ unit, path }) =>
      post(url, readFileSync(path), bearer(setup.tokens[unit]))
        .then(async (r) => ({ status: r.status, outcome: r.ok ? await r.json() : null }))
        .catch(() => ({ status: 0, outcome: null })),
    );
    // the signal arrives while uploads are queued behind the first
    await Promise.race(uploads);
    child.kill("SIGTERM");
    const results = await Promise.all(uploads);
    expect(await exited).toBe(0);
    expect(output).toContain("报送服务已停止 stopped");
    const accepted = results.filter((r) => r.status === 200).map((r) => r.outcome.sha256);
    expect(accepted.length).toBeGreaterThan(0);
    const kept = (await rows(setup.db, `select sha256 from submissions`)).map((r) => r.sha256);
    for (const sha of accepted) expect(kept).toContain(sha);
  }, 120_000);
});

describe("a rebuild never holds up an upload", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpi-serve-rebuild-"));
  let setup: Awaited<ReturnType<typeof warehouseWithTokens>>;
  let service: Service;
  let url: string;
  const health = async () =>
    (await (await fetch(`${url}/api/health`)).json()) as { as_of_label_zh: string | null; rebuilding: boolean };

  beforeAll(async () => {
    ({ setup, service, url } = await startService(dir));
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  }, 60_000);

  test("on a warehouse never built, the server answers at once and builds in the background", async () => {
    // the first build of a warehouse computes every month's end since 2020: it is still running
    expect(await health()).toMatchObject({ as_of_label_zh: null, rebuilding: true });
  });

  test("an upload that arrives during a rebuild is answered before the rebuild ends; the next rebuild shows it", async () => {
    expect(service.writer.rebuilding).toBe(true);
    const response = await post(url, fixture("xingcheng-oct.csv"), bearer(setup.tokens["211481"]));
    expect(service.writer.rebuilding).toBe(true);
    const outcome = await response.json();
    expect(outcome).toMatchObject({ status: "accepted", unit_codes: ["211481"] });
    await service.writer.flush();
    expect((await health()).as_of_label_zh).toMatch(/^截至\d{4}年/);
    const slice = JSON.parse(readFileSync(join(dir, "exports", "units", "211481.json"), "utf-8"));
    expect(slice.submissions.map((s: { submission_id: number }) => s.submission_id)).toContain(outcome.submission_id);
  }, 120_000);

  test("stopped in the middle of a rebuild, the server keeps every upload it accepted", async () => {
    const response = await post(url, fixture("xingcheng-sep.csv"), bearer(setup.tokens["211481"]));
    const outcome = await response.json();
    expect(outcome.status).toBe("accepted");
    await expect.poll(() => service.writer.rebuilding, { timeout: 10_000, interval: 10 }).toBe(true);
    await service.close();
    const kept = await rows(
      setup.db,
      `select s.sha256, count(o.submission_id) as n from submissions s left join observations o using (submission_id)
       group by all order by s.sha256`,
    );
    expect(kept.map((r) => r.sha256).sort()).toEqual(
      [outcome.sha256, createHash("sha256").update(fixture("xingcheng-oct.csv")).digest("hex")].sort(),
    );
    expect(kept.every((r) => Number(r.n) > 0)).toBe(true);
  }, 60_000);
});
