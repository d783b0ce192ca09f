// `kpi serve`: the built dashboard and the intake API on one port. Fastify does the HTTP work
// (routing, body limits, multipart, rate limits, time limits); this module says what each request
// means. The process is the warehouse's single writer: uploads and audit rows run one at a time on
// one connection, rebuilds beside them on another, never holding them up (writer.ts); tokens and
// lists are read on a third, which sees committed data. It listens at once and builds in the
// background.
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { existsSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CATALOGUE_DIR } from "../catalogue/location.ts";
import { readCatalogue } from "../catalogue/read.ts";
import { publish } from "../export/publish.ts";
import { ingestFiles, type FileOutcome } from "../ingest/submit.ts";
import { openWarehouse } from "../warehouse/connection.ts";
import { prepareCommitted } from "../warehouse/prepare.ts";
import { serveCopy, serveMarker } from "../warehouse/serving.ts";
import { queryPlain } from "../warehouse/rows.ts";
import { tokenHolder, type TokenHolder } from "./tokens.ts";
import { Writer } from "./writer.ts";

export interface ServeOptions {
  dbPath: string;
  /** the built site (npm run build) */
  distDir: string;
  /** where rebuilds write the dashboard's data; the pages' data files are served from here, live */
  exportsDir: string;
  now: () => Date;
  log: (line: string) => void;
  build: { tolerance: number; dueDay: number; sample: boolean };
  /** bytes; default 10 MB */
  bodyLimit?: number;
  /** uploads and lists per token per window */
  rateMax?: number;
  rateWindowMs?: number;
  rebuildDelayMs?: number;
  /** trust X-Forwarded-For from the reverse proxy in front */
  trustProxy?: boolean;
}

export interface Service {
  app: FastifyInstance;
  writer: Writer;
  /** finishes the requests in flight and every queued write, abandons a rebuild in progress, closes the warehouse */
  close(): Promise<void>;
}

interface Audit {
  holder?: TokenHolder;
  sha256?: string;
  submissionId?: number;
  outcome?: string;
}
const audits = new WeakMap<FastifyRequest, Audit>();
const auditOf = (req: FastifyRequest) => audits.get(req) ?? audits.set(req, {}).get(req)!;

const MESSAGES: Record<number, string> = {
  400: "请求无效 bad request",
  401: "未授权：请提供有效的上传凭证（Authorization: Bearer …） unauthorized: a valid upload token is required",
  404: "未找到 not found",
  408: "请求超时 request timed out",
  413: "文件过大 the file is too large",
  415: "不支持的内容类型：请上传CSV文件 unsupported content type: upload a CSV file",
  429: "请求过于频繁，请稍后再试 too many requests: try again later",
  500: "服务器内部错误，请联系市政府办公室 internal error: tell the city office",
};
const OUTCOME: Record<number, string> = {
  401: "unauthorized",
  403: "forbidden",
  413: "too_large",
  429: "rate_limited",
};

