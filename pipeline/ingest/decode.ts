// Bytes → text. Excel on Chinese Windows writes GB18030/GBK without a BOM ("CSV (逗号分隔)"),
// "CSV UTF-8" adds a BOM, "Unicode 文本" is UTF-16 with a BOM (some tools write it without). A
// strict UTF-8 decode fails on GBK bytes, which makes the choice clean. Runs unchanged in Node and
// the browser.
export type Encoding = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

export interface Decoded {
  text: string;
  encoding: Encoding;
}

/** Why a file is not text: a zip (an .xlsx renamed .csv), other binary, NUL bytes in text, an unknown encoding. */
export type Undecodable = "zip" | "binary" | "nul" | "mixed" | "encoding";

export class UndecodableError extends Error {
  constructor(readonly reason: Undecodable) {
    super(reason);
  }
}

const startsWith = (bytes: Uint8Array, ...magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * UTF-16 without a BOM: ASCII text (the header, digits, commas) puts a NUL in every other byte.
 * The byte order is the side the NULs are on; undefined when the NULs do not fall that way.
 */
function utf16WithoutBom(head: Uint8Array): Encoding | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (odd >= pairs * 0.1 && even === 0) return "utf-16le";
  if (even >= pairs * 0.1 && odd === 0) return "utf-16be";
  return undefined;
}

function strict(encoding: Encoding, bytes: Uint8Array): string {
  const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
  return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
}

export function decode(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    throw new UndecodableError("zip");
  }
  // a PDF, or an .xls (OLE2): binary whatever their first bytes decode as
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46) || startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    throw new UndecodableError("binary");
  }
  const bom: [number[], Encoding][] = [
    [[0xef, 0xbb, 0xbf], "utf-8-bom"],
    [[0xff, 0xfe], "utf-16le"],
    [[0xfe, 0xff], "utf-16be"],
  ];
  for (const [magic, encoding] of bom) {
    if (!startsWith(bytes, ...magic)) continue;
    try {
      return { text: strict(encoding, bytes.subarray(magic.length)), encoding };
    } catch {
      throw new UndecodableError("encoding");
    }
  }
  const head = bytes.subarray(0, 4096);
  const utf16 = utf16WithoutBom(head);
  if (utf16) {
    try {
      return { text: strict(utf16, bytes), encoding: utf16 };
    } catch {
      throw new UndecodableError("encoding");
    }
  }
  // NUL bytes do not occur in a text CSV in either remaining encoding: near the start, an .xls or a
  // PDF; further in, text with NULs written into it (a damaged copy)
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new UndecodableError(nul < head.length && !isMostlyText(head) ? "binary" : "nul");
  try {
    return { text: strict("utf-8", bytes), encoding: "utf-8" };
  } catch {
    if (utf8Before(bytes) >= 3) throw new UndecodableError("mixed");
    try {
      return { text: strict("gb18030", bytes), encoding: "gb18030" };
    } catch {
      throw new UndecodableError("encoding");
    }
  }
}

/** at most one byte in ten a control character (NUL included) other than tab, CR and LF */
function isMostlyText(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13) control++;
  return control * 10 <= head.length;
}

/**
 * How many Chinese characters (three-byte UTF-8) come before the first byte that is not UTF-8. A GBK
 * file breaks UTF-8 at or near its first Chinese character; a file that reads as UTF-8 for a while
 * and then stops is two files pasted together.
 */
function utf8Before(bytes: Uint8Array): number {
  let chinese = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return chinese;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return chinese;
    if (length === 3) chinese++;
    i += length;
  }
  return chinese;
}
