/**
 * A meeting record's outline as a PDF, with pdfmake on the server. The fonts are the Roboto files that
 * ship with pdfmake, read from node_modules: no network, and every other file or URL is refused.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Line, RecordOutline } from '../../../domain/meeting/record-outline.ts';

const require = createRequire(import.meta.url);
const robotoModule = require.resolve('pdfmake/fonts/Roboto.js');
const fontDir = path.join(path.dirname(robotoModule), 'Roboto') + path.sep;

let ready = false;
function setUp(): void {
  if (ready) return;
  pdfmake.setFonts(require(robotoModule));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));
  ready = true;
}

const line = (l: Line): Content => ({
  text: l.strong ? [{ text: `${l.strong} `, bold: true }, l.text] : l.text,
});

function block(b: Block): Content {
  switch (b.kind) {
    case 'paragraph':
      return { ...(line(b.line) as object), margin: [0, 0, 0, 6] } as Content;
    case 'bullets':
      return { ul: b.items.map(line), margin: [0, 0, 0, 6] };
    case 'numbered':
      return { ol: b.items.map(line), margin: [0, 0, 0, 6] };
    case 'checklist':
      return { ul: b.items.map(line), type: 'square', margin: [0, 0, 0, 6] };
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: ['*', 'auto', 'auto', 'auto'],
          body: [b.head.map((h) => ({ text: h, bold: true })), ...b.rows],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 6],
      };
  }
}

export function recordDocument(outline: RecordOutline): TDocumentDefinitions {
  return {
    info: { title: outline.title },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
      section: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
    },
    content: [
      { text: outline.title, style: 'title' },
      ...outline.intro.map((text): Content => ({ text, margin: [0, 0, 0, 6] })),
      ...outline.sections.flatMap((s): Content[] => [
        { text: s.title, style: 'section' },
        ...s.blocks.map(block),
      ]),
    ],
  };
}

export function recordPdf(outline: RecordOutline): Promise<Buffer> {
  setUp();
  return pdfmake.createPdf(recordDocument(outline)).getBuffer();
}
