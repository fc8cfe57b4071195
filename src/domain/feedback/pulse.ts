/**
 * The pulse after a meeting: how useful it was and how safe it felt to speak, each 1-5, and an optional
 * comment. Anonymous to everyone; aggregated per meeting, per set and per programme under the K rule.
 */
import { aggregateScale, type ScaleAggregate } from './k-rule.ts';

export interface PulseAnswer {
  useful: number;
  safe: number;
}

export interface PulseSummary {
  count: number;
  useful: ScaleAggregate;
  safe: ScaleAggregate;
}

export function summarisePulses(answers: readonly PulseAnswer[], k: number): PulseSummary {
  return {
    count: answers.length,
    useful: aggregateScale(
      answers.map((a) => a.useful),
      k,
    ),
    safe: aggregateScale(
      answers.map((a) => a.safe),
      k,
    ),
  };
}

/** A pulse with the time it belongs to (its meeting's start) and a key to group by. */
export interface DatedPulse extends PulseAnswer {
  /** ISO instant of the meeting's start. */
  at: string;
}

export interface TrendPoint {
  /** The period: a month such as 2027-03 for a programme, a meeting's id for a set. */
  key: string;
  /** The earliest meeting start in the period. */
  from: string;
  summary: PulseSummary;
}

/**
 * Pulses over time, one point per month (by the meeting's start, UTC), each K-ruled on its own: a month
 * with fewer than K answers shows no figures, and that is said, not hidden.
 */
export function monthlyTrend(pulses: readonly DatedPulse[], k: number): TrendPoint[] {
  const byMonth = new Map<string, DatedPulse[]>();
  for (const p of pulses) {
    const key = p.at.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), p]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => ({
      key,
      from: list.map((p) => p.at).sort()[0]!,
      summary: summarisePulses(list, k),
    }));
}

/** Pulses per meeting, earliest first, each K-ruled. */
export function meetingTrend(
  meetings: readonly { meetingId: string; startsAt: string; pulses: readonly PulseAnswer[] }[],
  k: number,
): TrendPoint[] {
  return [...meetings]
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((m) => ({ key: m.meetingId, from: m.startsAt, summary: summarisePulses(m.pulses, k) }));
}

/** A meeting can be given a pulse once it is over: ended in the room, or past its end and not cancelled. */
export function pulseOpen(
  meeting: { status: 'scheduled' | 'live' | 'ended' | 'cancelled'; endsAt: string },
  now: Date,
): boolean {
  if (meeting.status === 'cancelled') return false;
  if (meeting.status === 'ended') return true;
  return new Date(meeting.endsAt).getTime() <= now.getTime();
}
