/**
 * Set content a person wrote or received: their problems with reframes, the questions they received,
 * their actions, their journal, their apology notes, the concerns they proposed and what they typed in
 * the live room. Each contributor is also scoped to one programme for the closing export.
 */
import type { Contributor, Scope, Tables } from './types.ts';
import { affected, countOf, oneLine, quote, scrubCopies, tables } from './types.ts';

async function setsIn(db: Tables, scope: Scope): Promise<string[] | null> {
  if (!scope.programmeId) return null;
  const rows = await db
    .selectFrom('learning_set')
    .select('id')
    .where('programme_id', '=', scope.programmeId)
    .execute();
  return rows.map((r) => r.id);
}

/** Narrows a query to the scope's sets (no narrowing when the scope is everything). */
function inSets<Q>(query: Q, column: string, sets: string[] | null): Q {
  if (sets === null) return query;
  const narrowable = query as unknown as { where(column: string, op: 'in', values: string[]): Q };
  return narrowable.where(column, 'in', sets.length ? sets : ['']);
}

export const problems: Contributor = {
  kind: 'problems and reframes',
  async collect(db, subject, scope) {
    const sets = await setsIn(db, scope);
    const rows = await inSets(
      db
        .selectFrom('problem')
        .innerJoin('learning_set', 'learning_set.id', 'problem.set_id')
        .select([
          'problem.id',
          'problem.title',
          'problem.story',
          'problem.kind',
          'problem.status',
          'problem.created_at',
          'learning_set.name as set_name',
        ])
        .where('problem.owner_id', '=', subject.personId)
        .orderBy('problem.created_at'),
      'problem.set_id',
      sets,
    ).execute();
    if (rows.length === 0) return null;
    const versions = await db
      .selectFrom('problem_version')
      .select(['problem_id', 'statement', 'created_at'])
      .where(
        'problem_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('created_at')
      .execute();
    const data = rows.map((r) => ({
      set: r.set_name,
      title: r.title,
      story: r.story,
      kind: r.kind,
      status: r.status,
      createdAt: r.created_at,
      reframes: versions
        .filter((v) => v.problem_id === r.id)
        .map((v) => ({ statement: v.statement, at: v.created_at })),
    }));
    const markdown = data
      .map((p) =>
        [
          `### ${oneLine(p.title) || '(untitled)'}`,
          `Set: ${p.set} · ${p.status} · since ${p.createdAt.slice(0, 10)}`,
          '',
          p.story ? quote(p.story) : '',
          '',
          p.reframes.length ? '**Reframes**' : '',
          ...p.reframes.map((v) => `- ${v.at.slice(0, 10)}: ${oneLine(v.statement)}`),
        ].join('\n'),
      )
      .join('\n\n');
    return { key: 'problems', title: 'My problems and their reframes', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('problem')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('owner_id', '=', subject.personId),
    );
  },
  async erase(tx, subject, mode) {
    if (mode === 'anonymise') return 0;
    const db = tables(tx.db);
    const mine = db.selectFrom('problem').select('id').where('owner_id', '=', subject.personId);
    // The rooms' frozen setups carry copies of the presenters' problems: those copies go too.
    const texts = [
      ...(
        await db
          .selectFrom('problem')
          .select(['title', 'story'])
          .where('owner_id', '=', subject.personId)
          .execute()
      ).flatMap((p) => [p.title, p.story]),
      ...(
        await db.selectFrom('problem_version').select('statement').where('problem_id', 'in', mine).execute()
      ).map((v) => v.statement),
    ];
    await scrubCopies(db, 'meeting', 'setup_json', texts);
    await db.deleteFrom('problem_version').where('problem_id', 'in', mine).execute();
    return affected(
      await db
        .updateTable('problem')
        .set({ title: '', story: '' })
        .where('owner_id', '=', subject.personId)
        .execute(),
    );
  },
};

export const questionsReceived: Contributor = {
  kind: 'questions received and asked',
  async collect(db, subject, scope) {
    const sets = await setsIn(db, scope);
    // The question's text and when; never who asked it (the room shows a question, not its asker's record).
    const rows = await inSets(
      db
        .selectFrom('question')
        .innerJoin('meeting', 'meeting.id', 'question.meeting_id')
        .innerJoin('learning_set', 'learning_set.id', 'meeting.set_id')
        .select([
          'question.text',
          'question.struck_home',
          'meeting.starts_at',
          'learning_set.name as set_name',
        ])
        .where('question.presenter_id', '=', subject.personId)
        .orderBy('meeting.starts_at'),
      'meeting.set_id',
      sets,
    ).execute();
    if (rows.length === 0) return null;
    const data = rows.map((r) => ({
      set: r.set_name,
      meeting: r.starts_at,
      text: r.text,
      struckHome: Boolean(r.struck_home),
    }));
    const markdown = data
      .map((q) => `- ${q.meeting.slice(0, 10)}${q.struckHome ? ' (struck home)' : ''}: ${oneLine(q.text)}`)
      .join('\n');
    return { key: 'questions', title: 'Questions I received', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('question')
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) =>
          eb.or([eb('presenter_id', '=', subject.personId), eb('asked_by', '=', subject.personId)]),
        ),
    );
  },
  async erase(tx, subject, mode) {
    if (mode === 'anonymise') return 0;
    const db = tables(tx.db);
    const texts = (
      await db
        .selectFrom('question')
        .select('text')
        .where((eb) =>
          eb.or([eb('presenter_id', '=', subject.personId), eb('asked_by', '=', subject.personId)]),
        )
        .execute()
    ).map((q) => q.text);
    // Others typed some of these in the room: the log's copies of them go with them.
    await scrubCopies(db, 'meeting_event', 'command_json', texts);
    await scrubCopies(db, 'meeting', 'setup_json', texts);
    return affected(
      await db
        .updateTable('question')
        .set({ text: '' })
        .where((eb) =>
          eb.or([eb('presenter_id', '=', subject.personId), eb('asked_by', '=', subject.personId)]),
        )
        .execute(),
    );
  },
};

