import { dueReminders } from '../../../domain/schedule/reminders.ts';
import { formatRelative } from '../../../domain/time/format.ts';
import type { AppContext } from '../../context.ts';
import { transact } from '../../transact.ts';
import { loadCalendarMeetings } from '../calendar/ics.ts';
import { eraseExpiredContent } from '../closing/retention.ts';
import { dueReviewReminders } from '../feedback/reviews.ts';
import { compactEndedMeetings, pruneOutbox } from '../meetings/compaction.ts';
import { workshopReminders } from '../workshops/reminders.ts';
import {
  claimLedger,
  meetingDetails,
  queueNotice,
  sendMeetingNotices,
  setRecipients,
  shortDate,
} from './mails.ts';
import { loadPreferences, reminderPreferences } from './preferences.ts';

/** Notices about meetings changed within this window are (re)checked on each tick. */
const noticeWindowMs = 7 * 24 * 3_600_000;
/** Reminders are looked for this far ahead (the largest reminder offset a person may choose is 14 days). */
const reminderHorizonMs = 15 * 24 * 3_600_000;

/**
 * Scheduled work without a jobs queue: each tick computes what is due from the meetings themselves and
 * claims each mail in a "sent" ledger (a unique key, inserted in the same transaction as the mail), so with
 * several processes on one database every notice and reminder is queued exactly once.
 */
export class NotificationScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    private readonly ctx: AppContext,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  wake(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error) => this.ctx.logger.error({ err: error }, 'notification round failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  /** One round: notices for new, changed and cancelled meetings, then due reminders. */
  async tick(): Promise<{ notices: number; reminders: number }> {
    const notices = await this.meetingNotices();
    const reminders =
      (await this.reminders()) + (await workshopReminders(this.ctx)) + (await dueReviewReminders(this.ctx));
    // Closed programmes whose retention has run out lose their set content (figures stay).
    await eraseExpiredContent(this.ctx);
    // Growth: ended meetings' live logs shrink to what their records need; old sent mail goes.
    await compactEndedMeetings(this.ctx);
    await pruneOutbox(this.ctx);
    if (notices + reminders > 0) this.ctx.mail.wake();
    return { notices, reminders };
  }

  private async meetingNotices(): Promise<number> {
    const now = this.ctx.now();
    const rows = await this.ctx.db
      .selectFrom('meeting')
      .select('id')
      .where('status', 'in', ['scheduled', 'cancelled'])
      .where('startsAt', '>', now.toISOString())
      .where('updatedAt', '>=', new Date(now.getTime() - noticeWindowMs).toISOString())
      .execute();
    let queued = 0;
    for (const row of rows) {
      queued += await transact(this.ctx, (tx) => sendMeetingNotices(tx, [row.id]));
    }
    return queued;
  }

  private async reminders(): Promise<number> {
    const db = this.ctx.db;
    const now = this.ctx.now();
    const meetings = await db
      .selectFrom('meeting')
      .select(['id', 'setId', 'startsAt', 'updatedAt'])
      .where('status', '=', 'scheduled')
      .where('startsAt', '>', now.toISOString())
      .where('startsAt', '<=', new Date(now.getTime() + reminderHorizonMs).toISOString())
      .execute();
    if (!meetings.length) return 0;
    const recipients = await setRecipients(db, [...new Set(meetings.map((m) => m.setId))]);
    const prefs = await loadPreferences(
      db,
      [...recipients.values()].flat().map((r) => r.personId),
    );
    const apologies = await db
      .selectFrom('meetingAttendance')
      .select(['meetingId', 'personId'])
      .where(
        'meetingId',
        'in',
        meetings.map((m) => m.id),
      )
      .where('status', '=', 'apologies')
      .execute();
    const away = new Set(apologies.map((a) => `${a.meetingId}:${a.personId}`));
    let queued = 0;
    for (const meeting of meetings) {
      const people = (recipients.get(meeting.setId) ?? []).filter(
        (p) => !away.has(`${meeting.id}:${p.personId}`),
      );
      const due = dueReminders(
        now,
        { meetingId: meeting.id, startsAt: meeting.startsAt, scheduledAt: meeting.updatedAt },
        people.map((p) => ({
          personId: p.personId,
          preferences: reminderPreferences(prefs.get(p.personId)!),
        })),
      );
      if (!due.length) continue;
      const [calendarMeeting] = await loadCalendarMeetings(db, { meetingIds: [meeting.id] });
      for (const d of due) {
        const to = people.find((p) => p.personId === d.personId)!;
        const openActions =
          d.kind === 'actions'
            ? await db
                .selectFrom('action')
                .select(['text', 'dueOn'])
                .where('setId', '=', meeting.setId)
                .where('ownerId', '=', to.personId)
                .where('status', '=', 'open')
                .orderBy('createdAt')
                .execute()
            : [];
        if (d.kind === 'actions' && openActions.length === 0) continue;
        const sent = await transact(this.ctx, async (tx) => {
          const key = `${d.kind}:${d.meetingId}:${d.personId}:${d.offsetMinutes}:${d.startsAt}`;
          if (
            !(await claimLedger(
              tx.db,
              { key, personId: d.personId, meetingId: d.meetingId, kind: d.kind },
              now,
            ))
          )
            return false;
          const m = calendarMeeting!;
          const when = formatRelative(calendarMeeting!.startsAt, now, to);
          return queueNotice(tx, to, prefs.get(to.personId)!, {
            preference: d.kind === 'actions' ? 'actions' : 'reminders',
            template: d.kind === 'actions' ? 'actionsNudge' : 'reminder',
            vars: {
              setName: m.setName,
              when,
              date: shortDate(m.startsAt, to),
              count: String(openActions.length),
            },
            details:
              d.kind === 'actions'
                ? openActions.map((a) => ({
                    // A member's action is set content: only its owner, the recipient, reads it.
                    setContent: a.dueOn
                      ? this.ctx.i18n.getFixedT(to.language, 'mail')('schedule.actionDue', {
                          text: a.text,
                          date: a.dueOn,
                        })
                      : a.text,
                  }))
                : meetingDetails(this.ctx, to, m),
            actionPath: d.kind === 'actions' ? '/upcoming#actions' : '/upcoming',
          });
        });
        if (sent) queued++;
      }
    }
    return queued;
  }
}

/**
 * The scheduler of each context, found by its store: a transaction's context (see `transact`) is a
 * copy of the one it came from and shares its store, so a wake-up after a commit finds it too.
 */
const schedulers = new WeakMap<AppContext['store'], NotificationScheduler>();

export function startNotificationScheduler(ctx: AppContext, intervalMs: number): NotificationScheduler {
  const scheduler = new NotificationScheduler(ctx, intervalMs);
  schedulers.set(ctx.store, scheduler);
  scheduler.start();
  return scheduler;
}

export async function stopNotificationScheduler(ctx: AppContext): Promise<void> {
  await schedulers.get(ctx.store)?.stop();
}

/** Called after a change that should reach people soon; a no-op where no scheduler runs. */
export function wakeNotifications(ctx: AppContext): void {
  schedulers.get(ctx.store)?.wake();
}
