/**
 * The meeting state machine: reduce(state, event) -> state, pure and non-mutating, run alike by the
 * server (over its append-only log) and by every client (over the events broadcast to it).
 * Time comes only from each event's server timestamp, so replaying the log rebuilds the same state.
 */
import { validateCommand } from './permissions.ts';
import { currentPresenterId, initialChair, own } from './selectors.ts';
import {
  extendTimer,
  idleTimer,
  msOf,
  pauseTimer,
  resetTimer,
  resumeTimer,
  startTimer,
  type TimerState,
} from './timer.ts';
import { type Ctx, closeFloor, gotoPresenter, type Handler, nullable, turnHandlers } from './turn-reducer.ts';
import type {
  CommandOf,
  MeetingCommand,
  MeetingCommandType,
  MeetingEvent,
  MeetingSetup,
  MeetingState,
} from './types.ts';

export function initialState(setup: MeetingSetup): MeetingState {
  return {
    setup,
    status: 'not-started',
    startedAt: null,
    endedAt: null,
    stageIndex: null,
    presenterIndex: null,
    step: null,
    stagesVisited: [],
    chairId: initialChair(setup),
    scribeId: null,
    present: [],
    attendance: [],
    hands: [],
    groundRulesShown: false,
    timer: idleTimer,
    checkIns: {},
    checkOuts: {},
    reportBacks: {},
    bids: {},
    presenterOrder: [],
    turns: [],
    reviewNotes: [],
    lastSeq: 0,
  };
}

/** The ids the server must assign in `event.ids` for a command, e.g. ['questionId'] for question.add. */
export const idsNeeded: Partial<Record<MeetingCommandType, string>> = {
  'problem.new': 'problemId',
  'problem.reframe': 'reframeId',
  'question.add': 'questionId',
  'action.add': 'actionId',
  'review.note': 'noteId',
};

/** A client that sees a gap in seq has missed events and should fetch a fresh snapshot. */
export function needsResync(state: MeetingState, event: MeetingEvent): boolean {
  return event.seq > state.lastSeq + 1;
}

/**
 * Applies one event. An event already applied (seq <= lastSeq, e.g. seen in a snapshot and again on the
 * wire) changes nothing. The next event in the log that the rules refuse changes nothing but the
 * position in the log: the server logs only what the rules allowed, but a logged event can become void
 * when the meeting starts on a newer setup (its author has left the set since), and the log must still
 * be followed past it. Any other refused event changes nothing at all.
 */
export function reduce(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.seq <= state.lastSeq) return state;
  if (!validateCommand(state, event.actorId, event.command).ok)
    return event.seq === state.lastSeq + 1 ? { ...state, lastSeq: event.seq } : state;
  return { ...apply(state, event), lastSeq: event.seq };
}

export function replay(setup: MeetingSetup, events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(reduce, initialState(setup));
}

function apply(state: MeetingState, event: MeetingEvent): MeetingState {
  const key = idsNeeded[event.command.type];
  const ctx: Ctx = {
    actor: event.actorId,
    at: event.at,
    ms: msOf(event.at),
    // Without a server id, the event's own position is still unique and the same on every replay.
    newId: () => (key && event.ids && own(event.ids, key)) || `${state.setup.meetingId}:${event.seq}`,
  };
  const handler = handlers[event.command.type] as Handler<MeetingCommand>;
  return handler(state, event.command, ctx);
}

const without = <T>(list: readonly T[], item: T) => list.filter((x) => x !== item);
const omit = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
const trimmed = (value: string | null | undefined) => (value ? value.trim() || null : null);

function enterStage(state: MeetingState, index: number, ctx: Ctx): MeetingState {
  const stage = state.setup.agenda[index]!;
  return {
    ...closeFloor(state, ctx.ms),
    stageIndex: index,
    presenterIndex: null,
    step: null,
    stagesVisited: [...state.stagesVisited, { index, key: stage.key, at: ctx.at }],
    groundRulesShown: stage.key === 'opening',
    timer: startTimer(stage.minutes, ctx.ms),
  };
}
const withTimer = (state: MeetingState, timer: TimerState): MeetingState => ({ ...state, timer });

