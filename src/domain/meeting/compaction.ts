/**
 * Compacting an ended meeting's live event log: the room's moment-to-moment traffic (presence, hands,
 * timers, steps back and forth) has no use once the meeting is over, but the meeting record, the set's
 * turn history and the coach's figures are all replayed from the log. So events are dropped by kind, one
 * kind at a time, and a kind is dropped only if the log without it replays to the same durable state
 * and to the same record for every participant. What is kept is kept as it was (same seq, same texts),
 * so erasure and export work on the compacted log unchanged.
 */
import { meetingRecordFor } from './record.ts';
import { replay } from './reducer.ts';
import type { MeetingEvent, MeetingSetup, MeetingState } from './types.ts';

/** What the record, the turn history and the coach read of a held meeting: never the room's now. */
export function durableState(state: MeetingState) {
  const {
    lastSeq: _lastSeq,
    present: _present,
    hands: _hands,
    timer: _timer,
    chairId: _chairId,
    scribeId: _scribeId,
    groundRulesShown: _groundRulesShown,
    stageIndex: _stageIndex,
    presenterIndex: _presenterIndex,
    step: _step,
    ...durable
  } = state;
  return durable;
}

/** The durable state and every participant's record, as one comparable string. */
export function recordFingerprint(setup: MeetingSetup, events: readonly MeetingEvent[]): string {
  const state = replay(setup, events);
  const people = [...new Set([...setup.participants.map((p) => p.personId), ...setup.facilitatorIds])];
  return JSON.stringify({
    state: durableState(state),
    records: people.map((id) => meetingRecordFor(setup, state, id)),
  });
}

export interface Compaction {
  /** The events to keep, in log order. */
  keep: MeetingEvent[];
  /** The seqs of the events to drop. */
  drop: number[];
}

/**
 * Greedy by kind, most frequent first: drop a kind if what remains still replays to the same record.
 * Then, for presence, keep only each person's first arrival if that alone still gives the same record.
 */
export function compactLog(setup: MeetingSetup, events: readonly MeetingEvent[]): Compaction {
  if (events.length === 0) return { keep: [], drop: [] };
  const target = recordFingerprint(setup, events);
  let keep = [...events];
  const same = (candidate: MeetingEvent[]) => recordFingerprint(setup, candidate) === target;

  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.command.type, (counts.get(e.command.type) ?? 0) + 1);
  const kinds = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([kind]) => kind);
  for (const kind of kinds) {
    const trial = keep.filter((e) => e.command.type !== kind);
    if (trial.length < keep.length && same(trial)) keep = trial;
  }

  // Comings and goings: attendance needs each person's first arrival; the rest is the room's now.
  const arrived = new Set<string>();
  const trial = keep.filter((e) => {
    if (e.command.type === 'presence.leave') return false;
    if (e.command.type !== 'presence.join') return true;
    if (arrived.has(e.actorId)) return false;
    arrived.add(e.actorId);
    return true;
  });
  if (trial.length < keep.length && same(trial)) keep = trial;

  const kept = new Set(keep.map((e) => e.seq));
  return { keep, drop: events.filter((e) => !kept.has(e.seq)).map((e) => e.seq) };
}
