import type { Pattern } from './recurrence.ts';

/**
 * Changing a whole series from now on: which of its meetings still to come keep their time, which
 * move, which are added and which are cancelled. Pure: the caller passes the meetings still to come
 * and the occurrences of the new definition. A meeting at the same instant as a new occurrence stays
 * that meeting (so halving the interval adds meetings without moving any); the rest pair up in order,
 * so each keeps its calendar entry (UID) and members see a change, not a cancellation and a new event.
 */
export interface ComingMeeting {
  id: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string;
  videoUrl: string;
}

export interface NewOccurrence {
  key: string;
  startsAt: Date;
  endsAt: Date;
}

export interface SeriesEditPlan {
  /** Same time and details: nothing for members to hear. */
  keep: { meetingId: string; key: string }[];
  /** Moved or with other details: a change notice with a higher SEQUENCE. */
  change: { meetingId: string; key: string; startsAt: Date; endsAt: Date }[];
  add: NewOccurrence[];
  cancel: string[];
}

export function planSeriesEdit(
  coming: ComingMeeting[],
  next: NewOccurrence[],
  details: { timeZone: string; place: string; videoUrl: string },
): SeriesEditPlan {
  const plan: SeriesEditPlan = { keep: [], change: [], add: [], cancel: [] };
  const same = (m: ComingMeeting, o: NewOccurrence) =>
    Date.parse(m.endsAt) === o.endsAt.getTime() &&
    m.timeZone === details.timeZone &&
    m.place === details.place &&
    m.videoUrl === details.videoUrl;
  const byStart = new Map(coming.map((m) => [Date.parse(m.startsAt), m]));
  const matched = new Map<NewOccurrence, ComingMeeting>();
  for (const o of next) {
    const m = byStart.get(o.startsAt.getTime());
    if (m) {
      matched.set(o, m);
      byStart.delete(o.startsAt.getTime());
    }
  }
  const rest = coming
    .filter((m) => byStart.has(Date.parse(m.startsAt)))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const o of next) {
    const m = matched.get(o) ?? rest.shift();
    if (!m) plan.add.push(o);
    else if (matched.has(o) && same(m, o)) plan.keep.push({ meetingId: m.id, key: o.key });
    else plan.change.push({ meetingId: m.id, key: o.key, startsAt: o.startsAt, endsAt: o.endsAt });
  }
  plan.cancel = rest.map((m) => m.id);
  return plan;
}

/** The pattern an RRULE Revans wrote stands for, to offer it back in a form; null for other rules. */
export function rruleToPattern(rrule: string): Pattern | null {
  const parts = new Map(
    rrule
      .replace(/^RRULE:/, '')
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const interval = Number(parts.get('INTERVAL') ?? '1');
  if (!Number.isInteger(interval) || interval < 1 || interval > 12) return null;
  if (parts.get('FREQ') === 'WEEKLY' && /^(MO|TU|WE|TH|FR|SA|SU)$/.test(parts.get('BYDAY') ?? ''))
    return { frequency: 'weekly', interval };
  if (parts.get('FREQ') === 'MONTHLY' && /^-?\d(MO|TU|WE|TH|FR|SA|SU)$/.test(parts.get('BYDAY') ?? ''))
    return { frequency: 'monthly-weekday', interval };
  if (parts.get('FREQ') === 'MONTHLY' && /^\d{1,2}$/.test(parts.get('BYMONTHDAY') ?? ''))
    return { frequency: 'monthly-date', interval };
  return null;
}
