// `npm run vendor`: fills Framework's npm cache from node_modules before a build or preview.
import { fillNpmCache } from "./fill-npm-cache.ts";

await fillNpmCache("dashboard", (line) => process.stderr.write(`· ${line}\n`));
