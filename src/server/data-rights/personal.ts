/**
 * A person's own data outside set content: profile and roles, applications and consents, sign-in
 * accounts and sessions, notification settings and feeds, the mail sent to them; and a last sweep
 * that replaces their name and address wherever a stored copy of them remains.
 */
import { sql } from 'kysely';
import type { Contributor, Tables } from './types.ts';
import { affected, countOf, formerMember, oneLine, tables } from './types.ts';

export const profile: Contributor = {
  kind: 'profile',
  async collect(db, subject, scope) {
    if (scope.programmeId) return null;
    const person = await db
      .selectFrom('person')
      .leftJoin('organisation', 'organisation.id', 'person.organisation_id')
      .select([
        'person.name',
        'person.email',
        'person.job_role',
        'person.time_zone',
        'person.language',
        'person.created_at',
        'organisation.name as organisation',
      ])
      .where('person.id', '=', subject.personId)
      .executeTakeFirstOrThrow();
    const sets = await db
      .selectFrom('set_membership')
      .innerJoin('learning_set', 'learning_set.id', 'set_membership.set_id')
      .innerJoin('programme', 'programme.id', 'learning_set.programme_id')
      .select(['learning_set.name as set', 'programme.name as programme', 'set_membership.role'])
      .where('set_membership.person_id', '=', subject.personId)
      .execute();
    const coordinates = await db
      .selectFrom('programme_coordinator')
      .innerJoin('programme', 'programme.id', 'programme_coordinator.programme_id')
      .select('programme.name')
      .where('programme_coordinator.person_id', '=', subject.personId)
      .execute();
    const admin = await db
      .selectFrom('host_admin')
      .select('person_id')
      .where('person_id', '=', subject.personId)
      .executeTakeFirst();
    const preferences = await db
      .selectFrom('notification_preference')
      .select(['disabled_json', 'reminder_offsets_json'])
      .where('person_id', '=', subject.personId)
      .executeTakeFirst();
    const data = {
      name: person.name,
      email: person.email,
      organisation: person.organisation,
      jobRole: person.job_role,
      timeZone: person.time_zone,
      language: person.language,
      since: person.created_at,
      hostAdmin: admin !== undefined,
      coordinates: coordinates.map((c) => c.name),
      sets: sets.map((s) => ({ set: s.set, programme: s.programme, role: s.role })),
      notifications: preferences
        ? {
            turnedOff: JSON.parse(preferences.disabled_json),
            reminders: JSON.parse(preferences.reminder_offsets_json),
          }
        : null,
    };
    const markdown = [
      `- Name: ${data.name}`,
      `- E-mail: ${data.email}`,
      `- Organisation: ${data.organisation ?? '—'}`,
      `- Job role: ${data.jobRole || '—'}`,
      `- Time zone: ${data.timeZone}; language: ${data.language}`,
      `- With us since: ${data.since.slice(0, 10)}`,
      data.hostAdmin ? '- Host admin' : '',
      ...data.coordinates.map((p) => `- Coordinator of ${p}`),
      ...data.sets.map(
        (s) => `- ${s.role === 'facilitator' ? 'Facilitator' : 'Member'} of ${s.set} (${s.programme})`,
      ),
    ]
      .filter(Boolean)
      .join('\n');
    return { key: 'profile', title: 'My profile', data, markdown };
  },
  async count() {
    return 1;
  },
  async erase(tx, subject) {
    const db = tables(tx.db);
    await db.deleteFrom('host_admin').where('person_id', '=', subject.personId).execute();
    await db.deleteFrom('programme_coordinator').where('person_id', '=', subject.personId).execute();
    await db.deleteFrom('invitation').where('person_id', '=', subject.personId).execute();
    await db.deleteFrom('calendar_feed').where('person_id', '=', subject.personId).execute();
    await db.deleteFrom('notification_preference').where('person_id', '=', subject.personId).execute();
    await db.deleteFrom('notification_ledger').where('person_id', '=', subject.personId).execute();
    const now = tx.now().toISOString();
    // The row stays so attendance, memberships and actions still count; nothing in it names them.
    return affected(
      await db
        .updateTable('person')
        .set({
          name: formerMember,
          email: `erased-${subject.personId}`,
          user_id: null,
          organisation_id: null,
          job_role: '',
          archived_at: now,
          updated_at: now,
        })
        .where('id', '=', subject.personId)
        .execute(),
    );
  },
};

const theirApplications = (db: Tables, subject: { personId: string; email: string }) =>
  db
    .selectFrom('application')
    .where((eb) =>
      eb.or([
        eb('person_id', '=', subject.personId),
        eb(sql`lower(email)`, '=', subject.email.toLowerCase()),
      ]),
    );