const handlers: { [T in MeetingCommandType]: Handler<CommandOf<T>> } = {
  ...turnHandlers,
  'presence.join': (s, _c, { actor }) => ({
    ...s,
    present: [...s.present, actor],
    attendance:
      s.status === 'ended' || s.attendance.includes(actor) ? s.attendance : [...s.attendance, actor],
  }),
  'presence.leave': (s, _c, { actor }) => ({
    ...s,
    present: without(s.present, actor),
    hands: without(s.hands, actor),
  }),
  'meeting.start': (s, _c, ctx) => enterStage({ ...s, status: 'live', startedAt: ctx.at }, 0, ctx),
  'meeting.end': (s, _c, ctx) => ({
    ...closeFloor(s, ctx.ms),
    status: 'ended',
    endedAt: ctx.at,
    stageIndex: null,
    presenterIndex: null,
    step: null,
    hands: [],
    groundRulesShown: false,
    timer: idleTimer,
  }),
  'stage.goto': (s, c, ctx) => enterStage(s, c.index, ctx),
  'presenter.order': (s, c) => {
    const presenting = currentPresenterId(s);
    const presenterIndex = presenting === null ? null : c.personIds.indexOf(presenting);
    return { ...s, presenterOrder: [...c.personIds], presenterIndex };
  },
  'presenter.goto': (s, c, ctx) => gotoPresenter(s, c.index, c.step, ctx),
  'presenter.end': (s, _c, ctx) => ({
    ...closeFloor(s, ctx.ms),
    presenterIndex: null,
    step: null,
    timer: idleTimer,
  }),
  'timer.pause': (s, _c, ctx) => withTimer(s, pauseTimer(s.timer, ctx.ms)),
  'timer.resume': (s, _c, ctx) => withTimer(s, resumeTimer(s.timer, ctx.ms)),
  'timer.extend': (s, c) => withTimer(s, extendTimer(s.timer, c.minutes)),
  'timer.reset': (s, _c, ctx) => withTimer(s, resetTimer(s.timer, ctx.ms)),
  'chair.handover': (s, c) => ({ ...s, chairId: c.toPersonId }),
  'chair.claim': (s, _c, { actor }) => ({ ...s, chairId: actor }),
  'scribe.assign': (s, c) => ({ ...s, scribeId: c.personId }),
  'rules.show': (s, c) => ({ ...s, groundRulesShown: c.shown }),
  'hand.raise': (s, _c, { actor }) => ({ ...s, hands: [...s.hands, actor] }),
  'hand.lower': (s, _c, { actor }) => ({ ...s, hands: without(s.hands, actor) }),
  'hand.clear': (s, c) => ({ ...s, hands: without(s.hands, c.personId) }),
  'checkin.say': (s, c, { actor }) => ({ ...s, checkIns: { ...s.checkIns, [actor]: c.text.trim() } }),
  'checkout.say': (s, c, { actor }) => ({
    ...s,
    checkOuts: { ...s.checkOuts, [actor]: { text: c.text.trim(), usefulness: nullable(c.usefulness) } },
  }),
  'report.outcome': (s, c, { at }) => ({
    ...s,
    reportBacks: { ...s.reportBacks, [c.actionId]: { outcome: c.outcome, learned: trimmed(c.learned), at } },
  }),
  'bid.place': (s, c, { actor, at }) => {
    const bid = {
      minutes: c.minutes,
      urgency: c.urgency,
      reason: trimmed(c.reason),
      problemId: nullable(c.problemId),
      at,
    };
    return { ...s, bids: { ...s.bids, [actor]: bid } };
  },
  'bid.withdraw': (s, _c, { actor }) => ({ ...s, bids: omit(s.bids, actor) }),
  'review.note': (s, c, { actor, at, newId }) => ({
    ...s,
    reviewNotes: [...s.reviewNotes, { noteId: newId(), authorId: actor, text: c.text.trim(), at }],
  }),
  'review.remove': (s, c) => ({ ...s, reviewNotes: s.reviewNotes.filter((n) => n.noteId !== c.noteId) }),
};
