import { describe, expect, it } from 'vitest';
import { isParticipant } from './permissions.ts';
import { refusalCases } from './refusal-cases.ts';
import { refusalCodes } from './refusals.ts';
import { aSetup, Room, rooms } from './test-support.ts';

describe('refusals name their reason with a code', () => {
  it('keeps the room closed to coordinators and admins', () => {
    expect(rooms.questioning().refusal('coord', { type: 'presence.join' })).toEqual({
      code: 'notParticipant',
    });
    expect(isParticipant(aSetup(), 'coord')).toBe(false);
    expect(isParticipant(aSetup(), 'ben')).toBe(true);
  });

  it.each(refusalCases)('in %s, %s: %j', (room, actor, command, refusal) => {
    expect(rooms[room]().refusal(actor, command)).toEqual(refusal);
  });

  it('gives only codes it declares, so each has a sentence in the catalogue', () => {
    for (const [, , , refusal] of refusalCases) expect(refusalCodes).toContain(refusal.code);
    expect(new Set(refusalCodes).size).toBe(refusalCodes.length);
  });

  it('refuses everything but coming and going once the meeting has ended', () => {
    const room = rooms.questioning().do('fay', { type: 'meeting.end' });
    expect(room.refusal('ben', { type: 'hand.raise' })).toEqual({ code: 'meetingEnded' });
    expect(room.refusal('ben', { type: 'presence.leave' })).toBe('accepted');
  });

  it('checks the type of every field, so a raw message from the socket is safe', () => {
    const room = rooms.questioning();
    expect(room.refusal('ben', null as never)).toEqual({ code: 'unknownRequest' });
    expect(room.refusal('ben', { type: 'toString' } as never)).toEqual({ code: 'unknownRequest' });
  });

  it('gives a self-facilitated set no facilitator: the chair alone holds the controls', () => {
    const setup = aSetup({
      mode: 'self_facilitated',
      facilitatorIds: [],
      participants: aSetup().participants.filter((p) => p.role === 'member'),
      chairId: 'ben',
    });
    const room = new Room(setup).joinAll().do('ben', { type: 'meeting.start' });
    expect(room.refusal('ana', { type: 'stage.goto', index: 1 })).toEqual({ code: 'controls.stageGoto' });
    expect(room.refusal('fay', { type: 'presence.join' })).toEqual({ code: 'notParticipant' });
    expect(room.refusal('ben', { type: 'stage.goto', index: 1 })).toBe('accepted');
  });
});
