// The moment a page shows, under its title: what its data were built as of (build.json, which
// `kpi serve` keeps current after every upload), and that the sample is a sample.
import { html } from "htl";

/** build.json → "截至2026年12月1日" (示例数据，… for the bundled sample) */
export function asOfBanner(build) {
  return html`<div class=${build.is_sample ? "as-of-banner sample" : "as-of-banner"} data-testid="as-of">
    ${build.is_sample ? "示例数据，" : ""}${build.as_of_label_zh}
  </div>`;
}
