import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presenterSteps } from './agenda.ts';
import { validateCommand } from './permissions.ts';
import { reduce, replay } from './reducer.ts';
import { aSetup, deepFreeze, roomInQuestioning } from './test-support.ts';
import type { MeetingCommand, MeetingEvent, MeetingState } from './types.ts';

const setup = aSetup();
const people = [...setup.participants.map((p) => p.personId), 'coord'];
const texts = ['Why now?', 'What else?', 'Hm'];

/** Every command worth trying in this state, from anyone: most will be refused, which is the point. */
function candidates(s: MeetingState): [string, MeetingCommand][] {
  const questionIds = s.turns.flatMap((t) => t.questions.map((q) => q.questionId));
  const actionIds = s.turns.flatMap((t) => t.actions.map((a) => a.actionId));
  const problemIds = [
    ...setup.problems.map((p) => p.problemId),
    ...s.turns.flatMap((t) => t.newProblem?.problemId ?? []),
  ];
  const commands: MeetingCommand[] = [
    { type: 'presence.join' },
    // Rarer than arriving, so that most runs have a quorum to work with.
    ...(s.lastSeq % 6 === 0 ? [{ type: 'presence.leave' } as const] : []),
    { type: 'meeting.start' },
    ...(s.lastSeq > 60 ? [{ type: 'meeting.end' } as const] : []),
    ...setup.agenda.map((_, index) => ({ type: 'stage.goto', index }) as const),
    { type: 'presenter.order', personIds: ['ana', 'ben'] },
    { type: 'presenter.order', personIds: ['ben', 'cal', 'ana'] },
    ...[0, 1, 2].flatMap((index) =>
      presenterSteps.map((step) => ({ type: 'presenter.goto', index, step }) as const),
    ),
    { type: 'presenter.end' },
    { type: 'timer.pause' },
    { type: 'timer.resume' },
    { type: 'timer.extend', minutes: 3 },
    { type: 'timer.reset' },
    ...people.map((toPersonId) => ({ type: 'chair.handover', toPersonId }) as const),
    { type: 'chair.claim' },
    { type: 'scribe.assign', personId: 'cal' },
    { type: 'scribe.assign', personId: null },
    { type: 'rules.show', shown: !s.groundRulesShown },
    { type: 'hand.raise' },
    { type: 'hand.lower' },
    ...s.hands.map((personId) => ({ type: 'hand.clear', personId }) as const),
    ...texts.map((text) => ({ type: 'checkin.say', text }) as const),
    { type: 'checkout.say', text: 'Calm', usefulness: 4 },
    { type: 'report.outcome', actionId: 'a-ana', outcome: 'partly', learned: 'Slowly' },
    { type: 'report.outcome', actionId: 'a-ben', outcome: 'done' },
    { type: 'bid.place', minutes: 25, urgency: 'high', problemId: null },
    { type: 'bid.place', minutes: 40, urgency: 'low', problemId: 'p-ana2', reason: 'Board next week' },
    { type: 'bid.withdraw' },
    ...problemIds.map((problemId) => ({ type: 'problem.choose', problemId }) as const),
    { type: 'problem.new', title: 'Time', statement: 'No time for anything' },
    { type: 'problem.reframe', statement: 'How might I find time?' },
    ...texts.map((text) => ({ type: 'question.add', text }) as const),
    { type: 'question.add', text: 'What if?', askedBy: 'dee' },
    ...questionIds.flatMap((questionId) => [
      { type: 'question.edit', questionId, text: 'Edited?' } as const,
      { type: 'question.remove', questionId } as const,
      { type: 'question.mark', questionId, struckHome: true } as const,
    ]),
    { type: 'action.add', text: 'Call Jo', dueOn: '2025-04-01' },
    { type: 'action.add', text: 'Write it down' },
    ...actionIds.flatMap((actionId) => [
      { type: 'action.edit', actionId, text: 'Call Jo and Kim', dueOn: null } as const,
      { type: 'action.remove', actionId } as const,
    ]),
    { type: 'feedback.give', text: 'Helpful' },
    { type: 'review.note', text: 'Good pace' },
    ...s.reviewNotes.map((n) => ({ type: 'review.remove', noteId: n.noteId }) as const),
  ];
  return people.flatMap((actor) => commands.map((command): [string, MeetingCommand] => [actor, command]));
}

/** Runs start from an empty room, or from one already in open questioning, so deep states come up often. */
type Start = 'fresh' | 'questioning' | 'actions';
const start = fc.constantFrom<Start>('fresh', 'questioning', 'actions');
const starts: Record<Start, () => MeetingEvent[]> = {
  fresh: () => [],
  questioning: () => roomInQuestioning().events,
  actions: () => roomInQuestioning().do('fay', { type: 'presenter.goto', index: 0, step: 'actions' }).events,
};
const step = fc.record({
  pick: fc.nat(),
  gapMs: fc.integer({ min: 0, max: 10 * 60_000 }),
  serverIds: fc.boolean(),
});

