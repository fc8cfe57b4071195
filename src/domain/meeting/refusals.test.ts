import { describe, expect, it } from 'vitest';
import { isParticipant } from './permissions.ts';
import { aSetup, Room, rooms } from './test-support.ts';
import type { MeetingCommand } from './types.ts';

describe('refusals explain themselves', () => {
  const refusal = (room: Room, actor: string, command: MeetingCommand) => room.refusal(actor, command);

  it('keeps the room closed to coordinators and admins', () => {
    expect(refusal(rooms.questioning(), 'coord', { type: 'presence.join' })).toBe(
      'Only the members of this set and its facilitator can take part in this meeting.',
    );
    expect(isParticipant(aSetup(), 'coord')).toBe(false);
    expect(isParticipant(aSetup(), 'ben')).toBe(true);
  });

  it.each<[keyof typeof rooms, string, MeetingCommand, string]>([
    [
      'presenting',
      'ben',
      { type: 'question.add', text: 'Why?' },
      'Questions can be added during clarifying or open questioning.',
    ],
    [
      'questioning',
      'ana',
      { type: 'question.add', text: 'Why?' },
      'You have the floor: the others ask, and their questions are kept for you.',
    ],
    ['questioning', 'ben', { type: 'question.add', text: ' ' }, 'A question cannot be empty.'],
    [
      'questioning',
      'ben',
      { type: 'question.add', text: 'x'.repeat(2001) },
      'A question can be at most 2000 characters long.',
    ],
    [
      'questioning',
      'ben',
      { type: 'question.add', text: 'Why?', askedBy: 'dee' },
      "Only the scribe can record a question on someone else's behalf.",
    ],
    [
      'questioning',
      'ben',
      { type: 'stage.goto', index: 5 },
      'Only the facilitator or the chair can move between stages.',
    ],
    ['questioning', 'fay', { type: 'stage.goto', index: 9 }, 'There is no such stage on the agenda.'],
    ['questioning', 'fay', { type: 'stage.goto', index: 4 }, 'The meeting is already at this stage.'],
    [
      'questioning',
      'ben',
      { type: 'problem.reframe', statement: 'Hm' },
      'Only the presenter can restate their problem.',
    ],
    [
      'questioning',
      'fay',
      { type: 'presenter.order', personIds: ['ben'] },
      'Ana has the floor now, so must stay in the order.',
    ],
    [
      'questioning',
      'fay',
      { type: 'presenter.order', personIds: ['ana', 'fay'] },
      'Fay facilitates: only members present.',
    ],
    [
      'questioning',
      'fay',
      { type: 'presenter.order', personIds: ['ana', 'ana'] },
      'Each presenter can be listed only once.',
    ],
    [
      'questioning',
      'ana',
      { type: 'action.add', text: 'Ask Jo' },
      'Actions are agreed during ways forward and actions.',
    ],
    [
      'actions',
      'ben',
      { type: 'action.add', text: 'Ask Jo' },
      'Actions belong to the presenter: only they, or the scribe for them, can record them.',
    ],
    [
      'actions',
      'ana',
      { type: 'action.add', text: 'Ask Jo', dueOn: '2025-02-30' },
      'A due date must be a real date written like 2025-03-31.',
    ],
    [
      'questioning',
      'ana',
      { type: 'feedback.give', text: 'Ok' },
      "The presenter's feedback comes in its own step, at the end of the turn.",
    ],
    [
      'opening',
      'ben',
      { type: 'report.outcome', actionId: 'a-ben', outcome: 'done' },
      "Last meeting's actions are reported on during report-back.",
    ],
    [
      'reportBack',
      'ben',
      { type: 'report.outcome', actionId: 'a-ana', outcome: 'done' },
      'Only the owner of an action reports on it.',
    ],
    [
      'reportBack',
      'ben',
      { type: 'report.outcome', actionId: 'a-ben', outcome: 'maybe' as never },
      'An outcome is done, partly, not done or dropped.',
    ],
    [
      'bidding',
      'fay',
      { type: 'bid.place', minutes: 20, urgency: 'low' },
      'Facilitators do not bid for time: only members present.',
    ],
    [
      'bidding',
      'ben',
      { type: 'bid.place', minutes: 0, urgency: 'low' },
      'Bid for between 1 and 240 minutes.',
    ],
    [
      'bidding',
      'ben',
      { type: 'bid.place', minutes: 20, urgency: 'low', problemId: 'p-ana' },
      'You can only bid with a problem of your own.',
    ],
    [
      'opening',
      'ben',
      { type: 'bid.place', minutes: 20, urgency: 'low' },
      'Bids for time are made during bidding.',
    ],
    [
      'checkOut',
      'ben',
      { type: 'checkout.say', text: 'Good', usefulness: 7 },
      'Usefulness is a score from 1 to 5.',
    ],
    [
      'questioning',
      'ben',
      { type: 'checkin.say', text: 'Hi' },
      'Check-in words are shared at the opening or in the check-in round.',
    ],
    ['questioning', 'fay', { type: 'timer.resume' }, 'The timer is not paused.'],
    [
      'questioning',
      'fay',
      { type: 'timer.extend', minutes: 90 },
      'The timer can be extended by 1 to 60 minutes at a time.',
    ],
    [
      'questioning',
      'fay',
      { type: 'chair.handover', toPersonId: 'ana' },
      'Ana is presenting: someone else chairs while they have the floor.',
    ],
    [
      'questioning',
      'dee',
      { type: 'question.mark', questionId: 'q-ben', struckHome: true },
      'Only the presenter marks the questions that struck home.',
    ],
    ['gathering', 'fay', { type: 'stage.goto', index: 1 }, 'The meeting has not started yet.'],
    ['gathering', 'dee', { type: 'hand.raise' }, 'Join the meeting first.'],
    ['questioning', 'ben', { type: 'nonsense' } as never, 'The meeting does not know that request.'],
  ])('in %s, %s: %j', (room, actor, command, sentence) => {
    expect(refusal(rooms[room](), actor, command)).toBe(sentence);
  });

  it('refuses everything but coming and going once the meeting has ended', () => {
    const room = rooms.questioning().do('fay', { type: 'meeting.end' });
    expect(refusal(room, 'ben', { type: 'hand.raise' })).toBe('The meeting has ended.');
    expect(refusal(room, 'ben', { type: 'presence.leave' })).toBe('accepted');
  });

  it('checks the type of every field, so a raw message from the socket is safe', () => {
    const room = rooms.questioning();
    expect(refusal(room, 'ben', { type: 'question.add', text: 42 } as never)).toBe(
      'A question must be text.',
    );
    expect(refusal(room, 'fay', { type: 'presenter.order', personIds: 'ana' } as never)).toBe(
      'List the presenters in the order agreed.',
    );
    expect(refusal(room, 'fay', { type: 'stage.goto', index: '5' } as never)).toBe(
      'There is no such stage on the agenda.',
    );
    expect(refusal(room, 'ben', null as never)).toBe('The meeting does not know that request.');
    expect(refusal(room, 'ben', { type: 'toString' } as never)).toBe(
      'The meeting does not know that request.',
    );
  });

  it('gives a self-facilitated set no facilitator: the chair alone holds the controls', () => {
    const setup = aSetup({
      mode: 'self_facilitated',
      facilitatorIds: [],
      participants: aSetup().participants.filter((p) => p.role === 'member'),
      chairId: 'ben',
    });
    const room = new Room(setup).joinAll().do('ben', { type: 'meeting.start' });
    expect(refusal(room, 'ana', { type: 'stage.goto', index: 1 })).toBe(
      'Only the chair can move between stages.',
    );
    expect(refusal(room, 'fay', { type: 'presence.join' })).toBe(
      'Only the members of this set and its facilitator can take part in this meeting.',
    );
    expect(refusal(room, 'ben', { type: 'stage.goto', index: 1 })).toBe('accepted');
  });
});
