import { describe, expect, it } from 'vitest';
import { refusalCases } from '../../../../domain/meeting/refusal-cases.ts';
import { controlActions, refusalCodes, textFields } from '../../../../domain/meeting/refusals.ts';
import { aSetup, Room, rooms } from '../../../../domain/meeting/test-support.ts';
import { createWebI18n } from '../../../i18n.ts';
import { refusalText } from './refusal.ts';

const i18n = createWebI18n('en');
const t = i18n.t;

describe('the room puts refusals into words from the catalogue', () => {
  it.each(refusalCases)('in %s, %s: %j', (room, actor, command, _refusal, sentence) => {
    const refused = rooms[room]().refusal(actor, command);
    expect(refused).not.toBe('accepted');
    expect(refusalText(t, refused as Exclude<typeof refused, 'accepted'>)).toBe(sentence);
  });

  it('says only the chair holds the controls when the set runs itself', () => {
    const setup = aSetup({
      mode: 'self_facilitated',
      facilitatorIds: [],
      participants: aSetup().participants.filter((p) => p.role === 'member'),
      chairId: 'ben',
    });
    const room = new Room(setup).joinAll().do('ben', { type: 'meeting.start' });
    const refused = room.refusal('ana', { type: 'presenter.goto', index: 0, step: 'presenting' });
    expect(refusalText(t, refused as Exclude<typeof refused, 'accepted'>)).toBe(
      'Only the chair can move presenters through their turns.',
    );
  });

  it('has a sentence for every code, and for every field and control variant', () => {
    const key = (k: string) => `meeting.refusal.${k}`;
    const missing = [
      ...refusalCodes.map(key),
      ...textFields.flatMap((f) => ['notText', 'empty', 'tooLong'].map((c) => key(`text.${c}_${f}`))),
      ...controlActions.map((a) => key(`controls.${a}_facilitated`)),
    ].filter((k) => !i18n.exists(k));
    expect(missing).toEqual([]);
  });
});
