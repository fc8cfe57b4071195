import { describe, expect, it } from 'vitest';
import { initialState, reduce, replay } from './reducer.ts';
import { currentStatement } from './selectors.ts';
import { deepFreeze, Room, roomInQuestioning, stage } from './test-support.ts';
import { remainingMs } from './timer.ts';

const minute = 60_000;

/** The whole cycle of METHOD.md, one presenter, as a facilitator runs it. */
function fullMeeting(): Room {
  const room = new Room().joinAll(['fay', 'ana', 'ben', 'cal']);
  room
    .do('fay', { type: 'meeting.start' })
    .do('ana', { type: 'hand.raise' })
    .do('fay', { type: 'hand.clear', personId: 'ana' })
    .later(5)
    .do('fay', { type: 'stage.goto', index: stage.checkIn })
    .do('ana', { type: 'checkin.say', text: 'Tired but curious' })
    .do('ben', { type: 'checkin.say', text: 'Glad to be here' })
    .do('dee', { type: 'presence.join' })
    .later(10)
    .do('fay', { type: 'stage.goto', index: stage.reportBack })
    .do('ana', {
      type: 'report.outcome',
      actionId: 'a-ana',
      outcome: 'done',
      learned: 'The treasurer decides, not the board',
    })
    .do('ben', { type: 'report.outcome', actionId: 'a-ben', outcome: 'partly' })
    .later(15)
    .do('fay', { type: 'stage.goto', index: stage.bidding })
    .do('ana', {
      type: 'bid.place',
      minutes: 45,
      urgency: 'high',
      reason: 'A decision in two weeks',
      problemId: 'p-ana',
    })
    .do('ben', { type: 'bid.place', minutes: 30, urgency: 'low' })
    .do('fay', { type: 'presenter.order', personIds: ['ana', 'ben'] })
    .later(5)
    .do('fay', { type: 'stage.goto', index: stage.presentations })
    .do('fay', { type: 'scribe.assign', personId: 'cal' })
    .do('fay', { type: 'presenter.goto', index: 0, step: 'presenting' })
    .later(10)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'clarifying' })
    .do('ben', { type: 'question.add', text: 'How many volunteers left this year?' }, { questionId: 'q1' })
    .later(5)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'questioning' })
    .do(
      'dee',
      { type: 'question.add', text: 'What do the ones who stay have in common?' },
      { questionId: 'q2' },
    )
    .do(
      'cal',
      { type: 'question.add', text: 'What would leaving well look like?', askedBy: 'ben' },
      { questionId: 'q3' },
    )
    .do('fay', { type: 'timer.pause' })
    .later(2)
    .do('fay', { type: 'timer.extend', minutes: 5 })
    .do('fay', { type: 'timer.resume' })
    .later(18)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'reframing' })
    .do('ana', { type: 'problem.reframe', statement: 'How do I make staying worth it?' }, { reframeId: 'r1' })
    .do('ana', { type: 'question.mark', questionId: 'q2', struckHome: true })
    .later(5)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'actions' })
    .do(
      'ana',
      { type: 'action.add', text: 'Interview three long-standing volunteers', dueOn: '2025-04-01' },
      { actionId: 'x1' },
    )
    .do('cal', { type: 'action.add', text: 'Draft an exit conversation' }, { actionId: 'x2' })
    .later(5)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'feedback' })
    .do('ana', { type: 'feedback.give', text: 'The silence after q2 helped.' })
    .later(2)
    .do('fay', { type: 'stage.goto', index: stage.processReview })
    .do('ben', { type: 'review.note', text: 'Fay stopped advice twice: good.' }, { noteId: 'n1' })
    .later(10)
    .do('fay', { type: 'stage.goto', index: stage.checkOut })
    .do('ana', { type: 'checkout.say', text: 'Staying, not leaving', usefulness: 5 })
    .do('ben', { type: 'checkout.say', text: 'Curious about funders' })
    .later(10)
    .do('fay', { type: 'meeting.end' });
  return room;
}

