// A GBK encoder built from the platform's GB18030 decoder (two-byte range only, which covers
// every character the sample files use), so the generator can write files as Excel on Chinese
// Windows does without another dependency.
let table: Map<string, [number, number]> | undefined;

function buildTable(): Map<string, [number, number]> {
  const map = new Map<string, [number, number]>();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
}

export function encodeGbk(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK encoding for '${ch}'`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
