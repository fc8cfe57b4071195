/** A meeting record's outline as Markdown: the structure is Markdown's, every word the catalogue's. */
import type { Block, Line, RecordOutline } from './record-outline.ts';

/** Inline text: one line, with Markdown's active characters escaped so a member's words stay words. */
const md = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').replace(/[\\`*_[\]<>|#]/g, '\\$&');
const line = (l: Line) => `${l.strong ? `**${md(l.strong)}** ` : ''}${md(l.text)}`;

function block(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [line(b.line)];
    case 'bullets':
      return b.items.map((l) => `- ${line(l)}`);
    case 'numbered':
      return b.items.map((l, i) => `${i + 1}. ${line(l)}`);
    case 'checklist':
      return b.items.map((l) => `- [ ] ${line(l)}`);
    case 'table':
      return [
        `| ${b.head.map(md).join(' | ')} |`,
        `| ${b.head.map(() => '---').join(' | ')} |`,
        ...b.rows.map((row) => `| ${row.map(md).join(' | ')} |`),
      ];
  }
}

export function toMarkdown(outline: RecordOutline): string {
  const lines = [`# ${md(outline.title)}`, ''];
  for (const paragraph of outline.intro) lines.push(md(paragraph), '');
  for (const section of outline.sections) {
    lines.push(`## ${md(section.title)}`, '');
    for (const b of section.blocks) lines.push(...block(b), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
