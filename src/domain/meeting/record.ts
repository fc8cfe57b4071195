/**
 * What a participant keeps after a meeting: the set-level record everyone in the set shares, and what
 * is theirs (their problem and its reframes, the questions they received, their actions, their words).
 * Nobody outside the set gets a record at all.
 */
import { listNames } from './fair-turns.ts';
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

const outcomeWords: Record<ActionOutcome, string> = {
  done: 'done',
  partly: 'partly done',
  'not-done': 'not done',
  dropped: 'dropped',
};

/** Inline text: one line, with Markdown's active characters escaped so a member's words stay words. */
const md = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').replace(/[\\`*_[\]<>|#]/g, '\\$&');
const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
const time = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function toMarkdown(record: MeetingRecord): string {
  const lines: string[] = [`# Set meeting record for ${md(record.name)}`, ''];
  if (record.startedAt)
    lines.push(
      `Started ${time(record.startedAt)}${record.endedAt ? `, ended ${time(record.endedAt)}` : ''}.`,
      '',
    );
  lines.push('This record is confidential to the set: what is said in the set stays in the set.', '');
  const section = (title: string, body: string[]) => {
    if (body.length) lines.push(`## ${title}`, '', ...body, '');
  };
  section(
    'Agenda',
    record.agendaRun.map((s) => `- ${md(s.title)} (from ${s.at.slice(11, 16)})`),
  );
  section('Attendance', [
    `Present: ${record.attended.length ? md(listNames(record.attended)) : 'nobody'}.`,
    ...(record.absent.length ? [`Absent: ${md(listNames(record.absent))}.`] : []),
  ]);
  section(
    'Ground rules',
    record.groundRules.map((r) => `- ${md(r)}`),
  );
  const mine = record.mine;
  section('Check-in', mine.checkIn ? [md(mine.checkIn)] : []);
  section(
    'Report back on my actions',
    mine.reportBacks.map(
      (r) => `- ${md(r.text)}: ${outcomeWords[r.outcome]}${r.learned ? `. Learned: ${md(r.learned)}` : ''}`,
    ),
  );
  section(
    'Presenters',
    record.presenters.length
      ? [
          '| Presenter | Airtime | Questions | Actions |',
          '| --- | --- | --- | --- |',
          ...record.presenters.map(
            (p) => `| ${md(p.name)} | ${minutes(p.airtimeMs)} | ${p.questions} | ${p.actions} |`,
          ),
        ]
      : [],
  );
  const turn = mine.turn;
  if (turn) {
    const problem = turn.problem;
    section(problem ? `My problem: ${md(problem.title)}` : 'My turn', [
      `Airtime: ${minutes(turn.airtimeMs)}.`,
      ...(problem ? ['', `As I brought it: ${md(problem.statementBrought)}`] : []),
      ...(problem?.reframes.length
        ? ['', 'Reframed:', ...problem.reframes.map((r, i) => `${i + 1}. ${md(r)}`)]
        : []),
    ]);
    section(
      'Questions I received',
      turn.questions.map(
        (q) => `- ${q.struckHome ? '**Struck home:** ' : ''}${md(q.text)} (${md(q.askedBy)})`,
      ),
    );
    section(
      'My actions before the next meeting',
      turn.actions.map((a) => `- [ ] ${md(a.text)}${a.dueOn ? ` (due ${a.dueOn})` : ''}`),
    );
    section('My feedback on the process', turn.feedback ? [md(turn.feedback)] : []);
  }
  section(
    'Process review',
    record.processReview.map((n) => `- ${md(n)}`),
  );
  const out = mine.checkOut;
  section(
    'Check-out',
    out ? [`${md(out.text)}${out.usefulness ? ` (usefulness ${out.usefulness}/5)` : ''}`] : [],
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