/** Picks a kind of command first, so that rare kinds (a reframe, an action) come up as often as common ones. */
function pickValid(state: MeetingState, pick: number): [string, MeetingCommand] | undefined {
  const byType = new Map<string, [string, MeetingCommand][]>();
  for (const candidate of candidates(state)) {
    byType.set(candidate[1].type, [...(byType.get(candidate[1].type) ?? []), candidate]);
  }
  const groups = [...byType.values()];
  for (let k = 0; k < groups.length; k++) {
    const group = groups[(pick + k) % groups.length]!;
    const valid = group.filter(([actor, command]) => validateCommand(state, actor, command).ok);
    if (valid.length) return valid[Math.floor(pick / groups.length) % valid.length];
  }
  return undefined;
}

/** Builds a log the way the server does: only accepted commands, stamped with a rising clock. */
function buildLog(steps: { pick: number; gapMs: number; serverIds: boolean }[], from: Start = 'fresh') {
  const prefix = starts[from]();
  let state = deepFreeze(replay(setup, prefix));
  const events: MeetingEvent[] = [...prefix];
  let clock = Date.parse('2025-03-04T12:00:00.000Z');
  for (const { pick, gapMs, serverIds } of steps) {
    const chosen = pickValid(state, pick);
    if (!chosen) break;
    clock += gapMs;
    const seq = events.length + 1;
    const event: MeetingEvent = deepFreeze({
      seq,
      at: new Date(clock).toISOString(),
      actorId: chosen[0],
      command: chosen[1],
      ...(serverIds
        ? {
            ids: {
              questionId: `q${seq}`,
              actionId: `a${seq}`,
              problemId: `p${seq}`,
              reframeId: `r${seq}`,
              noteId: `n${seq}`,
            },
          }
        : {}),
    });
    // Both are frozen: in strict-mode ESM a reducer that wrote to either would throw here.
    const next = deepFreeze(reduce(state, event));
    expect(next.lastSeq).toBe(seq);
    events.push(event);
    state = next;
  }
  return { events, state };
}

function invariants(s: MeetingState) {
  expect(s.hands.every((id) => s.present.includes(id))).toBe(true);
  expect(new Set(s.present).size).toBe(s.present.length);
  expect(s.turns.every((t) => t.airtimeMs >= 0)).toBe(true);
  expect(s.turns.filter((t) => t.floorSinceMs !== null).length).toBe(s.presenterIndex === null ? 0 : 1);
  if (s.presenterIndex !== null) expect(s.presenterOrder[s.presenterIndex]).toBeDefined();
  if (s.status !== 'live') expect(s.stageIndex).toBeNull();
  const ids = s.turns.flatMap((t) => [
    ...t.questions.map((q) => q.questionId),
    ...t.actions.map((a) => a.actionId),
  ]);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('replaying the log', () => {
  it('gives the same state as reducing event by event, without ever mutating a state', () => {
    fc.assert(
      fc.property(start, fc.array(step, { minLength: 1, maxLength: 150, size: 'max' }), (from, steps) => {
        const { events, state } = buildLog(steps, from);
        expect(replay(setup, events)).toEqual(state);
        invariants(state);
      }),
      { numRuns: 80 },
    );
  }, 30_000);

  it('resumes exactly from a stored snapshot, and survives JSON on the way', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(step, { minLength: 1, maxLength: 100, size: 'max' }),
        fc.nat(),
        (from, steps, cut) => {
          const { events, state } = buildLog(steps, from);
          const at = cut % (events.length + 1);
          const snapshot = JSON.parse(JSON.stringify(replay(setup, events.slice(0, at)))) as MeetingState;
          const wire = JSON.parse(JSON.stringify(events.slice(at))) as MeetingEvent[];
          // A reconnecting client may see some events twice: they change nothing the second time.
          const resumed = [...events.slice(Math.max(0, at - 3), at), ...wire].reduce(reduce, snapshot);
          expect(resumed).toStrictEqual(JSON.parse(JSON.stringify(state)));
        },
      ),
      { numRuns: 80 },
    );
  }, 30_000);

  it('refuses what the rules refuse, leaving the state as it was but for its place in the log', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 100, size: 'max' }), fc.nat(), (from, steps, pick) => {
        const { events, state } = buildLog(steps, from);
        const refused = candidates(state).filter(
          ([actor, command]) => !validateCommand(state, actor, command).ok,
        );
        const [actorId, command] = refused[pick % refused.length]!;
        const event = { seq: events.length + 1, at: '2025-03-04T12:00:00.000Z', actorId, command };
        const after = reduce(state, deepFreeze(event));
        expect(after.lastSeq).toBe(event.seq);
        expect({ ...after, lastSeq: state.lastSeq }).toEqual(state);
      }),
      { numRuns: 80 },
    );
  }, 30_000);
});