export const applications: Contributor = {
  kind: 'applications and consents',
  async collect(db, subject, scope) {
    if (scope.programmeId) return null;
    const rows = await theirApplications(db, subject)
      .innerJoin('programme', 'programme.id', 'application.programme_id')
      .selectAll('application')
      .select('programme.name as programme_name')
      .execute();
    if (rows.length === 0) return null;
    const consents = await db
      .selectFrom('consent')
      .select(['application_id', 'version', 'wording', 'given_at', 'withdrawn_at'])
      .where(
        'application_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const data = rows.map((r) => ({
      programme: r.programme_name,
      status: r.status,
      name: r.name,
      email: r.email,
      organisation: r.organisation_name,
      jobRole: r.job_role,
      themes: JSON.parse(r.themes_json),
      languages: JSON.parse(r.languages_json),
      timeZone: r.time_zone,
      availability: JSON.parse(r.availability_json),
      hopes: r.hopes,
      mustAvoid: JSON.parse(r.must_avoid_json),
      asFacilitator: Boolean(r.as_facilitator),
      submittedAt: r.submitted_at,
      consents: consents
        .filter((c) => c.application_id === r.id)
        .map((c) => ({
          version: c.version,
          wording: c.wording,
          givenAt: c.given_at,
          withdrawnAt: c.withdrawn_at,
        })),
    }));
    const markdown = data
      .map((a) =>
        [
          `### ${a.programme} (${a.status})`,
          `- Submitted: ${a.submittedAt?.slice(0, 10) ?? '—'}`,
          `- Hopes: ${oneLine(a.hopes) || '—'}`,
          ...a.consents.map(
            (c) =>
              `- Consent ${c.version}, given ${c.givenAt.slice(0, 10)}${c.withdrawnAt ? `, withdrawn ${c.withdrawnAt.slice(0, 10)}` : ''}: "${oneLine(c.wording)}"`,
          ),
        ].join('\n'),
      )
      .join('\n\n');
    return { key: 'applications', title: 'My applications and consents', data, markdown };
  },
  async count(db, subject) {
    return countOf(theirApplications(db, subject).select((eb) => eb.fn.countAll().as('n')));
  },
  async erase(tx, subject) {
    const db = tables(tx.db);
    const ids = (await theirApplications(db, subject).select('id').execute()).map((r) => r.id);
    if (ids.length === 0) return 0;
    // Kept as a figure (how many applied, were accepted) with nothing that names or describes them.
    return affected(
      await db
        .updateTable('application')
        .set({
          name: formerMember,
          email: '',
          organisation_name: '',
          job_role: '',
          hopes: '',
          themes_json: '[]',
          languages_json: '[]',
          availability_json: '[]',
          must_avoid_json: '[]',
          invite_token_hash: null,
          status_token_hash: null,
        })
        .where('id', 'in', ids)
        .execute(),
    );
  },
};

export const signIn: Contributor = {
  kind: 'sign-in accounts and sessions',
  async count(db, subject) {
    if (!subject.userId) return 0;
    const sessions = await countOf(
      db
        .selectFrom('session')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('userId', '=', subject.userId),
    );
    return sessions + 1;
  },
  async erase(tx, subject) {
    const userId = subject.userId;
    if (!userId) return 0;
    const db = tables(tx.db);
    const sessions = await db.selectFrom('session').select('id').where('userId', '=', userId).execute();
    await db.deleteFrom('session').where('userId', '=', userId).execute();
    await db.deleteFrom('account').where('userId', '=', userId).execute();
    await sql`delete from verification where identifier = ${subject.email} or value = ${userId}`.execute(db);
    await db.deleteFrom('user').where('id', '=', userId).execute();
    // The same signal a sign-out sends: every process closes these sessions' live sockets at once.
    tx.afterCommit(() => {
      for (const s of sessions) void tx.bus.publish({ kind: 'session-ended', sessionId: s.id, userId });
    });
    return sessions.length + 1;
  },
};

export const mail: Contributor = {
  kind: 'mails to them',
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('to_address', '=', subject.email),
    );
  },
  async erase(tx, subject) {
    return affected(
      await tables(tx.db).deleteFrom('mail_outbox').where('to_address', '=', subject.email).execute(),
    );
  },
};

/** Stored copies that may still carry their name or address: replaced by "A former member". */
const copies: [string, string][] = [
  ['mail_outbox', 'subject'],
  ['mail_outbox', 'text_body'],
  ['mail_outbox', 'html_body'],
  ['formation_run', 'input_json'],
  ['formation_run', 'assignment_json'],
  ['formation_run', 'notices_json'],
  ['meeting', 'setup_json'],
  ['meeting_event', 'command_json'],
  ['poll', 'title'],
  ['programme_event', 'title'],
];

export const storedCopies: Contributor = {
  kind: 'copies of their name elsewhere',
  async count(db, subject) {
    let n = 0;
    for (const [table, column] of copies) {
      const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
        where ${sql.ref(column)} like ${`%${subject.name}%`} or ${sql.ref(column)} like ${`%${subject.email}%`}`.execute(
        db,
      );
      n += Number(row.rows[0]?.n ?? 0);
    }
    return n;
  },
  async erase(tx, subject) {
    const db = tables(tx.db);
    let n = 0;
    for (const [table, column] of copies) {
      for (const needle of [subject.email, subject.name]) {
        if (!needle) continue;
        const result = await sql`update ${sql.table(table)}
          set ${sql.ref(column)} = replace(${sql.ref(column)}, ${needle}, ${formerMember})
          where ${sql.ref(column)} like ${`%${needle}%`}`.execute(db);
        n += Number(result.numAffectedRows ?? 0);
      }
    }
    return n;
  },
};
