/** A meeting record's outline as a pdfmake document: the same sections as the Markdown export. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Block, Line, RecordOutline } from '../../../domain/meeting/record-outline.ts';
import { renderPdf } from './pdf-worker.ts';

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
  return renderPdf(recordDocument(outline));
}
