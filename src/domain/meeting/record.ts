/**
 * What a participant keeps after a meeting: the set-level record everyone in the set shares, and what
 * is theirs (their problem and its reframes, the questions they received, their actions, their words).
 * Nobody outside the set gets a record at all.
 */
import { isParticipant, nameOf, own } from './selectors.ts';
import type { ActionOutcome, Bid, CheckOut, MeetingSetup, MeetingState, PresenterStep } from './types.ts';

export interface MeetingRecord {
  meetingId: string;
  setId: string;
  personId: string;
  name: string;
  status: MeetingState['status'];
  startedAt: string | null;
  endedAt: string | null;
  agendaRun: { title: string; at: string }[];
  attended: string[];
  absent: string[];
  groundRules: string[];
  presenters: { name: string; airtimeMs: number; questions: number; actions: number }[];
  processReview: string[];
  mine: {
    checkIn: string | null;
    checkOut: CheckOut | null;
    bid: Bid | null;
    reportBacks: { text: string; outcome: ActionOutcome; learned: string | null }[];
    turn: PresenterRecord | null;
  };
}

export interface PresenterRecord {
  airtimeMs: number;
  problem: { problemId: string; title: string; statementBrought: string; reframes: string[] } | null;
  questions: { text: string; askedBy: string; step: PresenterStep; struckHome: boolean }[];
  actions: { actionId: string; text: string; dueOn: string | null }[];
  feedback: string | null;
}

export function meetingRecordFor(
  setup: MeetingSetup,
  state: MeetingState,
  personId: string,
): MeetingRecord | null {
  if (!isParticipant(setup, personId)) return null;
  const name = (id: string) => nameOf(setup, id);
  const everyone = [...new Set([...setup.participants.map((p) => p.personId), ...setup.facilitatorIds])];
  return {
    meetingId: setup.meetingId,
    setId: setup.setId,
    personId,
    name: name(personId),
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    agendaRun: state.stagesVisited.map((v) => ({ title: setup.agenda[v.index]?.title ?? v.key, at: v.at })),
    attended: state.attendance.map(name),
    absent: everyone.filter((id) => !state.attendance.includes(id)).map(name),
    groundRules: [...setup.groundRules],
    presenters: state.turns.map((t) => ({
      name: name(t.presenterId),
      airtimeMs: t.airtimeMs,
      questions: t.questions.length,
      actions: t.actions.length,
    })),
    processReview: state.reviewNotes.map((n) => n.text),
    mine: {
      checkIn: own(state.checkIns, personId) ?? null,
      checkOut: own(state.checkOuts, personId) ?? null,
      bid: own(state.bids, personId) ?? null,
      reportBacks: setup.openActions
        .filter((a) => a.ownerId === personId && own(state.reportBacks, a.actionId))
        .map((a) => {
          const { outcome, learned } = own(state.reportBacks, a.actionId)!;
          return { text: a.text, outcome, learned };
        }),
      turn: presenterRecord(setup, state, personId),
    },
  };
}

function presenterRecord(setup: MeetingSetup, state: MeetingState, personId: string): PresenterRecord | null {
  const turn = state.turns.find((t) => t.presenterId === personId);
  if (!turn) return null;
  const brought = turn.newProblem ?? setup.problems.find((p) => p.problemId === turn.problemId);
  const problem = turn.problemId && brought;
  return {
    airtimeMs: turn.airtimeMs,
    problem: problem
      ? {
          problemId: problem.problemId,
          title: problem.title,
          statementBrought: problem.statement,
          reframes: turn.reframes.filter((r) => r.problemId === problem.problemId).map((r) => r.statement),
        }
      : null,
    questions: turn.questions.map((q) => ({
      text: q.text,
      askedBy: nameOf(setup, q.askedBy),
      step: q.step,
      struckHome: q.struckHome,
    })),
    actions: turn.actions.map((a) => ({ actionId: a.actionId, text: a.text, dueOn: a.dueOn })),
    feedback: turn.feedback,
  };
}
