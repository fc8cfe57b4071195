import { describe, expect, it } from 'vitest';
import { aSetup, Room, stage } from './test-support.ts';

describe('the chair in a self-facilitated set', () => {
  const selfRun = aSetup({
    mode: 'self_facilitated',
    facilitatorIds: [],
    participants: aSetup().participants.filter((p) => p.role === 'member'),
    chairId: 'ana',
  });

  function atPresentations() {
    return new Room(selfRun)
      .joinAll()
      .do('ana', { type: 'meeting.start' })
      .do('ana', { type: 'stage.goto', index: stage.bidding })
      .do('ana', { type: 'presenter.order', personIds: ['ana', 'ben'] })
      .do('ana', { type: 'stage.goto', index: stage.presentations });
  }

  it('must hand the chair over before presenting, and may take it back afterwards', () => {
    const room = atPresentations();
    expect(room.refusal('ana', { type: 'presenter.goto', index: 0, step: 'presenting' })).toEqual({
      code: 'presenterChairing',
      params: { name: 'Ana' },
    });
    room.do('ana', { type: 'chair.handover', toPersonId: 'ben' });
    expect(room.refusal('ana', { type: 'presenter.goto', index: 0, step: 'presenting' })).toEqual({
      code: 'controls.presenterGoto',
    });
    room.do('ben', { type: 'presenter.goto', index: 0, step: 'presenting' });
    expect(room.refusal('ben', { type: 'chair.handover', toPersonId: 'ana' })).toEqual({
      code: 'chairPresenting',
      params: { name: 'Ana' },
    });
    room.do('ben', { type: 'presenter.end' }).do('ben', { type: 'chair.handover', toPersonId: 'ana' });
    room.do('ana', { type: 'presenter.goto', index: 1, step: 'presenting' });
    expect(room.state.chairId).toBe('ana');
    expect(room.state.turns.map((t) => t.presenterId)).toEqual(['ana', 'ben']);
  });

  it('lets a member take the chair when the chair drops out, but not while the chair is here', () => {
    const room = atPresentations();
    expect(room.refusal('cal', { type: 'chair.claim' })).toEqual({
      code: 'askChair',
      params: { name: 'Ana' },
    });
    room.do('ana', { type: 'presence.leave' }).do('cal', { type: 'chair.claim' });
    expect(room.state.chairId).toBe('cal');
  });

  it('starts without a chair when none was chosen, until someone takes it', () => {
    const room = new Room({ ...selfRun, chairId: undefined }).joinAll();
    expect(room.refusal('ben', { type: 'meeting.start' })).toEqual({ code: 'controls.start' });
    room.do('ben', { type: 'chair.claim' }).do('ben', { type: 'meeting.start' });
    expect(room.state.status).toBe('live');
  });
});
