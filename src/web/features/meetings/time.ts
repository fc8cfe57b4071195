/** Meeting helpers; how a meeting's time reads is useTimeFormat() (src/web/app/time.ts), one rule everywhere. */
import type { Meeting } from '../../../contract/meetings.ts';

export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whole minutes, at least 0, for airtime and durations. */
export const wholeMinutes = (ms: number) => Math.max(0, Math.round(ms / 60_000));

/** "12 minutes", or "under a minute" rather than "0 minutes" for a short but real stretch. */
export function minutesText(
  t: (key: string, values?: Record<string, unknown>) => string,
  ms: number,
  keys: { minutes: string; under: string },
): string {
  return ms > 0 && wholeMinutes(ms) === 0 ? t(keys.under) : t(keys.minutes, { count: wholeMinutes(ms) });
}

/** Upcoming: not yet over and not cancelled or ended; everything else is past. */
export function isUpcoming(meeting: Pick<Meeting, 'status' | 'endsAt'>, nowMs = Date.now()): boolean {
  if (meeting.status === 'live') return true;
  if (meeting.status === 'ended' || meeting.status === 'cancelled') return false;
  return Date.parse(meeting.endsAt) >= nowMs;
}
