import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as pdfkit (under pdfmake) writes it, for tests: inflates the streams, reads each
 * font's ToUnicode map, and decodes the hex glyph runs of every TJ in page order, a line per
 * baseline. Not a general PDF reader; enough to find a member's words in a record export.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string }>();
  for (const m of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const [, id, body] = m as unknown as [string, string, string];
    const at = body.indexOf('stream');
    const dict = at < 0 ? body : body.slice(0, at);
    let stream = '';
    if (at >= 0) {
      const bytes = Buffer.from(
        body
          .slice(at + 6)
          .replace(/^\r?\n/, '')
          .replace(/\r?\nendstream\s*$/, ''),
        'latin1',
      );
      stream = /\/FlateDecode/.test(dict) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
    }
    objects.set(id, { dict, stream });
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
