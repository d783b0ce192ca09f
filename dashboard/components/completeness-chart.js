// One month's reporting per unit: figures on time, late (迟报), missing (漏报) and not yet due,
// stacked, each segment labelled with its count; units in official order.
import * as Plot from "@observablehq/plot";
import { REPORT_STATUS } from "./status.js";

const PARTS = ["on_time", "late", "missing", "not_due"].map((key) => ({
  key,
  zh: `${REPORT_STATUS[key].symbol} ${REPORT_STATUS[key].zh}`,
  hex: REPORT_STATUS[key].hex,
}));

/**
 * @param rows pick.completenessByUnit rows
 * @param options — {width, counties, title, subtitle, caption}
 */
export function completenessChart(rows, { width, counties, title, subtitle, caption }) {
  width = Math.max(width || 640, 300); // a resize can report 0 before layout
  const order = counties.filter((c) => rows.some((r) => r.unit_code === c.unit_code));
  const name = new Map(order.map((c) => [c.unit_code, c.name_zh]));
  const data = rows.flatMap((r) =>
    PARTS.filter((p) => r[p.key] > 0).map((p) => ({
      unit: name.get(r.unit_code) ?? r.unit_code,
      part: p.zh,
      n: r[p.key],
      of: r.expected,
    })),
  );
  return Plot.plot({
    width,
    height: 50 + order.length * 26,
    title,
    subtitle,
    caption,
    marginLeft: width < 520 ? 96 : 150,
    x: { label: "项", grid: true },
    y: { label: null, domain: order.map((c) => c.name_zh) },
    color: { domain: PARTS.map((p) => p.zh), range: PARTS.map((p) => p.hex), legend: true },
    marks: [
      Plot.barX(data, {
        y: "unit",
        x: "n",
        fill: "part",
        order: PARTS.map((p) => p.zh),
        tip: true,
        title: (d) => `${d.unit}\n${d.part} ${d.n} / 应报 ${d.of} 项`,
      }),
      Plot.text(
        data,
        Plot.stackX({
          y: "unit",
          x: "n",
          order: PARTS.map((p) => p.zh),
          z: "part",
          text: (d) => `${d.n}`,
          fill: "white",
          fontWeight: 600,
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
}
