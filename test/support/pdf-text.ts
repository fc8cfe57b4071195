import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as pdfkit (under pdfmake) writes it, for tests: inflates the streams, reads each
 * font's ToUnicode map, and decodes the hex glyph runs of every TJ in page order, a line per
 * baseline. Not a general PDF reader; enough to find a member's words in a record export.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string }>();
  // Object by object; a stream is read by its /Length, since its bytes may hold anything.
  const header = /(\d+) 0 obj/g;
  for (let m = header.exec(raw); m; m = header.exec(raw)) {
    const from = m.index + m[0].length;
    const end = raw.indexOf('endobj', from);
    const at = raw.indexOf('stream', from);
    if (at < 0 || at > end) {
      objects.set(m[1]!, { dict: raw.slice(from, end), stream: '' });
      continue;
    }
    const dict = raw.slice(from, at);
    const start = at + (raw.startsWith('\r\n', at + 6) ? 8 : 7);
    const length = Number(dict.match(/\/Length (\d+)/)?.[1] ?? 0);
    const bytes = Buffer.from(raw.slice(start, start + length), 'latin1');
    const stream = /\/FlateDecode/.test(dict)
      ? inflateSync(bytes).toString('latin1')
      : bytes.toString('latin1');
    objects.set(m[1]!, { dict, stream });
    header.lastIndex = start + length;
  }
  const ref = (dict: string, key: string) => dict.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1];
  const cmapOf = (fontId: string) => {
    const toUnicode = ref(objects.get(fontId)?.dict ?? '', 'ToUnicode');
    const map = new Map<number, string>();
    const cmap = toUnicode ? (objects.get(toUnicode)?.stream ?? '') : '';
    for (const range of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
      let code = Number.parseInt(range[1]!, 16);
      for (const unicode of range[2]!.matchAll(/<([0-9a-f ]+)>/gi))
        map.set(code++, String.fromCharCode(...unicode[1]!.split(' ').map((h) => Number.parseInt(h, 16))));
    }
    return map;
  };
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values())
    for (const f of dict.matchAll(/\/(F\d+) (\d+) 0 R/g))
      if (!fonts.has(f[1]!)) fonts.set(f[1]!, cmapOf(f[2]!));
  let text = '';
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const content = objects.get(ref(dict, 'Contents') ?? '')?.stream ?? '';
    let font = new Map<number, string>();
    let y = '';
    const ops = /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d.\s])*)\] TJ|1 0 0 1 [\d.-]+ ([\d.-]+) Tm/gi;
    for (const op of content.matchAll(ops)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[3] !== undefined) {
        if (y && op[3] !== y && !text.endsWith('\n')) text += '\n';
        y = op[3];
      } else
        for (const hex of op[2]!.matchAll(/<([0-9a-f]*)>/gi))
          for (let i = 0; i < hex[1]!.length; i += 4)
            text += font.get(Number.parseInt(hex[1]!.slice(i, i + 4), 16)) ?? '';
    }
    text += '\n';
  }
  return text;
}
