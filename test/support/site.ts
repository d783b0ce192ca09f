// The built site (dist/, from the global setup) served on 127.0.0.1, and a browser to visit it.
import type { Server } from "node:http";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launch } from "./browser.ts";
import { kpi } from "./cli.ts";
import { serveStatic } from "./static-server.ts";

export const OUTPUT = resolve("test/output");

export function useSite(): { url: () => string; browser: () => Browser; db: () => string } {
  let site: { url: string; server: Server } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveStatic(resolve("dist"));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
  });
  return { url: () => site!.url, browser: () => browser!, db: () => inject("db") };
}

/** `kpi sql --format json` on the warehouse the site was built from */
export async function sqlJson(db: string, query: string): Promise<Record<string, unknown>[]> {
  const { code, out, err } = await kpi(["sql", "--db", db, "--format", "json", query]);
  if (code !== 0) throw new Error(`kpi sql failed (${code}): ${err}`);
  return JSON.parse(out);
}