export const actions: Contributor = {
  kind: 'actions',
  async collect(db, subject, scope) {
    const sets = await setsIn(db, scope);
    const rows = await inSets(
      db
        .selectFrom('action')
        .innerJoin('learning_set', 'learning_set.id', 'action.set_id')
        .select([
          'action.text',
          'action.status',
          'action.due_on',
          'action.outcome_note',
          'action.created_at',
          'learning_set.name as set_name',
        ])
        .where('action.owner_id', '=', subject.personId)
        .orderBy('action.created_at'),
      'action.set_id',
      sets,
    ).execute();
    if (rows.length === 0) return null;
    const data = rows.map((r) => ({
      set: r.set_name,
      text: r.text,
      status: r.status,
      dueOn: r.due_on,
      outcome: r.outcome_note,
      createdAt: r.created_at,
    }));
    const markdown = data
      .map(
        (a) =>
          `- [${a.status === 'done' ? 'x' : ' '}] ${oneLine(a.text)} (${a.status}${a.dueOn ? `, due ${a.dueOn}` : ''})${a.outcome ? ` — ${oneLine(a.outcome)}` : ''}`,
      )
      .join('\n');
    return { key: 'actions', title: 'My actions', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('action')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('owner_id', '=', subject.personId),
    );
  },
  async erase(tx, subject, mode) {
    if (mode === 'anonymise') return 0;
    // The row stays (with its status) so the set's follow-through figures still add up.
    const db = tables(tx.db);
    const texts = (
      await db
        .selectFrom('action')
        .select(['text', 'outcome_note'])
        .where('owner_id', '=', subject.personId)
        .execute()
    ).flatMap((a) => [a.text, a.outcome_note]);
    // A room's setup lists the open actions to report on; the log may repeat them.
    await scrubCopies(db, 'meeting', 'setup_json', texts);
    await scrubCopies(db, 'meeting_event', 'command_json', texts);
    return affected(
      await db
        .updateTable('action')
        .set({ text: '', outcome_note: '' })
        .where('owner_id', '=', subject.personId)
        .execute(),
    );
  },
};

const promptTitles: Record<string, string> = {
  myProblem: 'My problem',
  othersProblems: "Others' problems",
  theSet: 'The set',
  myself: 'Myself',
  myActions: 'My actions',
};

export const journal: Contributor = {
  kind: 'journal entries',
  async collect(db, subject, scope) {
    const sets = await setsIn(db, scope);
    const rows = await inSets(
      db
        .selectFrom('journal_entry')
        .select(['answers_json', 'visibility', 'created_at'])
        .where('author_id', '=', subject.personId)
        .orderBy('created_at'),
      'set_id',
      sets,
    ).execute();
    if (rows.length === 0) return null;
    const data = rows.map((r) => ({
      createdAt: r.created_at,
      visibility: r.visibility,
      answers: JSON.parse(r.answers_json) as Record<string, string>,
    }));
    const markdown = data
      .map((e) =>
        [
          `### ${e.createdAt.slice(0, 10)} (${e.visibility === 'set' ? 'shared with the set' : 'private'})`,
          ...Object.entries(e.answers)
            .filter(([, v]) => v)
            .map(([k, v]) => `**${promptTitles[k] ?? k}**\n\n${v}`),
        ].join('\n\n'),
      )
      .join('\n\n');
    return { key: 'journal', title: 'My journal', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('journal_entry')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('author_id', '=', subject.personId),
    );
  },
  async erase(tx, subject, mode) {
    const db = tables(tx.db);
    // Private entries were theirs alone: they go in either mode. Shared ones stay when anonymising.
    let query = db.deleteFrom('journal_entry').where('author_id', '=', subject.personId);
    if (mode === 'anonymise') query = query.where('visibility', '!=', 'set');
    return affected(await query.execute());
  },
};

