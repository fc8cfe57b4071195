import { describe, expect, it } from 'vitest';
import { shouldHint } from '../../../../domain/coach/hint.ts';
import { classifyQuestion } from '../../../../domain/coach/index.ts';
import { Room, rooms, stage } from '../../../../domain/meeting/test-support.ts';
import { changesWorthSaying } from './Announcer.tsx';
import { nextMove, questionCounts, roomOf } from './model.ts';
import { localPendingStore } from './pending-store.ts';

/** Follows the chair's main button from the start to the end, as the facilitator would. */
function walk(room: Room, limit = 40): string[] {
  const labels: string[] = [];
  for (let i = 0; i < limit; i++) {
    const move = nextMove(room.state);
    if (!move) break;
    labels.push(
      `${move.label.key}${move.label.values ? ` ${Object.values(move.label.values).join(',')}` : ''}`,
    );
    if (room.state.stageIndex === stage.bidding)
      room.do('fay', { type: 'presenter.order', personIds: ['ana', 'ben'] });
    room.do('fay', move.command);
  }
  return labels;
}

describe("the chair's next move", () => {
  it('walks a whole meeting, every presenter through every step, and never skips a stage', () => {
    const labels = walk(new Room().joinAll());
    expect(labels).toEqual([
      'meeting.next.start',
      'meeting.next.stage Check-in',
      'meeting.next.stage Report back',
      'meeting.next.stage Bidding for time',
      'meeting.next.stage Presentations',
      'meeting.next.presenter Ana',
      'meeting.next.step Clarifying questions',
      'meeting.next.step Open questioning',
      'meeting.next.step Reflection and reframing',
      'meeting.next.step Ways forward and actions',
      "meeting.next.step Presenter's feedback",
      'meeting.next.presenter Ben',
      'meeting.next.step Clarifying questions',
      'meeting.next.step Open questioning',
      'meeting.next.step Reflection and reframing',
      'meeting.next.step Ways forward and actions',
      "meeting.next.step Presenter's feedback",
      'meeting.next.endTurn Ben',
      'meeting.next.stage Process review',
      'meeting.next.stage Check-out',
      'meeting.next.end',
    ]);
  });

  it('offers a move the rules refuse when it cannot be made yet, so the room can say why', () => {
    const room = rooms.opening().do('fay', { type: 'stage.goto', index: stage.presentations });
    const move = nextMove(room.state);
    expect(move?.command).toEqual({ type: 'stage.goto', index: stage.processReview });
    const absent = rooms.bidsIn();
    absent.do('fay', { type: 'presenter.order', personIds: ['ana'] }).do('ana', { type: 'presence.leave' });
    absent.do('fay', { type: 'stage.goto', index: stage.presentations });
    const view = roomOf(absent.state, 'fay', () => {});
    const next = nextMove(absent.state)!;
    expect(view.verdict(next.command)).toEqual({
      ok: false,
      refusal: { code: 'presenterAbsent', params: { name: 'Ana' } },
    });
  });
});

describe('the room, seen by one person', () => {
  it('knows who runs it, who presents and who scribes', () => {
    const room = rooms.questioning();
    const fay = roomOf(room.state, 'fay', () => {});
    const ana = roomOf(room.state, 'ana', () => {});
    const cal = roomOf(room.state, 'cal', () => {});
    expect([fay.controls, ana.controls, cal.controls]).toEqual([true, false, false]);
    expect([ana.isPresenter, cal.isScribe]).toEqual([true, true]);
    expect(ana.can({ type: 'question.add', text: 'x' })).toBe(false);
    expect(cal.can({ type: 'question.add', text: 'x', askedBy: 'dee' })).toBe(true);
    expect(questionCounts(room.state).get('ben')).toBe(1);
  });
});

describe('what the announcer says', () => {
  const t = ((key: string, values?: Record<string, unknown>) =>
    `${key}${values ? ` ${JSON.stringify(values)}` : ''}`) as never;

  it('says when the stage, the step or the chair changes, and when a hand goes up, but not my own', () => {
    const room = rooms.questioning();
    const before = room.state;
    room.do('cal', { type: 'hand.raise' }).do('ben', { type: 'hand.raise' });
    expect(changesWorthSaying(before, room.state, 'ben', t)).toEqual([
      'meeting.announce.hand {"name":"Cal"}',
    ]);
    const step = room.state;
    room.do('fay', { type: 'presenter.goto', index: 0, step: 'reframing' });
    expect(changesWorthSaying(step, room.state, 'ana', t)).toEqual([
      'meeting.announce.yourStep {"step":"Reflection and reframing"}',
    ]);
  });

  it('says nothing when nothing worth hearing changed', () => {
    const room = rooms.opening();
    const before = room.state;
    room.do('ana', { type: 'checkin.say', text: 'Fine' });
    expect(changesWorthSaying(before, room.state, 'ben', t)).toEqual([]);
  });
});

describe('the question coach', () => {
  const adviceNudge = (text: string) => shouldHint(text, classifyQuestion(text).label, 'questioning');
  it('notices advice dressed as a question, and leaves open questions alone', () => {
    expect(adviceNudge('Have you thought of asking the board?')).toBe(true);
    expect(adviceNudge("Why don't you just resign?")).toBe(true);
    expect(adviceNudge('You should talk to HR')).toBe(true);
    expect(adviceNudge('What would success look like for you?')).toBe(false);
    expect(adviceNudge('What have you thought of so far?')).toBe(false);
  });
});

describe('unsent commands in local storage', () => {
  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k) => map.get(k) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (k) => void map.delete(k),
      setItem: (k, v) => void map.set(k, v),
    };
  }

  it('keeps them per person and meeting, and forgets them once sent', () => {
    const storage = memoryStorage();
    const ana = localPendingStore('ana', storage);
    ana.save('m1', [{ id: 'c1', command: { type: 'checkin.say', text: 'On the train' } }]);
    expect(localPendingStore('ana', storage).load('m1')).toHaveLength(1);
    expect(localPendingStore('ben', storage).load('m1')).toEqual([]);
    ana.save('m1', []);
    expect(storage.length).toBe(0);
  });

  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('revans:pending:ana:m1', '{not json');
    expect(localPendingStore('ana', storage).load('m1')).toEqual([]);
  });
});
