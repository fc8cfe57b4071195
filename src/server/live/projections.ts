import type { Transaction } from 'kysely';
import { currentPresenterId, currentTurn } from '../../domain/meeting/selectors.ts';
import type { MeetingEvent, MeetingState } from '../../domain/meeting/types.ts';
import type { Database } from '../store/schema.ts';

const questionIn = (state: MeetingState, questionId: string) =>
  state.turns.flatMap((t) => t.questions).find((q) => q.questionId === questionId);
const actionIn = (state: MeetingState, actionId: string) =>
  state.turns.flatMap((t) => t.actions).find((a) => a.actionId === actionId);

async function recordAttendance(trx: Transaction<Database>, after: MeetingState, at: string) {
  const { setup } = after;
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
        .set({ status, updated_at: at })
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
          updated_at: at,
        })
        .execute();
    }
  }
}

/**
 * Writes what a meeting event makes durable outside the room (problems, reframes, questions, actions,
 * report-back outcomes, attendance, meeting status), in the same transaction as the event itself.
 * Values come from the reduced state, so the rows hold exactly what the room shows (trimmed, defaulted).
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
    case 'meeting.end':
      await trx
        .updateTable('meeting')
        .set({ status: 'ended', updated_at: event.at })
        .where('id', '=', setup.meetingId)
        .execute();
      await recordAttendance(trx, after, event.at);
      return;
    case 'problem.new': {
      const brought = after.turns.find((t) => t.newProblem?.problemId === id('problemId'))?.newProblem;
      if (!brought) return;
      await trx
        .insertInto('problem')
        .values({
          id: brought.problemId,
          set_id: setup.setId,
          owner_id: event.actorId,
          title: brought.title,
          story: brought.statement,
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
          id: `${brought.problemId}:0`,
          problem_id: brought.problemId,
          statement: brought.statement,
          meeting_id: setup.meetingId,
          created_at: event.at,
        })
        .execute();
      return;
    }
    case 'problem.reframe': {
      const reframe = after.turns.flatMap((t) => t.reframes).find((r) => r.reframeId === id('reframeId'));
      if (!reframe) return;
      await trx
        .insertInto('problem_version')
        .values({
          id: reframe.reframeId,
          problem_id: reframe.problemId,
          statement: reframe.statement,
          meeting_id: setup.meetingId,
          created_at: event.at,
        })
        .execute();
      return;
    }
    case 'question.add': {
      const presenter = currentPresenterId(after);
      const question = questionIn(after, id('questionId'));
      if (!presenter || !question) return;
      await trx
        .insertInto('question')
        .values({
          id: question.questionId,
          meeting_id: setup.meetingId,
          presenter_id: presenter,
          asked_by: question.askedBy,
          text: question.text,
          struck_home: 0,
          created_at: event.at,
        })
        .execute();
      return;
    }
    case 'question.edit': {
      const question = questionIn(after, c.questionId);
      if (question)
        await trx
          .updateTable('question')
          .set({ text: question.text })
          .where('id', '=', c.questionId)
          .execute();
      return;
    }
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
      const action = actionIn(after, id('actionId'));
      if (!turn || !action) return;
      await trx
        .insertInto('action')
        .values({
          id: action.actionId,
          set_id: setup.setId,
          owner_id: action.ownerId,
          problem_id: turn.problemId ?? turn.newProblem?.problemId ?? null,
          meeting_id: setup.meetingId,
          text: action.text,
          due_on: action.dueOn,
          status: 'open',
          outcome_note: '',
          reported_in_meeting_id: null,
          created_at: event.at,
          updated_at: event.at,
        })
        .execute();
      return;
    }
    case 'action.edit': {
      const action = actionIn(after, c.actionId);
      if (action) {
        await trx
          .updateTable('action')
          .set({ text: action.text, due_on: action.dueOn, updated_at: event.at })
          .where('id', '=', c.actionId)
          .execute();
      }
      return;
    }
    case 'action.remove':
      await trx
        .deleteFrom('action')
        .where('id', '=', c.actionId)
        .where('meeting_id', '=', setup.meetingId)
        .execute();
      return;
    case 'report.outcome': {
      const report = after.reportBacks[c.actionId];
      if (!report) return;
      await trx
        .updateTable('action')
        .set({
          status: report.outcome,
          outcome_note: report.learned ?? '',
          reported_in_meeting_id: setup.meetingId,
          updated_at: event.at,
        })
        .where('id', '=', c.actionId)
        .execute();
      return;
    }
    default:
      return;
  }
}
