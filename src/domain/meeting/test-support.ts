/** Test helpers: a small set, and a room that logs events the way the server does. */
import { defaultAgenda, defaultPresenterCycle } from './agenda.ts';
import { validateCommand } from './permissions.ts';
import { initialState, reduce } from './reducer.ts';
import type { Refusal } from './refusals.ts';
import type { MeetingCommand, MeetingEvent, MeetingSetup, MeetingState } from './types.ts';

/** Fay facilitates; Ana, Ben, Cal and Dee are members. Stage indexes follow the default agenda. */
export function aSetup(overrides: Partial<MeetingSetup> = {}): MeetingSetup {
  return {
    meetingId: 'm1',
    setId: 's1',
    mode: 'facilitated',
    facilitatorIds: ['fay'],
    participants: [
      { personId: 'fay', name: 'Fay', role: 'facilitator' },
      { personId: 'ana', name: 'Ana', role: 'member' },
      { personId: 'ben', name: 'Ben', role: 'member' },
      { personId: 'cal', name: 'Cal', role: 'member' },
      { personId: 'dee', name: 'Dee', role: 'member' },
    ],
    agenda: defaultAgenda(),
    presenterCycle: defaultPresenterCycle(),
    groundRules: ['What is said in the set stays in the set.', 'Questions, not advice.'],
    openActions: [
      { actionId: 'a-ana', ownerId: 'ana', text: 'Map who decides on the budget', dueOn: null },
      { actionId: 'a-ben', ownerId: 'ben', text: 'Ask two funders for feedback', dueOn: '2025-03-01' },
    ],
    problems: [
      {
        problemId: 'p-ana',
        ownerId: 'ana',
        title: 'Volunteers leave',
        statement: 'Our volunteers leave within a year.',
      },
      { problemId: 'p-ana2', ownerId: 'ana', title: 'Board', statement: 'The board does not read papers.' },
      { problemId: 'p-ben', ownerId: 'ben', title: 'Partnership', statement: 'A partnership is stuck.' },
    ],
    ...overrides,
  };
}

export const stage = {
  opening: 0,
  checkIn: 1,
  reportBack: 2,
  bidding: 3,
  presentations: 4,
  processReview: 5,
  checkOut: 6,
} as const;

export class Room {
  readonly events: MeetingEvent[] = [];
  state: MeetingState;
  clockMs = Date.parse('2025-03-04T09:00:00.000Z');

  constructor(readonly setup: MeetingSetup = aSetup()) {
    this.state = initialState(setup);
  }

  /** Moves the server clock on. */
  later(minutes: number): this {
    this.clockMs += minutes * 60_000;
    return this;
  }

  /** Sends a command the rules must accept, as the server would: validate, stamp, log, reduce. */
  do(actorId: string, command: MeetingCommand, ids?: Record<string, string>): this {
    const verdict = validateCommand(this.state, actorId, command);
    if (!verdict.ok)
      throw new Error(`${actorId} ${command.type} refused: ${JSON.stringify(verdict.refusal)}`);
    const event: MeetingEvent = {
      seq: this.events.length + 1,
      at: new Date(this.clockMs).toISOString(),
      actorId,
      command,
      ...(ids ? { ids } : {}),
    };
    this.events.push(event);
    this.state = reduce(this.state, event);
    return this;
  }

  /** How the rules refuse a command, as its code and values (or 'accepted'). */
  refusal(actorId: string, command: MeetingCommand): Refusal | 'accepted' {
    const verdict = validateCommand(this.state, actorId, command);
    return verdict.ok ? 'accepted' : verdict.refusal;
  }

  joinAll(ids = this.setup.participants.map((p) => p.personId)): this {
    for (const id of ids) this.do(id, { type: 'presence.join' });
    return this;
  }
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A room in open questioning on Ana's problem: Cal scribes, Ben has asked one question, Dee's hand is up. */
export function roomInQuestioning(setup = aSetup()): Room {
  return new Room(setup)
    .joinAll()
    .do('fay', { type: 'meeting.start' })
    .do('fay', { type: 'stage.goto', index: stage.bidding })
    .do('fay', { type: 'presenter.order', personIds: ['ana', 'ben'] })
    .do('fay', { type: 'stage.goto', index: stage.presentations })
    .do('fay', { type: 'scribe.assign', personId: 'cal' })
    .do('fay', { type: 'presenter.goto', index: 0, step: 'presenting' })
    .do('ana', { type: 'problem.choose', problemId: 'p-ana' })
    .later(10)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'questioning' })
    .do('ben', { type: 'question.add', text: 'What keeps the ones who stay?' }, { questionId: 'q-ben' })
    .do('dee', { type: 'hand.raise' });
}

/** Rooms at the points of the meeting where each command makes sense. */
export const rooms = {
  gathering: () => new Room().joinAll(['fay', 'ana', 'ben', 'cal']),
  nobodyHere: () => new Room(),
  opening: () => new Room().joinAll().do('fay', { type: 'meeting.start' }),
  reportBack: () => rooms.opening().do('fay', { type: 'stage.goto', index: stage.reportBack }),
  bidding: () => rooms.opening().do('fay', { type: 'stage.goto', index: stage.bidding }),
  bidsIn: () =>
    rooms
      .bidding()
      .do('ana', { type: 'bid.place', minutes: 30, urgency: 'high' })
      .do('cal', { type: 'bid.place', minutes: 20, urgency: 'low' }),
  presenting: () => roomInQuestioning().do('fay', { type: 'presenter.goto', index: 0, step: 'presenting' }),
  questioning: () => roomInQuestioning(),
  paused: () => roomInQuestioning().do('fay', { type: 'timer.pause' }),
  actions: () =>
    roomInQuestioning()
      .do('fay', { type: 'presenter.goto', index: 0, step: 'actions' })
      .do('ana', { type: 'action.add', text: 'Phone the chair of the board' }, { actionId: 'x-ana' }),
  feedback: () => roomInQuestioning().do('fay', { type: 'presenter.goto', index: 0, step: 'feedback' }),
  review: () =>
    rooms
      .opening()
      .do('fay', { type: 'stage.goto', index: stage.processReview })
      .do('ben', { type: 'review.note', text: 'We kept time.' }, { noteId: 'n-ben' }),
  checkOut: () => rooms.opening().do('fay', { type: 'stage.goto', index: stage.checkOut }),
};
