import type { Transaction } from 'kysely';
import { currentPresenterId, currentTurn } from '../../domain/meeting/selectors.ts';
import type { MeetingEvent, MeetingState } from '../../domain/meeting/types.ts';
import type { Database } from '../store/schema.ts';

/**
 * Writes what a meeting event makes durable outside the room (problems, reframes, questions, actions,
 * report-back outcomes, attendance, meeting status), in the same transaction as the event itself.
 */
export async function project(
  trx: Transaction<Database>,
  after: MeetingState,
  event: MeetingEvent,
): Promise<void> {
  const { setup } = after;
  const c = event.command;
  const id = (key: string) => event.ids?.[key] ?? `${setup.meetingId}:${event.seq}`;
  switch (c.type) {
    case 'meeting.start':
      await trx
        .updateTable('meeting')
        .set({ status: 'live', updated_at: event.at })
        .where('id', '=', setup.meetingId)
        .execute();
      return;
    case 'meeting.end': {
      await trx
        .updateTable('meeting')
        .set({ status: 'ended', updated_at: event.at })
        .where('id', '=', setup.meetingId)
        .execute();
      const came = new Set(after.attendance);
      for (const person of setup.participants) {
        const existing = await trx
          .selectFrom('meeting_attendance')
          .select('status')
          .where('meeting_id', '=', setup.meetingId)
          .where('person_id', '=', person.personId)
          .executeTakeFirst();
        const status = came.has(person.personId)
          ? 'present'
          : existing?.status === 'apologies'
            ? 'apologies'
            : 'absent';
        if (existing) {
          await trx
            .updateTable('meeting_attendance')
            .set({ status, updated_at: event.at })
            .where('meeting_id', '=', setup.meetingId)
            .where('person_id', '=', person.personId)
            .execute();
        } else {
          await trx
            .insertInto('meeting_attendance')
            .values({
              meeting_id: setup.meetingId,
              person_id: person.personId,
              status,
              apology_note: '',
              updated_at: event.at,
            })
            .execute();
        }
      }
      return;
    }
    case 'problem.new':
      await trx
        .insertInto('problem')
        .values({
          id: id('problemId'),
          set_id: setup.setId,
          owner_id: event.actorId,
          title: c.title,
          story: c.statement,
          kind: 'work-project',
          status: 'open',
          intake_json: JSON.stringify({ real: true, current: true, openEnded: true, mineToActOn: true }),
          created_at: event.at,
          updated_at: event.at,
        })
        .execute();
      await trx
        .insertInto('problem_version')
        .values({
          id: `${id('problemId')}:0`,
          problem_id: id('problemId'),
          statement: c.statement,
          meeting_id: setup.meetingId,
          created_at: event.at,
        })
        .execute();
      return;
    case 'problem.reframe': {
      const problemId = currentTurn(after)?.problemId ?? currentTurn(after)?.newProblem?.problemId;
      if (!problemId) return;
      await trx
        .insertInto('problem_version')
        .values({
          id: id('reframeId'),
          problem_id: problemId,
          statement: c.statement,
          meeting_id: setup.meetingId,
          created_at: event.at,
        })
        .execute();
      return;
    }
    case 'question.add': {
      const presenter = currentPresenterId(after);
      if (!presenter) return;
      const question = currentTurn(after)?.questions.find((q) => q.questionId === id('questionId'));
      await trx
        .insertInto('question')
        .values({
          id: id('questionId'),
          meeting_id: setup.meetingId,
          presenter_id: presenter,
          asked_by: question?.askedBy ?? event.actorId,
          text: c.text,
          struck_home: 0,
          created_at: event.at,
        })
        .execute();
      return;
    }
    case 'question.edit':
      await trx.updateTable('question').set({ text: c.text }).where('id', '=', c.questionId).execute();
      return;
    case 'question.remove':
      await trx.deleteFrom('question').where('id', '=', c.questionId).execute();
      return;
    case 'question.mark':
      await trx
        .updateTable('question')
        .set({ struck_home: c.struckHome ? 1 : 0 })
        .where('id', '=', c.questionId)
        .execute();
      return;
    case 'action.add': {
      const turn = currentTurn(after);
      if (!turn) return;
      await trx
        .insertInto('action')
        .values({
          id: id('actionId'),
          set_id: setup.setId,
          owner_id: turn.presenterId,
          problem_id: turn.problemId ?? turn.newProblem?.problemId ?? null,
          meeting_id: setup.meetingId,
          text: c.text,
          due_on: c.dueOn ?? null,
          status: 'open',
          outcome_note: '',
          reported_in_meeting_id: null,
          created_at: event.at,
          updated_at: event.at,
        })
        .execute();
      return;
    }
    case 'action.edit':
      await trx
        .updateTable('action')
        .set({ text: c.text, due_on: c.dueOn ?? null, updated_at: event.at })
        .where('id', '=', c.actionId)
        .execute();
      return;
    case 'action.remove':
      await trx
        .deleteFrom('action')
        .where('id', '=', c.actionId)
        .where('meeting_id', '=', setup.meetingId)
        .execute();
      return;
    case 'report.outcome':
      await trx
        .updateTable('action')
        .set({
          status: c.outcome,
          outcome_note: c.learned ?? '',
          reported_in_meeting_id: setup.meetingId,
          updated_at: event.at,
        })
        .where('id', '=', c.actionId)
        .execute();
      return;
  }
}
