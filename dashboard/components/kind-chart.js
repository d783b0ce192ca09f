// Every kind of commitment in one look: a bar per kind (数值目标, 交付事项, 禁止事项 …), split by
// where its rows stand, each part in its status colour with its symbol and count written on it.
// Draws rpt_kind_counts as the mart counted it: nothing is re-counted here.
import * as Plot from "@observablehq/plot";
import { html } from "htl";

/**
 * @param rows rpt_kind_counts rows of one moment and document ({kind, kind_zh, kind_order, kind_total, zh, symbol, color, sort_order, n})
 * @returns the rows grouped by kind, in the vocabulary's order: [{kind, kind_zh, total, parts: rows}]
 */
export function kindTotals(rows) {
  const kinds = new Map();
  for (const r of [...rows].sort((a, b) => a.kind_order - b.kind_order || a.sort_order - b.sort_order)) {
    const k = kinds.get(r.kind) ?? { kind: r.kind, kind_zh: r.kind_zh, total: r.kind_total, parts: [] };
    k.parts.push(r);
    kinds.set(r.kind, k);
  }
  return [...kinds.values()];
}

/** "交付事项 12项：✔ 已完成 8，✘ 逾期 2" — the chart's content as text, for print and screen readers */
export const kindLine = (k) =>
  `${k.kind_zh} ${k.total}项：${k.parts.map((p) => `${p.symbol} ${p.zh} ${p.n}`).join("，")}`;

/**
 * @param rows as kindTotals takes
 * @param options — {width, title, subtitle, caption}
 */
export function kindChart(rows, { width = 640, title = "", subtitle = "", caption = "" } = {}) {
  const totals = kindTotals(rows);
  if (totals.length === 0) return html`<p class="source-line">尚无承诺事项。</p>`;
  const parts = totals.flatMap((k) => k.parts.map((p) => ({ ...p, label: `${p.symbol}${p.n}` })));
  const chart = Plot.plot({
    width,
    height: 36 + 30 * totals.length,
    marginLeft: 84,
    marginRight: 40,
    x: { label: "项数", grid: true },
    y: { label: null, domain: totals.map((k) => k.kind_zh) },
    marks: [
      Plot.barX(parts, {
        y: "kind_zh",
        x: "n",
        fill: "color",
        order: "sort_order",
        inset: 0.5,
        title: (d) => `${d.kind_zh}：${d.zh} ${d.n}项`,
      }),
      Plot.text(
        parts,
        Plot.stackX({
          y: "kind_zh",
          x: "n",
          order: "sort_order",
          text: "label",
          fill: "white",
          fontWeight: 600,
          filter: (d) => d.n > 0,
        }),
      ),
      Plot.text(totals, { y: "kind_zh", x: "total", text: (d) => String(d.total), dx: 6, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  });
  return html`<figure class="kind-chart">
    ${title ? html`<h3>${title}</h3>` : ""}${subtitle ? html`<h4>${subtitle}</h4>` : ""} ${chart}
    <ul class="kind-lines">
      ${totals.map((k) => html`<li data-kind=${k.kind}>${kindLine(k)}</li>`)}
    </ul>
    ${caption ? html`<figcaption>${caption}</figcaption>` : ""}
  </figure>`;
}
