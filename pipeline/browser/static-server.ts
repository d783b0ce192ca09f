// Serves a built site (dist/) on 127.0.0.1 the way a static host does: /areas/grain → areas/grain.html;
// gzip when asked (`gzip: true`), as static hosts do. The browser tests and the page-weight script use it.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
};

async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  for (const candidate of [clean, `${clean}.html`, join(clean, "index.html")]) {
    const path = join(root, candidate);
    if (!path.startsWith(root)) return undefined;
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) return path;
  }
  return undefined;
}

export async function serveStatic(root: string, { gzip = false } = {}): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = await resolveFile(root, new URL(req.url ?? "/", "http://localhost").pathname);
    if (!path) {
      res.writeHead(404).end("not found");
      return;
    }
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    const bytes = await readFile(path);
    if (gzip && /gzip/.test(String(req.headers["accept-encoding"]))) {
      res.writeHead(200, { "content-type": type, "content-encoding": "gzip" });
      res.end(gzipSync(bytes));
    } else {
      res.writeHead(200, { "content-type": type });
      res.end(bytes);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  return { url: `http://127.0.0.1:${address.port}`, server };
}
