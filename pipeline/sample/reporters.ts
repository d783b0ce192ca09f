// The reporting units and their clerks' habits: how each writes its name, the period, the units
// of measure, which file encoding its Excel saves, and how punctual it is. What each unit reports
// is not here: that is the catalogue's reporting duties (pipeline/catalogue/duties.ts). The city
// (211400) reports the city-level figures its departments compile and the city's tasks.
export interface Reporter {
  code: string;
  /** what this unit's clerk writes in 报送单位 */
  writesAs: string;
  encoding: "gbk" | "utf-8-bom";
  /** 2025-06 / 2025Q3 / 2025, or 2025年6月 / 2025年第三季度 / 2025年 */
  periodStyle: "dash" | "chinese";
  /** the indicator's official name, or the first alias the catalogue lists */
  names: "official" | "alias";
  /** 万吨 (two decimals) or 吨 with thousands separators */
  weightUnit: "万吨" | "吨";
  /** 万亩 (two decimals), 亩 with thousands separators, or 公顷 (whole hectares) */
  areaUnit: "万亩" | "亩" | "公顷";
  /** the unit typed for counts; "" when the clerk leaves 计量单位 blank */
  countUnit: "个" | "";
  /** chance a monthly report arrives after the 10th, and that it never arrives */
  lateRate: number;
  missingRate: number;
}

const county = { encoding: "gbk", periodStyle: "dash", names: "official", countUnit: "个" } as const;
const zone = { ...county, weightUnit: "万吨", areaUnit: "万亩" } as const;

/**
 * 南票 and 建昌 are chronically late; 高新区 is the zone whose reports go missing. The city's
 * office (市政府办) compiles its departments' figures and sends them punctually.
 */
export const REPORTERS: Reporter[] = [
  {
    ...county,
    code: "211400",
    writesAs: "葫芦岛市",
    encoding: "utf-8-bom",
    weightUnit: "万吨",
    areaUnit: "万亩",
    lateRate: 0.04,
    missingRate: 0,
  },
  {
    ...county,
    code: "211402",
    writesAs: "连山区",
    weightUnit: "万吨",
    areaUnit: "万亩",
    lateRate: 0.1,
    missingRate: 0.02,
  },
  {
    ...county,
    code: "211403",
    writesAs: "龙港区",
    weightUnit: "吨",
    areaUnit: "亩",
    lateRate: 0.05,
    missingRate: 0,
  },
  {
    ...county,
    code: "211404",
    writesAs: "南票区",
    encoding: "utf-8-bom",
    weightUnit: "万吨",
    areaUnit: "公顷",
    lateRate: 0.25,
    missingRate: 0.05,
  },
  {
    ...county,
    code: "211421",
    writesAs: "绥中县人民政府",
    names: "alias",
    weightUnit: "万吨",
    areaUnit: "万亩",
    lateRate: 0.05,
    missingRate: 0,
  },
  {
    ...county,
    code: "211422",
    writesAs: "建昌",
    periodStyle: "chinese",
    names: "alias",
    weightUnit: "万吨",
    areaUnit: "万亩",
    countUnit: "",
    lateRate: 0.3,
    missingRate: 0.05,
  },
  {
    ...county,
    code: "211481",
    writesAs: "兴城市",
    periodStyle: "chinese",
    weightUnit: "吨",
    areaUnit: "亩",
    lateRate: 0.08,
    missingRate: 0,
  },
  { ...zone, code: "2114Z1", writesAs: "杨家杖子经济开发区管委会", lateRate: 0.15, missingRate: 0.02 },
  { ...zone, code: "2114Z2", writesAs: "葫芦岛经济技术开发区", lateRate: 0.1, missingRate: 0 },
  { ...zone, code: "2114Z3", writesAs: "高新区", periodStyle: "chinese", lateRate: 0.2, missingRate: 0.08 },
];