describe('a whole meeting, replayed from its log', () => {
  const room = fullMeeting();
  const state = replay(room.setup, room.events);

  it('ends with everything said and decided in it', () => {
    expect(state).toEqual(room.state);
    expect(state).toMatchObject({
      status: 'ended',
      startedAt: '2025-03-04T09:00:00.000Z',
      endedAt: '2025-03-04T10:42:00.000Z',
      stageIndex: null,
      chairId: 'fay',
      scribeId: 'cal',
      present: ['fay', 'ana', 'ben', 'cal', 'dee'],
      attendance: ['fay', 'ana', 'ben', 'cal', 'dee'],
      hands: [],
      timer: { status: 'idle' },
      checkIns: { ana: 'Tired but curious', ben: 'Glad to be here' },
      checkOuts: {
        ana: { text: 'Staying, not leaving', usefulness: 5 },
        ben: { text: 'Curious about funders', usefulness: null },
      },
      reportBacks: {
        'a-ana': { outcome: 'done', learned: 'The treasurer decides, not the board' },
        'a-ben': { outcome: 'partly', learned: null },
      },
      bids: {
        ana: { minutes: 45, urgency: 'high', reason: 'A decision in two weeks', problemId: 'p-ana' },
        ben: { minutes: 30, urgency: 'low', reason: null, problemId: null },
      },
      presenterOrder: ['ana', 'ben'],
      reviewNotes: [{ noteId: 'n1', authorId: 'ben', text: 'Fay stopped advice twice: good.' }],
      lastSeq: room.events.length,
    });
    expect(state.stagesVisited.map((v) => v.key)).toEqual([
      'opening',
      'check-in',
      'report-back',
      'bidding',
      'presentations',
      'process-review',
      'check-out',
    ]);
  });

  it("keeps Ana's turn: her problem, its reframe, the questions, her two actions, her airtime", () => {
    expect(state.turns).toHaveLength(1);
    const turn = state.turns[0]!;
    expect(turn).toMatchObject({
      presenterId: 'ana',
      problemId: 'p-ana',
      feedback: 'The silence after q2 helped.',
      stepsVisited: ['presenting', 'clarifying', 'questioning', 'reframing', 'actions', 'feedback'],
      floorSinceMs: null,
      // From taking the floor at 09:35 to the process review at 10:22, pause included.
      airtimeMs: 47 * minute,
    });
    expect(turn.reframes).toEqual([
      {
        reframeId: 'r1',
        problemId: 'p-ana',
        statement: 'How do I make staying worth it?',
        at: '2025-03-04T10:10:00.000Z',
      },
    ]);
    expect(turn.questions.map((q) => [q.questionId, q.askedBy, q.recordedBy, q.step, q.struckHome])).toEqual([
      ['q1', 'ben', 'ben', 'clarifying', false],
      ['q2', 'dee', 'dee', 'questioning', true],
      ['q3', 'ben', 'cal', 'questioning', false],
    ]);
    expect(turn.actions.map((a) => [a.actionId, a.ownerId, a.text, a.dueOn, a.recordedBy])).toEqual([
      ['x1', 'ana', 'Interview three long-standing volunteers', '2025-04-01', 'ana'],
      ['x2', 'ana', 'Draft an exit conversation', null, 'cal'],
    ]);
    expect(currentStatement(state, 'p-ana')).toBe('How do I make staying worth it?');
  });

  it('replays to the same state at every point of the log', () => {
    for (let n = 0; n <= room.events.length; n += 7) {
      const prefix = replay(room.setup, room.events.slice(0, n));
      expect(room.events.slice(n).reduce(reduce, prefix)).toEqual(state);
    }
  });
});

