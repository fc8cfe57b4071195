/** A person's download of all their data, and a host admin's erasure of a person, over the contributors. */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ErasureMode, ErasurePreview } from '../../contract/closing.ts';
import type { PersonActor } from '../../domain/access.ts';
import { audit, erasedLabel, forgetInAudit, personLabel } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { answerKey } from '../features/feedback/store.ts';
import { personResource } from '../features/resources.ts';
import { authorize } from '../http/authorize.ts';
import { conflict, notFound } from '../http/problem.ts';
import { transact } from '../transact.ts';
import { contributors } from './contributors.ts';
import { type Contributor, formerMember, type Scope, type Section, type Subject, tables } from './types.ts';

export async function loadSubject(ctx: AppContext, personId: string): Promise<Subject> {
  const row = await tables(ctx.db)
    .selectFrom('person')
    .select(['id', 'host_id', 'user_id', 'name', 'email'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row) throw notFound('person');
  return {
    personId: row.id,
    hostId: row.host_id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    answerKey: (scope, subjectId) => answerKey(ctx.config.authSecret, scope, subjectId, row.id),
  };
}

export async function collectSections(
  ctx: AppContext,
  subject: Subject,
  scope: Scope,
  list: Contributor[] = contributors,
): Promise<Section[]> {
  const sections: Section[] = [];
  for (const c of list) {
    const section = await c.collect?.(tables(ctx.db), subject, scope);
    if (section) sections.push(section);
  }
  return sections;
}

export function sectionsMarkdown(title: string, intro: string, sections: Section[]): string {
  const body = sections.length
    ? sections.map((s) => `## ${s.title}\n\n${s.markdown}`).join('\n\n')
    : 'There is nothing of yours here yet.';
  return `# ${title}\n\n${intro}\n\n${body}\n`;
}

/** All of a person's data: one .tar.gz with data.json and README.md (the same, readable). */
export async function myDataArchive(ctx: AppContext, actor: PersonActor): Promise<Buffer> {
  authorize(actor, 'person.exportOwn', await personResource(ctx.db, actor.personId));
  const subject = await loadSubject(ctx, actor.personId);
  const sections = await collectSections(ctx, subject, {});
  const exportedAt = ctx.now().toISOString();
  const folder = await mkdtemp(path.join(tmpdir(), 'revans-export-'));
  try {
    const root = path.join(folder, 'revans-my-data');
    await mkdir(root);
    const data = { exportedAt, ...Object.fromEntries(sections.map((s) => [s.key, s.data])) };
    await writeFile(path.join(root, 'data.json'), `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    const intro = `Everything Revans holds about you, as of ${exportedAt}. The same data is in data.json.`;
    await writeFile(
      path.join(root, 'README.md'),
      sectionsMarkdown(`${subject.name}: my data`, intro, sections),
      {
        mode: 0o600,
      },
    );
    const chunks: Buffer[] = [];
    const tar = await import('tar');
    const stream = tar.create({ gzip: true, cwd: folder, portable: true }, ['revans-my-data']);
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    // That a person took a copy of their data, never what it held.
    await audit(ctx, {
      hostId: subject.hostId,
      by: actor,
      action: 'person.dataExported',
      target: { type: 'person', id: subject.personId, label: personLabel(subject) },
    });
    return Buffer.concat(chunks);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function counts(ctx: AppContext, subject: Subject) {
  const result: { kind: string; count: number }[] = [];
  for (const c of contributors) {
    const count = await c.count(tables(ctx.db), subject);
    if (count > 0) result.push({ kind: c.kind, count });
  }
  return result;
}

async function erasable(ctx: AppContext, actor: PersonActor, personId: string): Promise<Subject> {
  authorize(actor, 'person.erase', await personResource(ctx.db, personId));
  const subject = await loadSubject(ctx, personId);
  if (subject.name === formerMember && subject.userId === null && subject.email.startsWith('erased-'))
    throw conflict('This person has already been erased.');
  return subject;
}

export async function previewErasure(
  ctx: AppContext,
  actor: PersonActor,
  personId: string,
): Promise<ErasurePreview> {
  const subject = await erasable(ctx, actor, personId);
  return { personId, name: subject.name, counts: await counts(ctx, subject) };
}

/** Erases a person in one transaction; their sockets close once it has committed. */
export async function erasePerson(
  ctx: AppContext,
  actor: PersonActor,
  personId: string,
  mode: ErasureMode,
  confirmName: string,
): Promise<{ counts: { kind: string; count: number }[] }> {
  const subject = await erasable(ctx, actor, personId);
  if (confirmName.trim() !== subject.name.trim())
    throw conflict("To confirm, type the person's name exactly as shown: {{name}}.", 'body.confirmName', {
      name: subject.name,
    });
  return transact(ctx, async (tx) => {
    const done: { kind: string; count: number }[] = [];
    for (const c of contributors) {
      const count = await c.erase(tx, subject, mode);
      if (count > 0) done.push({ kind: c.kind, count });
    }
    await tables(tx.db)
      .insertInto('erasure_log')
      .values({
        id: randomUUID(),
        host_id: subject.hostId,
        kind: 'person',
        subject_id: subject.personId,
        mode,
        counts_json: JSON.stringify(Object.fromEntries(done.map((d) => [d.kind, d.count]))),
        erased_by: actor.personId,
        erased_at: tx.now().toISOString(),
      })
      .execute();
    // The audit trail keeps what was done, and by which id, but no longer the person's name or address.
    await forgetInAudit(tx, subject);
    await audit(tx, {
      hostId: subject.hostId,
      by: actor,
      action: 'person.erased',
      target: { type: 'person', id: personId, label: erasedLabel },
      details: { mode, ...Object.fromEntries(done.map((d) => [d.kind, d.count])) },
    });
    tx.afterCommit(() => ctx.logger.info({ personId, mode, counts: done }, 'person erased'));
    return { counts: done };
  });
}
