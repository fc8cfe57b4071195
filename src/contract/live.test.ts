import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { commandTypes } from '../domain/meeting/permissions.ts';
import { refusalCodes } from '../domain/meeting/refusals.ts';
import type { MeetingCommand, MeetingEvent, MeetingSetup } from '../domain/meeting/types.ts';
import { clientMessage, meetingCommand, type meetingEvent, type meetingSetup, nackMessage } from './live.ts';

describe('the live contract', () => {
  it('describes exactly the domain’s commands, events and setup', () => {
    // Checked by tsc: a command, event or setup field added on one side only fails the type check.
    expectTypeOf<z.infer<typeof meetingCommand>>().toEqualTypeOf<MeetingCommand>();
    expectTypeOf<z.infer<typeof meetingEvent>>().toEqualTypeOf<MeetingEvent>();
    expectTypeOf<z.infer<typeof meetingSetup>>().toEqualTypeOf<MeetingSetup>();
    expect(meetingCommand.options.map((o) => o.shape.type.value).sort()).toEqual([...commandTypes].sort());
    expect(nackMessage.shape.code.options).toEqual([...refusalCodes]);
  });

  it('checks each field of a command, and drops the fields a command does not have', () => {
    const meetingId = '00000000-0000-4000-8000-000000000001';
    const cmd = (command: unknown) => clientMessage.safeParse({ t: 'cmd', meetingId, id: 'c1', command });
    expect(cmd({ type: 'bid.place', minutes: 20, urgency: 'high' }).success).toBe(true);
    expect(cmd({ type: 'bid.place', minutes: '20', urgency: 'high' }).success).toBe(false);
    expect(cmd({ type: 'bid.place', minutes: 20, urgency: 'urgent' }).success).toBe(false);
    expect(cmd({ type: 'scribe.assign', personId: null }).success).toBe(true);
    expect(cmd({ type: 'scribe.assign' }).success).toBe(false);
    expect(cmd({ type: 'question.add', text: 'Why?', askedBy: null }).success).toBe(true);
    expect(cmd({ type: 'hand.raise', smuggled: 'x' }).data).toEqual({
      t: 'cmd',
      meetingId,
      id: 'c1',
      command: { type: 'hand.raise' },
    });
    expect(cmd({ type: 'toString' }).success).toBe(false);
  });
});
