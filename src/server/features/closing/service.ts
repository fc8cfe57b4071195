/** Closing a programme, a member's export of their own content, and the host's retention setting. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ErasureEntry, Retention } from '../../../contract/closing.ts';
import type { Programme } from '../../../contract/programmes.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { transitionProblem } from '../../../domain/programme-lifecycle.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { programmeContent } from '../../data-rights/contributors.ts';
import { collectSections, loadSubject, sectionsMarkdown } from '../../data-rights/service.ts';
import type { Section } from '../../data-rights/types.ts';
import { tables } from '../../data-rights/types.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { renderPdf } from '../meetings/pdf-worker.ts';
import { getProgramme } from '../programmes/service.ts';
import { hostResource, programmeResource } from '../resources.ts';

export async function closeProgramme(
  ctx: AppContext,
  actor: PersonActor,
  programmeId: string,
): Promise<Programme> {
  authorize(actor, 'programme.close', await programmeResource(ctx.db, programmeId));
  const current = await tables(ctx.db)
    .selectFrom('programme')
    .select('status')
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const problem = transitionProblem(current.status, 'closed');
  if (problem) throw conflict(problem);
  if (current.status === 'closed') throw conflict('The programme is already closed.');
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    const closed = await tables(tx.db)
      .updateTable('programme')
      .set({ status: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', programmeId)
      .where('status', '=', current.status)
      .returning(['host_id', 'name'])
      .executeTakeFirst();
    // Someone else changed its status in between: nothing was closed here, so nothing is recorded.
    if (!closed) return;
    await audit(tx, {
      hostId: closed.host_id,
      by: actor,
      action: 'programme.closed',
      target: { type: 'programme', id: programmeId, label: closed.name },
      details: { from: current.status },
    });
  });
  return getProgramme(ctx, actor, programmeId);
}

async function myProgrammeSections(ctx: AppContext, actor: PersonActor, programmeId: string) {
  authorize(actor, 'programme.exportOwn', await programmeResource(ctx.db, programmeId));
  const programme = await tables(ctx.db)
    .selectFrom('programme')
    .select(['name', 'status'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
  const subject = await loadSubject(ctx, actor.personId);
  const sections = await collectSections(ctx, subject, { programmeId }, programmeContent);
  const title = `${programme.name}: my content`;
  const intro = `${subject.name}'s own problems with their reframes, the questions received, actions and journal, as of ${ctx.now().toISOString().slice(0, 10)}.`;
  return { title, intro, sections };
}

export async function myProgrammeMarkdown(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const { title, intro, sections } = await myProgrammeSections(ctx, actor, programmeId);
  return sectionsMarkdown(title, intro, sections);
}

/** Markdown lines as plain PDF paragraphs: headings bold, list markers kept. */
function sectionContent(section: Section): Content[] {
  const out: Content[] = [{ text: section.title, style: 'section' }];
  for (const line of section.markdown.split('\n')) {
    if (!line.trim()) continue;
    if (line.startsWith('### ')) out.push({ text: line.slice(4), bold: true, margin: [0, 6, 0, 2] });
    else out.push({ text: line.replace(/^> /, '    ').replace(/\*\*/g, ''), margin: [0, 0, 0, 3] });
  }
  return out;
}

export async function myProgrammePdf(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const { title, intro, sections } = await myProgrammeSections(ctx, actor, programmeId);
  const doc: TDocumentDefinitions = {
    info: { title },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 10] },
      section: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
    },
    content: [
      { text: title, style: 'title' },
      { text: intro, margin: [0, 0, 0, 6] },
      ...(sections.length
        ? sections.flatMap(sectionContent)
        : [{ text: 'There is nothing of yours here yet.' }]),
    ],
  };
  return renderPdf(doc);
}

export async function getRetention(ctx: AppContext, actor: PersonActor, hostId: string): Promise<Retention> {
  authorize(actor, 'host.configureRetention', hostResource(hostId));
  const row = await tables(ctx.db)
    .selectFrom('host')
    .select('closed_content_retention_days')
    .where('id', '=', hostId)
    .executeTakeFirstOrThrow();
  return { closedContentRetentionDays: row.closed_content_retention_days };
}

export async function updateRetention(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  days: number,
): Promise<Retention> {
  authorize(actor, 'host.configureRetention', hostResource(hostId));
  await transact(ctx, async (tx) => {
    await tables(tx.db)
      .updateTable('host')
      .set({ closed_content_retention_days: days, updated_at: ctx.now().toISOString() })
      .where('id', '=', hostId)
      .execute();
    await audit(tx, {
      hostId,
      by: actor,
      action: 'host.retentionChanged',
      details: { days },
    });
  });
  return getRetention(ctx, actor, hostId);
}

export async function listErasures(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
): Promise<ErasureEntry[]> {
  authorize(actor, 'host.configureRetention', hostResource(hostId));
  const rows = await tables(ctx.db)
    .selectFrom('erasure_log')
    .selectAll()
    .where('host_id', '=', hostId)
    .orderBy('erased_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subjectId: r.subject_id,
    mode: r.mode,
    counts: JSON.parse(r.counts_json),
    erasedBy: r.erased_by,
    erasedAt: r.erased_at,
  }));
}