export async function createService(options: ServeOptions): Promise<Service> {
  const bodyLimit = options.bodyLimit ?? 10 * 1024 * 1024;
  const catalogue = await readCatalogue(CATALOGUE_DIR);
  const warehouse = await openWarehouse(options.dbPath, { readOnly: false });
  const { connection } = warehouse;
  await prepareCommitted(connection, catalogue);
  const reader = await warehouse.connect();
  const builder = await warehouse.connect();
  const archiveRoot = join(dirname(options.dbPath), "archive");

  // DuckDB writes the copy itself: opening the warehouse file from this process by any other means
  // and closing it would release DuckDB's lock on it (POSIX locks belong to the process)
  const refreshCopy = async () => {
    const partial = `${serveCopy(options.dbPath)}.tmp-${process.pid}`;
    await rm(partial, { force: true });
    const [{ name }] = await queryPlain(builder, "select current_database() as name");
    await builder.run(`attach '${partial.replaceAll("'", "''")}' as serving_copy`);
    try {
      await builder.run(`copy from database "${String(name).replaceAll('"', '""')}" to serving_copy`);
    } finally {
      await builder.run("detach serving_copy");
    }
    await rename(partial, serveCopy(options.dbPath));
  };
  const rebuild = async (signal: AbortSignal) => {
    const started = Date.now();
    // a stop interrupts the statement running now; the build checks the signal between its steps
    const interrupt = () => builder.interrupt();
    signal.addEventListener("abort", interrupt);
    const { asOf } = await publish(
      builder,
      catalogue,
      { builtAt: options.now(), ...options.build },
      options.exportsDir,
      () => {},
      signal,
    ).finally(() => signal.removeEventListener("abort", interrupt));
    await refreshCopy();
    options.log(`· 已重新构建 rebuilt as of ${asOf.date} in ${Date.now() - started} ms\n`);
  };
  const writer = new Writer(rebuild, options.rebuildDelayMs ?? 1500, (error) =>
    options.log(`· 重新构建失败 rebuild failed: ${(error as Error).message}\n`),
  );

  const app = Fastify({
    bodyLimit,
    connectionTimeout: 60_000,
    requestTimeout: 120_000,
    keepAliveTimeout: 5_000,
    // only the proxy on this machine is believed about the client's address
    trustProxy: options.trustProxy ? ["127.0.0.1", "::1"] : false,
    logger: false,
  });
  // a CSV is read as bytes (its encoding is the pipeline's to detect), never as text
  app.removeContentTypeParser(["text/plain"]);
  app.addContentTypeParser(
    ["text/csv", "text/plain", "application/octet-stream"],
    { parseAs: "buffer" },
    (_req, body, done) => done(null, body),
  );
  await app.register(fastifyMultipart, { limits: { fileSize: bodyLimit, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, {
    global: false,
    max: options.rateMax ?? 60,
    timeWindow: options.rateWindowMs ?? 60_000,
    // per valid token, else per address: made-up tokens do not make fresh counts
    keyGenerator: async (req) => {
      const token = bearerToken(req);
      const holder = token ? await tokenHolder(reader, token) : undefined;
      return holder ? `token:${holder.token_id}` : `ip:${req.ip}`;
    },
    errorResponseBuilder: () => ({ statusCode: 429, error: MESSAGES[429] }),
  });
  // the built site; its data files are served by the live route below (the more specific route wins)
  await app.register(fastifyStatic, { root: options.distDir });

  // the pages' data files under their build's hashed names, served as the latest rebuild wrote them
  app.get("/_file/data/exports/*", (req, reply) => {
    const path = (req.params as { "*": string })["*"].replace(/\.[0-9a-f]{8}(\.(json|csv))$/, "$1");
    // 数据报送 learns here that it can upload (a static host serves { uploads: false })
    if (path === "service.json")
      return reply.header("cache-control", "no-store").send({ uploads: true, api: "/api/submissions" });
    if (path.split("/").some((part) => part === ".." || part.startsWith(".")))
      return reply.code(404).send({ error: MESSAGES[404] });
    return reply.header("cache-control", "no-store").sendFile(path, options.exportsDir);
  });

  const requireHolder = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = bearerToken(req);
    const holder = token ? await tokenHolder(reader, token) : undefined;
    if (!holder) return reply.code(401).send({ error: MESSAGES[401] });
    auditOf(req).holder = holder;
  };
  // counted first (one budget per valid token, or per address, across the API), then the token is
  // checked, both before the body is read: no upload is read for a caller without one
  const limited = { onRequest: [app.rateLimit(), requireHolder] };

  app.get("/api/health", async () => {
    const [build] = await queryPlain(reader, `select as_of_label_zh, is_sample from build_params`).catch(() => []);
    return {
      service: "kpi serve",
      as_of_label_zh: build?.as_of_label_zh ?? null,
      is_sample: build?.is_sample ?? null,
      rebuilding: writer.rebuilding,
    };
  });

  app.post("/api/submissions", limited, async (req, reply) => {
    const audit = auditOf(req);
    let bytes: Buffer;
    let file = "upload.csv";
    if (req.isMultipart()) {
      const part = await req.file();
      if (!part) return reply.code(400).send({ error: "请选择要上传的文件 no file in the form" });
      bytes = await part.toBuffer();
      file = part.filename || file;
    } else if (Buffer.isBuffer(req.body)) {
      bytes = req.body;
      // a header is read as Latin-1: a name sent as UTF-8 (or percent-encoded) is turned back into text
      const named = req.headers["x-file-name"];
      if (typeof named === "string" && named) file = fileNameOf(named);
    } else return reply.code(415).send({ error: MESSAGES[415] });
    // only the name's last part is kept, as the clerk's file was called: never a path
    file = basename(file.replace(/\\/g, "/")).slice(0, 200) || "upload.csv";
    const holder = audit.holder!;
    const [outcome]: FileOutcome[] = await writer.run(() =>
      ingestFiles(warehouse, catalogue, archiveRoot, [
        { file, bytes: new Uint8Array(bytes), receivedAt: options.now(), strict: false, allowedUnit: holder.unit_code },
      ]),
    );
    audit.sha256 = outcome.sha256;
    audit.submissionId = outcome.submission_id;
    audit.outcome = outcome.status;
    if (outcome.status !== "duplicate") writer.schedule();
    return outcome;
  });

  app.get("/api/submissions", limited, async (req) => {
    const holder = auditOf(req).holder!;
    auditOf(req).outcome = "listed";
    const submissions = await queryPlain(
      reader,
      `select submission_id, file_name, sha256, size_bytes, cast(received_at as varchar) as received_at, unit_codes,
         rows_read, rows_accepted, rows_rejected, rows_skipped, rows_warned, status, reason
       from submissions
       where $1 or list_contains(unit_codes, $2)
         -- its uploads with no row loaded (rejected, unusable) name no unit: the audit log says who sent them
         or submission_id in (select submission_id from audit_log where unit_code = $2 and submission_id is not null)
       order by submission_id desc limit 500`,
      [holder.is_admin, holder.unit_code],
    );
    const ids = submissions.map((s) => Number(s.submission_id));
    const rejections = ids.length
      ? await queryPlain(
          reader,
          `select * from rejections where list_contains($1::integer[], submission_id) order by submission_id desc, source_line`,
          [`[${ids.join(",")}]`],
        )
      : [];
    return submissions.map((s) => ({
      ...s,
      rejections: rejections.filter((r) => r.submission_id === s.submission_id),
    }));
  });

  // a page's clean URL, as static hosts answer it: /areas/grain → areas/grain.html, /units/ → units/index.html
  // a token revoked while the server holds the warehouse (kpi token cannot open it): admins only
  app.delete("/api/tokens/:id", limited, async (req, reply) => {
    const audit = auditOf(req);
    if (!audit.holder!.is_admin)
      return reply.code(403).send({ error: "只有管理员凭证可以吊销凭证 an admin token is required" });
    const id = Number((req.params as { id: string }).id);
    if (!Number.isInteger(id)) return reply.code(400).send({ error: MESSAGES[400] });
    const revoked = await writer.run(() =>
      queryPlain(
        connection,
        `update api_tokens set revoked_at = cast($2 as timestamptz) where token_id = $1 and revoked_at is null returning token_id`,
        [id, options.now().toISOString()],
      ),
    );
    audit.outcome = revoked.length ? "revoked" : "bad_request";
    if (!revoked.length) return reply.code(404).send({ error: `没有有效的凭证 ${id} no valid token ${id}` });
    return { revoked: id };
  });

  app.setNotFoundHandler((req, reply) => {
    const path = decodeURIComponent(req.url.split("?")[0]).replace(/\/$/, "/index").replace(/^\//, "");
    const page = `${path}.html`;
    const safe = !page.split("/").some((part) => part === ".." || part.startsWith("."));
    if (req.method === "GET" && !path.startsWith("api/") && safe && existsSync(join(options.distDir, page)))
      return reply.sendFile(page);
    return reply.code(404).send({ error: MESSAGES[404] });
  });
  // never a stack trace or a path in a response
  app.setErrorHandler((error: { statusCode?: number; message?: string }, _req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) options.log(`· 内部错误 internal error: ${error.message}\n`);
    return reply.code(status).send({ error: MESSAGES[status] ?? MESSAGES[status < 500 ? 400 : 500] });
  });
  app.addHook("onResponse", async (req, reply) => {
    if (!req.url.startsWith("/api/") || req.url === "/api/health") return;
    const audit = auditOf(req);
    const outcome = audit.outcome ?? OUTCOME[reply.statusCode] ?? (reply.statusCode >= 500 ? "error" : "bad_request");
    // read now, not when the write's turn comes: by then (after a rebuild) the socket may be gone
    // and with it the client's address
    const values = [
      options.now().toISOString(),
      audit.holder?.token_id ?? null,
      audit.holder?.unit_code ?? null,
      req.ip ?? null,
      req.method,
      req.url.split("?")[0].slice(0, 200),
      reply.statusCode,
      audit.sha256 ?? null,
      audit.submissionId ?? null,
      outcome,
    ];
    await writer
      .run(() =>
        connection.run(
          `insert into audit_log (requested_at, token_id, unit_code, remote_addr, method, path, status, file_sha256, submission_id, outcome)
           values (cast($1 as timestamptz), $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          values,
        ),
      )
      .catch((error) => options.log(`· 访问日志写入失败 audit write failed: ${(error as Error).message}\n`));
  });

  // the pages and kpi sql are brought up to the warehouse as it is now, in the background: until then
  // they show the last build
  writer.schedule(0);
  return {
    app,
    writer,
    async close() {
      await app.close();
      await writer.stop();
      builder.closeSync();
      reader.closeSync();
      warehouse.close();
      await rm(serveMarker(options.dbPath), { force: true });
    },
  };
}

function fileNameOf(header: string): string {
  const text = Buffer.from(header, "latin1").toString("utf8");
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** the request's bearer token, if it has one */
const bearerToken = (req: FastifyRequest) => req.headers.authorization?.match(/^Bearer\s+(\S+)$/)?.[1];

/** Starts listening and leaves the marker that tells other commands the server holds the warehouse. */
export async function listen(service: Service, dbPath: string, host: string, port: number): Promise<string> {
  const url = await service.app.listen({ host, port });
  await writeFile(
    serveMarker(dbPath),
    JSON.stringify({ pid: process.pid, url, started_at: new Date().toISOString() }, null, 2) + "\n",
  );
  return url;
}
