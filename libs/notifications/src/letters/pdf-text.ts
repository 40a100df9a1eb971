import { inflateSync } from 'node:zlib';

/** The Windows-1252 characters that differ from Latin-1 (pdfkit's standard fonts use WinAnsiEncoding). */
const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ',
  0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›',
  0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    out += CP1252[byte] ?? String.fromCharCode(byte);
  }
  return out;
}

function decodeLiteral(lit: string): string {
  return lit.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}

/**
 * The text shown by a PDF made with pdfkit's standard fonts, one line per text operator, for tests
 * and checks (not a general PDF parser). Compressed (FlateDecode) content streams are inflated.
 */
export function extractPdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streamRe = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let body = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1])) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const content = body.toString('latin1');
    const opRe = /\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[\s\d.-]+)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g;
    let op: RegExpExecArray | null;
    while ((op = opRe.exec(content))) {
      if (op[1] !== undefined) {
        const parts = op[1].match(/<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)/g) ?? [];
        lines.push(parts.map((p) => (p.startsWith('<') ? decodeHex(p.slice(1, -1)) : decodeLiteral(p.slice(1, -1)))).join(''));
      } else if (op[2] !== undefined) {
        lines.push(decodeHex(op[2]));
      } else if (op[3] !== undefined) {
        lines.push(decodeLiteral(op[3]));
      }
    }
    streamRe.lastIndex = end;
  }
  return lines.join('\n');
}

/** The PDF's text with line breaks and runs of white space as single spaces (to search phrases across wrapped lines). */
export function pdfPlainText(pdf: Buffer): string {
  return extractPdfText(pdf).replace(/\s+/g, ' ').trim();
}
