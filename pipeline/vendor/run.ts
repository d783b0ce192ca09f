// `npm run vendor`: fills Framework's npm cache from node_modules before a build or preview.
import { BULLETIN_BUNDLE, bundleBulletin, bundlePrecheck, fillNpmCache, PRECHECK_BUNDLE } from "./framework-offline.ts";

await fillNpmCache("dashboard", (line) => process.stderr.write(`· ${line}\n`));
await bundlePrecheck("dashboard");
process.stderr.write(`· bundled ${PRECHECK_BUNDLE}\n`);
await bundleBulletin("dashboard");
process.stderr.write(`· bundled ${BULLETIN_BUNDLE}\n`);
