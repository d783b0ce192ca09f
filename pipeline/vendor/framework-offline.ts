// Framework downloads every `npm:` import from a CDN unless the file is already in its cache
// (<root>/.observablehq/cache/_npm/name@version/…), and these machines reach no CDN. So before
// each build or preview we bundle the installed packages into that cache. See README › Offline.
import { build } from "esbuild";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

interface Vendored {
  name: string;
  /** the module to bundle, relative to the package folder; default: the package's own entry */
  entry?: string;
  /** non-JS files the module loads at run time, copied beside it with the same relative path */
  assets?: string[];
  /** packages left as imports of another vendored bundle, so the page holds one copy of them */
  external?: string[];
}

const vendored: Vendored[] = [
  { name: "d3" },
  { name: "d3-dsv" },
  { name: "htl" },
  { name: "isoformat" },
  { name: "@observablehq/plot" },
  { name: "@observablehq/inputs" },
  { name: "apache-arrow" },
  { name: "parquet-wasm", entry: "esm/parquet_wasm.js", assets: ["esm/parquet_wasm_bg.wasm"] },
  {
    name: "@duckdb/duckdb-wasm",
    entry: "dist/duckdb-browser.mjs",
    assets: [
      "dist/duckdb-mvp.wasm",
      "dist/duckdb-eh.wasm",
      "dist/duckdb-browser-mvp.worker.js",
      "dist/duckdb-browser-eh.worker.js",
    ],
    external: ["apache-arrow"],
  },
];

// Framework's client asks for the version of these optional libraries even when no page uses
// them; an empty name@version folder answers without the network.
const versionOnly: Record<string, string> = {
  react: "18.3.1",
  "react-dom": "18.3.1",
  lodash: "4.17.21",
  arquero: "7.2.0",
  echarts: "5.6.0",
  leaflet: "1.9.4",
  "mapbox-gl": "3.10.0",
  "topojson-client": "3.1.0",
};

// Read from the top-level node_modules: not every package exports its package.json.
async function packageDir(name: string): Promise<{ dir: string; version: string }> {
  const dir = join(process.cwd(), "node_modules", name);
  const { version } = JSON.parse(await readFile(join(dir, "package.json"), "utf-8"));
  return { dir, version };
}

/**
 * Pipeline modules the dashboard runs as they are, each bundled into one browser module under the
 * Framework root (git-ignored): the pre-check (the very checks `kpi ingest` runs), the bulletin's
 * content and HTML, and the task names the clerk's messages use.
 */
export const BROWSER_BUNDLES = [
  { entry: "pipeline/browser/precheck.ts", out: "components/generated/precheck.js" },
  { entry: "pipeline/bulletin/browser.ts", out: "components/generated/bulletin.js" },
  { entry: "pipeline/catalogue/labels.ts", out: "components/generated/labels.js" },
];

export async function bundleForBrowser(root: string, { entry, out }: { entry: string; out: string }): Promise<void> {
  await build({
    entryPoints: [join(process.cwd(), entry)],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(root, out),
    logLevel: "error",
    legalComments: "none",
    // checked as the TypeScript it is bundled from, not again as JavaScript
    banner: { js: "// @ts-nocheck" },
  });
}

export async function fillNpmCache(root: string, log: (line: string) => void = () => {}): Promise<void> {
  const npmDir = join(root, ".observablehq", "cache", "_npm");
  // A failed online build leaves empty name@version folders that Framework would prefer.
  await rm(npmDir, { recursive: true, force: true });
  const versions = new Map<string, string>();
  for (const { name } of vendored) versions.set(name, (await packageDir(name)).version);

  for (const pkg of vendored) {
    const { dir, version } = await packageDir(pkg.name);
    const outDir = join(npmDir, `${pkg.name}@${version}`);
    const outfile = join(outDir, "_esm.js");
    const externals = pkg.external ?? [];
    await build({
      entryPoints: [pkg.entry ? join(dir, pkg.entry) : pkg.name],
      absWorkingDir: process.cwd(),
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      outfile,
      logLevel: "error",
      plugins: [
        {
          name: "vendored-externals",
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (!externals.includes(args.path)) return undefined;
              const target = join(npmDir, `${args.path}@${versions.get(args.path)}`, "_esm.js");
              return { path: relative(outDir, target).replace(/^(?!\.)/, "./"), external: true };
            });
          },
        },
      ],
    });
    for (const asset of pkg.assets ?? []) {
      await mkdir(dirname(join(outDir, asset)), { recursive: true });
      await copyFile(join(dir, asset), join(outDir, asset));
    }
    log(`vendored ${pkg.name}@${version}`);
  }
  for (const [name, version] of Object.entries(versionOnly)) {
    await mkdir(join(npmDir, `${name}@${version}`), { recursive: true });
  }
}
