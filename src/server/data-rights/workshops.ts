/**
 * A person's part in the programme's workshops: their own actions from them (private to them), and their
 * answers to whether they were coming. Actions go in either erasure mode, as private journal entries do.
 */
import { affected, type Contributor, countOf, tables } from './types.ts';

export const workshopActions: Contributor = {
  kind: 'actions from workshops',
  async collect(db, subject, scope) {
    let query = db
      .selectFrom('workshop_action')
      .innerJoin('workshop', 'workshop.id', 'workshop_action.workshop_id')
      .select([
        'workshop.title as workshop',
        'workshop_action.text',
        'workshop_action.due_on',
        'workshop_action.status',
        'workshop_action.created_at',
      ])
      .where('workshop_action.owner_id', '=', subject.personId)
      .orderBy('workshop_action.created_at');
    if (scope.programmeId) query = query.where('workshop.programme_id', '=', scope.programmeId);
    const rows = await query.execute();
    if (rows.length === 0) return null;
    const data = rows.map((r) => ({
      workshop: r.workshop,
      text: r.text,
      dueOn: r.due_on,
      status: r.status,
      createdAt: r.created_at,
    }));
    const markdown = data
      .map(
        (a) =>
          `- ${a.text} (${a.status}${a.dueOn ? `, due ${a.dueOn}` : ''}), from the workshop "${a.workshop}"`,
      )
      .join('\n');
    return { key: 'workshop-actions', title: 'My actions from workshops', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('workshop_action')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('owner_id', '=', subject.personId),
    );
  },
  async erase(tx, subject) {
    return affected(
      await tables(tx.db).deleteFrom('workshop_action').where('owner_id', '=', subject.personId).execute(),
    );
  },
};

export const workshopAnswers: Contributor = {
  kind: 'workshop answers and attendance',
  async collect(db, subject, scope) {
    let query = db
      .selectFrom('workshop_rsvp')
      .innerJoin('workshop', 'workshop.id', 'workshop_rsvp.workshop_id')
      .leftJoin('workshop_attendance', (join) =>
        join
          .onRef('workshop_attendance.workshop_id', '=', 'workshop_rsvp.workshop_id')
          .onRef('workshop_attendance.person_id', '=', 'workshop_rsvp.person_id'),
      )
      .select(['workshop.title', 'workshop_rsvp.answer', 'workshop_attendance.present'])
      .where('workshop_rsvp.person_id', '=', subject.personId)
      .orderBy('workshop.title');
    if (scope.programmeId) query = query.where('workshop.programme_id', '=', scope.programmeId);
    const rows = await query.execute();
    if (rows.length === 0) return null;
    const data = rows.map((r) => ({
      workshop: r.title,
      answer: r.answer,
      attended: r.present === null ? null : Boolean(r.present),
    }));
    const markdown = data
      .map(
        (r) =>
          `- "${r.workshop}": answered ${r.answer}${r.attended === null ? '' : r.attended ? ', attended' : ', did not attend'}`,
      )
      .join('\n');
    return { key: 'workshops', title: 'Workshops', data, markdown };
  },
  async count(db, subject) {
    return countOf(
      db
        .selectFrom('workshop_rsvp')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('person_id', '=', subject.personId),
    );
  },
  // Answers and attendance are kept as counts for the programme's figures; the person behind them is
  // already "a former member" once their profile is erased, so nothing here names them.
  async erase() {
    return 0;
  },
};
