// A real, valid, big county file made from the catalogue: every county × every figure indicator ×
// every period of its frequency over the years given. Thousands of rows, no two with one key.
import type { Catalogue } from "../../pipeline/catalogue/types.ts";

export function manyRows(catalogue: Catalogue, years: number[]): string {
  const counties = catalogue.units.filter((u) => u.unit_code !== "211400");
  const lines = ["报送单位,指标,统计期,数值,计量单位,备注"];
  for (const unit of counties)
    for (const indicator of catalogue.indicators) {
      const periods = years.flatMap((y) =>
        indicator.frequency === "monthly"
          ? Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, "0")}`)
          : indicator.frequency === "quarterly"
            ? [1, 2, 3, 4].map((q) => `${y}Q${q}`)
            : [String(y)],
      );
      for (const [i, period] of periods.entries())
        lines.push(`${unit.name_zh},${indicator.name_zh},${period},${(i % 7) + 1},${indicator.unit_zh},`);
    }
  return lines.join("\n") + "\n";
}
