// The seed documents' OCR artifacts and their intended characters. A quote in the catalogue is
// compared with the seed text after both are normalised this way and stripped of whitespace.
const OCR: Record<string, string> = { 尧: "、", 渊: "（", 冤: "）", 遥: "。", 袁: "，" };

export function normaliseSeedText(text: string): string {
  return text.replace(/[尧渊冤遥袁]/g, (c) => OCR[c]).replace(/\s+/g, "");
}
