// `npm run vendor`: fills Framework's npm cache from node_modules before a build or preview.
import { BROWSER_BUNDLES, bundleForBrowser, fillNpmCache } from "./framework-offline.ts";
import { VOCABULARY_MODULE, writeVocabularyModule } from "./vocabulary.ts";

await fillNpmCache("dashboard", (line) => process.stderr.write(`· ${line}\n`));
for (const bundle of BROWSER_BUNDLES) {
  await bundleForBrowser("dashboard", bundle);
  process.stderr.write(`· bundled ${bundle.out}\n`);
}
await writeVocabularyModule("dashboard");
process.stderr.write(`· wrote ${VOCABULARY_MODULE}\n`);
