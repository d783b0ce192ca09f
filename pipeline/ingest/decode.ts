// Bytes → text. Excel on Chinese Windows writes GB18030/GBK without a BOM ("CSV (逗号分隔)"),
// "CSV UTF-8" adds a BOM, "Unicode 文本" is UTF-16 with a BOM. A strict UTF-8 decode fails on
// GBK bytes, which makes the choice clean. Runs unchanged in Node and the browser.
export type Encoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export class UndecodableError extends Error {}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  // NUL bytes do not occur in a text CSV in either remaining encoding: an .xlsx (a zip) or a PDF.
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new UndecodableError("binary");
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    try {
      return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
    } catch {
      throw new UndecodableError("encoding");
    }
  }
}