describe('reduce', () => {
  it('never mutates the state or the event it is given', () => {
    const room = fullMeeting();
    let state = deepFreeze(initialState(room.setup));
    for (const event of room.events) state = deepFreeze(reduce(state, deepFreeze(event)));
    expect(state).toEqual(room.state);
  });

  it('ignores an event it has already applied, so a reconnecting client can take snapshot and stream', () => {
    const room = roomInQuestioning();
    const again = room.events.at(-1)!;
    expect(reduce(room.state, again)).toBe(room.state);
  });

  it('leaves the state alone for an event the rules refuse', () => {
    const room = roomInQuestioning();
    const forged = {
      seq: 999,
      at: '2025-03-04T10:00:00.000Z',
      actorId: 'ana',
      command: { type: 'stage.goto', index: 6 },
    };
    expect(reduce(room.state, forged as never)).toBe(room.state);
  });

  it('follows the log past an event whose author has left the set since, changing nothing else', () => {
    const room = roomInQuestioning();
    const voided = {
      seq: room.state.lastSeq + 1,
      at: '2025-03-04T10:00:00.000Z',
      actorId: 'someone-who-left',
      command: { type: 'hand.raise' },
    };
    const after = reduce(room.state, voided as never);
    expect(after.lastSeq).toBe(voided.seq);
    expect(after.hands).toEqual(room.state.hands);
    expect({ ...after, lastSeq: room.state.lastSeq }).toEqual(room.state);
  });

  it('gives what it creates an id from its place in the log when the server sent none', () => {
    const room = roomInQuestioning().do('dee', {
      type: 'question.add',
      text: 'Who notices when someone leaves?',
    });
    expect(room.state.turns[0]!.questions.at(-1)!.questionId).toBe(`m1:${room.events.length}`);
  });

  it('runs the countdown from server times: paused time is kept, extensions added', () => {
    const room = roomInQuestioning();
    const questioning = room.clockMs;
    room.later(4).do('fay', { type: 'timer.pause' }).later(3);
    expect(remainingMs(room.state.timer, room.clockMs)).toBe(16 * minute);
    room.do('fay', { type: 'timer.extend', minutes: 5 }).do('fay', { type: 'timer.resume' });
    expect(remainingMs(room.state.timer, room.clockMs)).toBe(21 * minute);
    room.do('fay', { type: 'timer.reset' });
    expect(remainingMs(room.state.timer, room.clockMs)).toBe(20 * minute);
    expect(room.clockMs - questioning).toBe(7 * minute);
  });

  it('never moves the stage on when time runs out: the countdown just goes into overtime', () => {
    const room = roomInQuestioning().later(30);
    expect(room.state.step).toBe('questioning');
    expect(remainingMs(room.state.timer, room.clockMs)).toBe(-10 * minute);
  });

  it('counts airtime over every stretch a presenter holds the floor, and only then', () => {
    const room = roomInQuestioning() // Ana on the floor since 09:00
      .later(5)
      .do('fay', { type: 'presenter.goto', index: 1, step: 'presenting' })
      .later(20)
      .do('fay', { type: 'presenter.goto', index: 0, step: 'actions' })
      .later(5)
      .do('fay', { type: 'stage.goto', index: stage.processReview });
    expect(room.state.turns.map((t) => [t.presenterId, t.airtimeMs / minute])).toEqual([
      ['ana', 20],
      ['ben', 20],
    ]);
  });

  it('drops a leaving person from the speaking queue, but keeps them in the attendance', () => {
    const room = roomInQuestioning().do('dee', { type: 'presence.leave' });
    expect(room.state.hands).toEqual([]);
    expect(room.state.present).not.toContain('dee');
    expect(room.state.attendance).toContain('dee');
  });

  it("starts a presenter's turn on the problem they bid with", () => {
    const room = new Room()
      .joinAll()
      .do('fay', { type: 'meeting.start' })
      .do('fay', { type: 'stage.goto', index: stage.bidding })
      .do('ana', { type: 'bid.place', minutes: 30, urgency: 'medium', problemId: 'p-ana2' })
      .do('fay', { type: 'presenter.order', personIds: ['ana'] })
      .do('fay', { type: 'stage.goto', index: stage.presentations })
      .do('fay', { type: 'presenter.goto', index: 0, step: 'presenting' });
    expect(room.state.turns[0]!.problemId).toBe('p-ana2');
  });

  it('lets a presenter bring a new problem and restate it', () => {
    const room = roomInQuestioning()
      .do('ana', { type: 'problem.new', title: 'Burn-out', statement: 'I am tired.' }, { problemId: 'p-new' })
      .do('ana', { type: 'problem.reframe', statement: 'What drains me?' }, { reframeId: 'r' });
    const turn = room.state.turns[0]!;
    expect(turn.problemId).toBe('p-new');
    expect(turn.newProblem).toMatchObject({ problemId: 'p-new', title: 'Burn-out' });
    expect(currentStatement(room.state, 'p-new')).toBe('What drains me?');
  });

  it('keeps the presenter on the floor when the order changes around them', () => {
    const room = roomInQuestioning().do('fay', { type: 'presenter.order', personIds: ['ben', 'cal', 'ana'] });
    expect(room.state.presenterIndex).toBe(2);
    expect(room.state.presenterOrder[room.state.presenterIndex!]).toBe('ana');
  });
});
