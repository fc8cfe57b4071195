import { describe, expect, it } from 'vitest';
import { compactLog, recordFingerprint } from './compaction.ts';
import { meetingRecordFor } from './record.ts';
import { replay } from './reducer.ts';
import { roomInQuestioning } from './test-support.ts';

/** A whole meeting with the usual traffic: people coming and going, hands, a pause, then the end. */
function endedMeeting() {
  const room = roomInQuestioning()
    .do('dee', { type: 'hand.lower' })
    .do('cal', { type: 'presence.leave' })
    .do('cal', { type: 'presence.join' })
    .do('fay', { type: 'timer.pause' })
    .do('fay', { type: 'timer.resume' })
    .do('cal', { type: 'hand.raise' })
    .do('cal', { type: 'question.add', text: 'Who decides?' }, { questionId: 'q-cal' })
    .do('cal', { type: 'hand.lower' })
    .later(5)
    .do('fay', { type: 'presenter.goto', index: 0, step: 'actions' })
    .do('ana', { type: 'action.add', text: 'Phone the chair of the board' }, { actionId: 'x-ana' })
    .do('fay', { type: 'meeting.end' });
  return room;
}

describe('compacting an ended meeting log', () => {
  it('drops the room traffic and keeps a log that replays to the same record for everyone', () => {
    const room = endedMeeting();
    const { keep, drop } = compactLog(room.setup, room.events);
    expect(drop.length).toBeGreaterThan(0);
    expect(keep.length + drop.length).toBe(room.events.length);
    const dropped = room.events.filter((e) => drop.includes(e.seq)).map((e) => e.command.type);
    expect(dropped).toContain('hand.raise');
    expect(dropped).toContain('presence.leave');
    // Every kept event is the logged one, unchanged (same seq, same words).
    for (const e of keep) expect(room.events.find((x) => x.seq === e.seq)).toEqual(e);
    const before = replay(room.setup, room.events);
    const after = replay(room.setup, keep);
    for (const p of room.setup.participants) {
      expect(meetingRecordFor(room.setup, after, p.personId)).toEqual(
        meetingRecordFor(room.setup, before, p.personId),
      );
    }
    expect(recordFingerprint(room.setup, keep)).toBe(recordFingerprint(room.setup, room.events));
    expect(after.turns[0]?.questions.map((q) => q.text)).toEqual([
      'What keeps the ones who stay?',
      'Who decides?',
    ]);
  });

  it('is idempotent and leaves an empty log alone', () => {
    const room = endedMeeting();
    const once = compactLog(room.setup, room.events);
    expect(compactLog(room.setup, once.keep).drop).toEqual([]);
    expect(compactLog(room.setup, [])).toEqual({ keep: [], drop: [] });
  });
});