export const attendanceNotes: Contributor = {
  kind: 'apology notes',
  async collect(db, subject, scope) {
    const sets = await setsIn(db, scope);
    const rows = await inSets(
      db
        .selectFrom('meeting_attendance')
        .innerJoin('meeting', 'meeting.id', 'meeting_attendance.meeting_id')
        .select(['meeting.starts_at', 'meeting_attendance.status', 'meeting_attendance.apology_note'])
        .where('meeting_attendance.person_id', '=', subject.personId)
        .orderBy('meeting.starts_at'),
      'meeting.set_id',
      sets,
    ).execute();
    if (rows.length === 0) return null;
    const data = rows.map((r) => ({ meeting: r.starts_at, status: r.status, note: r.apology_note }));
    const markdown = data
      .map((a) => `- ${a.meeting.slice(0, 10)}: ${a.status}${a.note ? ` — ${oneLine(a.note)}` : ''}`)
      .join('\n');
    return { key: 'attendance', title: 'My attendance', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('meeting_attendance')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('person_id', '=', subject.personId)
        .where('apology_note', '!=', ''),
    );
  },
  async erase(tx, subject) {
    // Attendance itself is a figure and stays; the note may say why someone was away: it goes.
    return affected(
      await tables(tx.db)
        .updateTable('meeting_attendance')
        .set({ apology_note: '' })
        .where('person_id', '=', subject.personId)
        .where('apology_note', '!=', '')
        .execute(),
    );
  },
};

export const concerns: Contributor = {
  kind: 'concerns proposed (not shared)',
  async collect(db, subject, scope) {
    let query = db
      .selectFrom('concern')
      .select(['statement', 'status', 'proposed_at'])
      .where('proposer_id', '=', subject.personId)
      .orderBy('proposed_at');
    if (scope.programmeId) query = query.where('programme_id', '=', scope.programmeId);
    const rows = await query.execute();
    if (rows.length === 0) return null;
    const data = rows.map((r) => ({ statement: r.statement, status: r.status, proposedAt: r.proposed_at }));
    const markdown = data
      .map((c) => `- ${c.proposedAt.slice(0, 10)} (${c.status}): ${oneLine(c.statement)}`)
      .join('\n');
    return { key: 'concerns', title: 'Concerns I proposed', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('concern')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('proposer_id', '=', subject.personId)
        .where('status', '!=', 'shared'),
    );
  },
  async erase(tx, subject, mode) {
    if (mode === 'anonymise') return 0;
    // A shared concern already belongs to the programme, without a name; unshared proposals go.
    return affected(
      await tables(tx.db)
        .updateTable('concern')
        .set({ statement: '', theme_tag: '', status: 'withdrawn' })
        .where('proposer_id', '=', subject.personId)
        .where('status', '!=', 'shared')
        .execute(),
    );
  },
};

/** The fields of live-room commands (src/domain/meeting/types.ts) that carry a person's own words. */
const freeTextFields = new Set(['text', 'title', 'statement', 'reason', 'learned']);

/** Blanks the words a live-room command carried; ids, kinds, steps and numbers stay so replay still works. */
export function redactCommand(json: string): string {
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && freeTextFields.has(key) ? '' : value;
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  try {
    return JSON.stringify(walk(JSON.parse(json)));
  } catch {
    return json;
  }
}

export const roomWords: Contributor = {
  kind: 'words typed in live rooms',
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('meeting_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('actor_id', '=', subject.personId),
    );
  },
  async erase(tx, subject, mode) {
    if (mode === 'anonymise') return 0;
    const db = tables(tx.db);
    const rows = await db
      .selectFrom('meeting_event')
      .select(['meeting_id', 'seq', 'command_json'])
      .where('actor_id', '=', subject.personId)
      .execute();
    for (const row of rows) {
      await db
        .updateTable('meeting_event')
        .set({ command_json: redactCommand(row.command_json) })
        .where('meeting_id', '=', row.meeting_id)
        .where('seq', '=', row.seq)
        .execute();
    }
    return rows.length;
  },
};
