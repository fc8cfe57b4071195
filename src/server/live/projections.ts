import { currentPresenterId, currentTurn } from '../../domain/meeting/selectors.ts';
import type { MeetingEvent, MeetingState } from '../../domain/meeting/types.ts';
import type { SqlValue, Write } from '../store/log-writer.ts';

/**
 * Each statement of an append is a `Write` with `?` placeholders (the PostgreSQL log numbers them). The
 * live room writes through fixed SQL rather than the query builder: it runs for every event of every
 * meeting.
 */
export type { SqlValue, Write } from '../store/log-writer.ts';

const SQL = {
  event:
    'insert into meeting_event (meeting_id, seq, at, actor_id, client_command_id, command_json, ids_json) values (?, ?, ?, ?, ?, ?, ?)',
  meetingStatus: 'update meeting set status = ?, updated_at = ? where id = ?',
  meetingStarted: 'update meeting set status = ?, setup_json = ?, updated_at = ? where id = ?',
  // Whoever came is present; whoever sent apologies and stayed away keeps them; anyone else is absent.
  attendance: `insert into meeting_attendance (meeting_id, person_id, status, apology_note, updated_at)
    values (?, ?, ?, '', ?)
    on conflict (meeting_id, person_id) do update set
      status = case when excluded.status = 'present' then 'present'
        when meeting_attendance.status = 'apologies' then 'apologies' else 'absent' end,
      updated_at = excluded.updated_at`,
  problem:
    'insert into problem (id, set_id, owner_id, title, story, kind, status, intake_json, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  problemVersion:
    'insert into problem_version (id, problem_id, statement, meeting_id, created_at) values (?, ?, ?, ?, ?)',
  question:
    'insert into question (id, meeting_id, presenter_id, asked_by, text, struck_home, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  questionText: 'update question set text = ? where id = ?',
  questionRemove: 'delete from question where id = ?',
  questionMark: 'update question set struck_home = ? where id = ?',
  action: `insert into action (id, set_id, owner_id, problem_id, meeting_id, text, due_on, status, outcome_note,
    reported_in_meeting_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'open', '', null, ?, ?)`,
  actionEdit: 'update action set text = ?, due_on = ?, updated_at = ? where id = ?',
  actionRemove: 'delete from action where id = ? and meeting_id = ?',
  actionOutcome:
    'update action set status = ?, outcome_note = ?, reported_in_meeting_id = ?, updated_at = ? where id = ?',
} as const;

type Turn = MeetingState['turns'][number];

/**
 * Searched from the newest turn and item back, without copying: the event just applied nearly always
 * concerns the newest, and a long meeting holds hundreds of questions.
 */
function newestIn<T>(state: MeetingState, items: (turn: Turn) => readonly T[], match: (item: T) => boolean) {
  for (let t = state.turns.length - 1; t >= 0; t--) {
    const found = items(state.turns[t]!).findLast(match);
    if (found) return found;
  }
  return undefined;
}
const questionIn = (state: MeetingState, questionId: string) =>
  newestIn(
    state,
    (t) => t.questions,
    (q) => q.questionId === questionId,
  );
const actionIn = (state: MeetingState, actionId: string) =>
  newestIn(
    state,
    (t) => t.actions,
    (a) => a.actionId === actionId,
  );

/** The event itself, as the log's row. */
export function eventWrite(meetingId: string, event: MeetingEvent, clientCommandId: string | null): Write {
  return {
    sql: SQL.event,
    params: [
      meetingId,
      event.seq,
      event.at,
      event.actorId,
      clientCommandId,
      JSON.stringify(event.command),
      event.ids ? JSON.stringify(event.ids) : null,
    ],
  };
}

/**
 * What a meeting event makes durable outside the room (problems, reframes, questions, actions,
 * report-back outcomes, attendance, meeting status), written in the same transaction as the event.
 * Values come from the reduced state, so the rows hold exactly what the room shows (trimmed, defaulted).
 */
export function projectionWrites(after: MeetingState, event: MeetingEvent): Write[] {
  const { setup } = after;
  const meetingId = setup.meetingId;
  const c = event.command;
  const id = (key: string) => event.ids?.[key] ?? `${meetingId}:${event.seq}`;
  const write = (sql: string, ...params: SqlValue[]): Write => ({ sql, params });
  switch (c.type) {
    case 'meeting.start':
      // The setup the meeting started on (taken again at the start) is the one its record shows.
      return [write(SQL.meetingStarted, 'live', JSON.stringify(setup), event.at, meetingId)];
    case 'meeting.end': {
      const came = new Set(after.attendance);
      return [
        write(SQL.meetingStatus, 'ended', event.at, meetingId),
        ...setup.participants.map((p) =>
          write(SQL.attendance, meetingId, p.personId, came.has(p.personId) ? 'present' : 'absent', event.at),
        ),
      ];
    }
    case 'problem.new': {
      const brought = after.turns.find((t) => t.newProblem?.problemId === id('problemId'))?.newProblem;
      if (!brought) return [];
      const intake = JSON.stringify({ real: true, current: true, openEnded: true, mineToActOn: true });
      return [
        write(
          SQL.problem,
          brought.problemId,
          setup.setId,
          event.actorId,
          brought.title,
          brought.statement,
          'work-project',
          'open',
          intake,
          event.at,
          event.at,
        ),
        write(
          SQL.problemVersion,
          `${brought.problemId}:0`,
          brought.problemId,
          brought.statement,
          meetingId,
          event.at,
        ),
      ];
    }
    case 'problem.reframe': {
      const reframe = after.turns.flatMap((t) => t.reframes).find((r) => r.reframeId === id('reframeId'));
      if (!reframe) return [];
      return [
        write(
          SQL.problemVersion,
          reframe.reframeId,
          reframe.problemId,
          reframe.statement,
          meetingId,
          event.at,
        ),
      ];
    }
    case 'question.add': {
      const presenter = currentPresenterId(after);
      const question = questionIn(after, id('questionId'));
      if (!presenter || !question) return [];
      return [
        write(
          SQL.question,
          question.questionId,
          meetingId,
          presenter,
          question.askedBy,
          question.text,
          0,
          event.at,
        ),
      ];
    }
    case 'question.edit': {
      const question = questionIn(after, c.questionId);
      return question ? [write(SQL.questionText, question.text, c.questionId)] : [];
    }
    case 'question.remove':
      return [write(SQL.questionRemove, c.questionId)];
    case 'question.mark':
      return [write(SQL.questionMark, c.struckHome ? 1 : 0, c.questionId)];
    case 'action.add': {
      const turn = currentTurn(after);
      const action = actionIn(after, id('actionId'));
      if (!turn || !action) return [];
      return [
        write(
          SQL.action,
          action.actionId,
          setup.setId,
          action.ownerId,
          turn.problemId ?? turn.newProblem?.problemId ?? null,
          meetingId,
          action.text,
          action.dueOn,
          event.at,
          event.at,
        ),
      ];
    }
    case 'action.edit': {
      const action = actionIn(after, c.actionId);
      return action ? [write(SQL.actionEdit, action.text, action.dueOn, event.at, c.actionId)] : [];
    }
    case 'action.remove':
      return [write(SQL.actionRemove, c.actionId, meetingId)];
    case 'report.outcome': {
      const report = after.reportBacks[c.actionId];
      if (!report) return [];
      return [
        write(SQL.actionOutcome, report.outcome, report.learned ?? '', meetingId, event.at, c.actionId),
      ];
    }
    default:
      return [];
  }
}
