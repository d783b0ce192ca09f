// A target on a chart: a dashed rule across the plot and its value named in the right margin, clear
// of the y-axis title and of the data. One look for the trajectory and the annual charts.
import * as Plot from "@observablehq/plot";
import { tickText } from "./format.js";

/** about how wide a label is drawn at 10 px: CJK characters twice as wide as Latin */
const textWidth = (s) => [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 10 : 6), 0);

/**
 * @param value the target in display units (null: no target, no marks)
 * @returns the rule and its label (`marks`), and the right margin the label needs (`width`)
 */
export function targetRule(value, unit, { dash = "6 3" } = {}) {
  if (value == null) return { marks: [], width: 0 };
  const label = `目标\n${tickText(value)}${unit}`;
  return {
    width: Math.max(...label.split("\n").map(textWidth)) + 10,
    marks: [
      Plot.ruleY([value], { stroke: "#111", strokeDasharray: dash }),
      Plot.text([value], {
        y: (d) => d,
        frameAnchor: "right",
        text: () => label,
        textAnchor: "start",
        lineAnchor: "middle",
        dx: 6,
        fontWeight: 600,
      }),
    ],
  };
}
