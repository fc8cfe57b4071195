/**
 * When reminders fall due. Pure: the caller passes the clock, the meetings and each person's choices;
 * a "sent" ledger in the store makes each due reminder go out once.
 */
export type ReminderKind = 'reminder' | 'actions';

export interface ReminderPreferences {
  /** Minutes before a meeting at which to remind; default two days and two hours. */
  reminderOffsets: number[];
  reminders: boolean;
  actionsNudge: boolean;
  /** Minutes before a meeting at which to send the open-actions nudge. */
  actionsNudgeOffset: number;
}

export const defaultReminderOffsets = [2 * 24 * 60, 2 * 60];
export const defaultActionsNudgeOffset = 3 * 24 * 60;

export interface UpcomingMeeting {
  meetingId: string;
  startsAt: string;
  /** When the meeting got its current time (created or last moved); reminders due before then are not sent. */
  scheduledAt: string;
}

export interface DueReminder {
  meetingId: string;
  personId: string;
  kind: ReminderKind;
  offsetMinutes: number;
  /** The meeting start this reminder is for: moving a meeting makes its reminders due again. */
  startsAt: string;
}

/**
 * Reminders due at `now`: the offset has passed, the meeting has not started, and the reminder did not
 * fall due before the meeting got its time (so a meeting planned tomorrow gets no "in two days" mail).
 * Of several overdue offsets only the latest-due (closest to the meeting) is sent.
 */
export function dueReminders(
  now: Date,
  meeting: UpcomingMeeting,
  people: readonly { personId: string; preferences: ReminderPreferences }[],
): DueReminder[] {
  const start = Date.parse(meeting.startsAt);
  const scheduled = Date.parse(meeting.scheduledAt);
  const t = now.getTime();
  if (t >= start) return [];
  const due: DueReminder[] = [];
  for (const { personId, preferences } of people) {
    const candidates: { kind: ReminderKind; offset: number }[] = [];
    if (preferences.reminders) {
      const passed = preferences.reminderOffsets
        .filter((o) => start - o * 60_000 <= t && start - o * 60_000 >= scheduled)
        .sort((a, b) => a - b);
      if (passed[0] !== undefined) candidates.push({ kind: 'reminder', offset: passed[0] });
    }
    if (preferences.actionsNudge) {
      const at = start - preferences.actionsNudgeOffset * 60_000;
      if (at <= t && at >= scheduled)
        candidates.push({ kind: 'actions', offset: preferences.actionsNudgeOffset });
    }
    for (const c of candidates)
      due.push({
        meetingId: meeting.meetingId,
        personId,
        kind: c.kind,
        offsetMinutes: c.offset,
        startsAt: meeting.startsAt,
      });
  }
  return due;
}
