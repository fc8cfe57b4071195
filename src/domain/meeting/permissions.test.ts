import { describe, expect, it } from 'vitest';
import { cleanCommand } from './commands.ts';
import { commandTypes, validateCommand } from './permissions.ts';
import { rooms, stage } from './test-support.ts';
import type { MeetingCommand, MeetingCommandType } from './types.ts';

/**
 * Fay facilitates (and so chairs); Ana presents; Cal is the scribe; Ben is a member who asked q-ben;
 * "coord" is the programme's coordinator, who is no participant.
 */
const roles = {
  facilitator: 'fay',
  presenter: 'ana',
  scribe: 'cal',
  member: 'ben',
  outsider: 'coord',
} as const;
type Role = keyof typeof roles;

type Row = [MeetingCommand, keyof typeof rooms, string];

/** Each command, in a room where it makes sense, and the roles that may send it: every other role may not. */
const table: Record<MeetingCommandType, Row[]> = {
  'presence.join': [[{ type: 'presence.join' }, 'nobodyHere', 'facilitator presenter scribe member']],
  'presence.leave': [[{ type: 'presence.leave' }, 'questioning', 'facilitator presenter scribe member']],
  'meeting.start': [[{ type: 'meeting.start' }, 'gathering', 'facilitator']],
  'meeting.end': [[{ type: 'meeting.end' }, 'questioning', 'facilitator']],
  'stage.goto': [[{ type: 'stage.goto', index: stage.processReview }, 'questioning', 'facilitator']],
  'presenter.order': [[{ type: 'presenter.order', personIds: ['ana', 'cal'] }, 'questioning', 'facilitator']],
  'presenter.goto': [[{ type: 'presenter.goto', index: 0, step: 'reframing' }, 'questioning', 'facilitator']],
  'presenter.end': [[{ type: 'presenter.end' }, 'questioning', 'facilitator']],
  'timer.pause': [[{ type: 'timer.pause' }, 'questioning', 'facilitator']],
  'timer.resume': [[{ type: 'timer.resume' }, 'paused', 'facilitator']],
  'timer.extend': [[{ type: 'timer.extend', minutes: 5 }, 'questioning', 'facilitator']],
  'timer.reset': [[{ type: 'timer.reset' }, 'questioning', 'facilitator']],
  'chair.handover': [[{ type: 'chair.handover', toPersonId: 'ben' }, 'questioning', 'facilitator']],
  'chair.claim': [[{ type: 'chair.claim' }, 'questioning', '']],
  'scribe.assign': [
    [{ type: 'scribe.assign', personId: 'dee' }, 'questioning', 'facilitator'],
    [{ type: 'scribe.assign', personId: null }, 'questioning', 'facilitator'],
  ],
  'rules.show': [[{ type: 'rules.show', shown: true }, 'questioning', 'facilitator']],
  'hand.raise': [[{ type: 'hand.raise' }, 'questioning', 'facilitator presenter scribe member']],
  'hand.lower': [[{ type: 'hand.lower' }, 'questioning', '']],
  'hand.clear': [[{ type: 'hand.clear', personId: 'dee' }, 'questioning', 'facilitator']],
  'checkin.say': [
    [{ type: 'checkin.say', text: 'Rested' }, 'opening', 'facilitator presenter scribe member'],
  ],
  'checkout.say': [
    [
      { type: 'checkout.say', text: 'Hope', usefulness: 4 },
      'checkOut',
      'facilitator presenter scribe member',
    ],
  ],
  'report.outcome': [
    [{ type: 'report.outcome', actionId: 'a-ana', outcome: 'done' }, 'reportBack', 'presenter'],
    [
      { type: 'report.outcome', actionId: 'a-ben', outcome: 'dropped', learned: 'Wrong funder' },
      'reportBack',
      'member',
    ],
  ],
  'bid.place': [
    [{ type: 'bid.place', minutes: 30, urgency: 'medium' }, 'bidding', 'presenter scribe member'],
  ],
  'bid.withdraw': [[{ type: 'bid.withdraw' }, 'bidsIn', 'presenter scribe']],
  'problem.choose': [[{ type: 'problem.choose', problemId: 'p-ana2' }, 'questioning', 'presenter']],
  'problem.new': [
    [{ type: 'problem.new', title: 'Time', statement: 'No time.' }, 'questioning', 'presenter'],
  ],
  'problem.reframe': [[{ type: 'problem.reframe', statement: 'How might I...' }, 'questioning', 'presenter']],
  'question.add': [
    [{ type: 'question.add', text: 'What matters most?' }, 'questioning', 'facilitator scribe member'],
    [{ type: 'question.add', text: 'What matters most?', askedBy: 'dee' }, 'questioning', 'scribe'],
  ],
  'question.edit': [
    [{ type: 'question.edit', questionId: 'q-ben', text: 'Who stays?' }, 'questioning', 'scribe member'],
  ],
  'question.remove': [[{ type: 'question.remove', questionId: 'q-ben' }, 'questioning', 'scribe member']],
  'question.mark': [
    [{ type: 'question.mark', questionId: 'q-ben', struckHome: true }, 'questioning', 'presenter'],
  ],
  'action.add': [
    [{ type: 'action.add', text: 'Ask Jo', dueOn: '2025-04-01' }, 'actions', 'presenter scribe'],
  ],
  'action.edit': [
    [{ type: 'action.edit', actionId: 'x-ana', text: 'Phone Jo' }, 'actions', 'presenter scribe'],
  ],
  'action.remove': [[{ type: 'action.remove', actionId: 'x-ana' }, 'actions', 'presenter scribe']],
  'feedback.give': [[{ type: 'feedback.give', text: 'It helped.' }, 'feedback', 'presenter']],
  'review.note': [
    [{ type: 'review.note', text: 'Fair airtime.' }, 'review', 'facilitator presenter scribe member'],
  ],
  'review.remove': [[{ type: 'review.remove', noteId: 'n-ben' }, 'review', 'member']],
};

describe('the room: every command x every role', () => {
  it('has rows for every command the rules know', () => {
    expect(Object.keys(table).sort()).toEqual([...commandTypes].sort());
  });

  const cases = Object.values(table).flatMap((rows) =>
    rows.flatMap(([command, room, allowed]) =>
      (Object.keys(roles) as Role[]).map((role) => ({
        command,
        room,
        role,
        allowed: allowed.split(' ').includes(role),
      })),
    ),
  );

  it.each(cases)('$command.type in $room by the $role: $allowed', ({ command, room, role, allowed }) => {
    const state = rooms[room]().state;
    const verdict = validateCommand(state, roles[role], command);
    expect(verdict.ok, verdict.ok ? '' : verdict.refusal.code).toBe(allowed);
  });
});

describe('cleaning a command before it is logged', () => {
  it('keeps every field the rules read, for every command', () => {
    const full: MeetingCommand[] = [
      { type: 'bid.place', minutes: 30, urgency: 'high', reason: 'Soon', problemId: 'p-ana' },
      { type: 'checkout.say', text: 'Hope', usefulness: null },
      { type: 'action.edit', actionId: 'x', text: 'Call', dueOn: '2025-04-01' },
    ];
    for (const command of [...Object.values(table).flatMap((rows) => rows.map((r) => r[0])), ...full]) {
      expect(cleanCommand(command)).toStrictEqual(command);
    }
  });

  it('drops whatever else a client sends along', () => {
    const sent = { type: 'question.add', text: 'Why?', note: 'x'.repeat(10_000), __proto__: { evil: true } };
    expect(cleanCommand(sent as never)).toStrictEqual({ type: 'question.add', text: 'Why?' });
  });
});
