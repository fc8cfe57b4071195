import { randomUUID } from 'node:crypto';
import type { Series, SeriesInput } from '../../../contract/series.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { expandSeries } from '../../../domain/schedule/recurrence.ts';
import { planSeriesEdit } from '../../../domain/schedule/series-edit.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { agendaFor } from '../meetings/agenda.ts';
import { sendMeetingNotices } from '../notifications/mails.ts';
import { wakeNotifications } from '../notifications/scheduler.ts';
import { setResource } from '../resources.ts';
import { getSeries, insertMeeting, resolveDefinition, seriesRow } from './service.ts';

/**
 * Changes a series from a meeting still to come onwards: its time, zone, length, recurrence, last date
 * or place. Meetings before that day, and any already held or under way, are untouched. Each meeting still to come keeps its
 * calendar entry where it can (moved, SEQUENCE + 1, a change notice); meetings the new rule adds are
 * invited to, those it drops are cancelled. All in one transaction: a refused change changes nothing.
 */
export async function changeSeries(
  ctx: AppContext,
  actor: PersonActor,
  seriesId: string,
  input: SeriesInput,
): Promise<Series> {
  const row = await seriesRow(ctx, seriesId);
  const set = await setResource(ctx.db, row.setId);
  authorize(actor, 'meeting.schedule', set);
  if (row.status !== 'active') throw conflict('This series is cancelled, so it can no longer change.');
  const def = await resolveDefinition(ctx, set.programmeId, input);
  const now = ctx.now();
  const next = expandSeries(def);
  if (next[0]!.startsAt.getTime() <= now.getTime())
    throw new Problem('validation-failed', 'The change must start with a meeting still to come.', [
      { field: 'body.firstLocal', message: 'must be later than now' },
    ]);
  const nowIso = now.toISOString();
  // "From this meeting on": the series' meetings from the first new meeting's day, and not yet begun.
  const fromDay = localToUtc({ local: `${def.firstLocal.slice(0, 10)}T00:00`, timeZone: def.timeZone });
  const cutoff = new Date(Math.max(now.getTime(), fromDay.getTime())).toISOString();
  const details = { timeZone: input.timeZone, place: input.place, videoUrl: input.videoUrl };

  await transact(ctx, async (tx) => {
    const ahead = await tx.db
      .selectFrom('meeting')
      .select(['id', 'startsAt', 'endsAt', 'timeZone', 'place', 'videoUrl', 'status', 'sequence'])
      .where('seriesId', '=', seriesId)
      .where('startsAt', '>=', cutoff)
      .where('startsAt', '>', nowIso)
      .where('status', 'in', ['scheduled', 'cancelled'])
      .execute();
    const coming = ahead.filter((m) => m.status === 'scheduled');
    const plan = planSeriesEdit(coming, next, details);
    // The occurrences still ahead are redrawn from the new rule; those behind stay as they were.
    if (ahead.length)
      await tx.db
        .deleteFrom('seriesOccurrence')
        .where('seriesId', '=', seriesId)
        .where(
          'meetingId',
          'in',
          ahead.map((m) => m.id),
        )
        .execute();
    const behind = new Set(
      (
        await tx.db
          .selectFrom('seriesOccurrence')
          .select('occurrenceKey')
          .where('seriesId', '=', seriesId)
          .execute()
      ).map((o) => o.occurrenceKey),
    );
    const clash = next.find((o) => behind.has(o.key));
    if (clash)
      throw conflict(
        'A meeting already held was first planned for {{when}}; start the change at another time.',
        'body.firstLocal',
        { when: clash.key.replace('T', ' ') },
      );
    const sequenceOf = new Map(coming.map((m) => [m.id, m.sequence]));
    const occurrence = (occurrenceKey: string, meetingId: string) =>
      tx.db.insertInto('seriesOccurrence').values({ seriesId, occurrenceKey, meetingId });
    for (const k of plan.keep) await occurrence(k.key, k.meetingId).execute();
    for (const c of plan.change) {
      await tx.db
        .updateTable('meeting')
        .set({
          startsAt: c.startsAt.toISOString(),
          endsAt: c.endsAt.toISOString(),
          timeZone: details.timeZone,
          place: details.place,
          videoUrl: details.videoUrl,
          sequence: sequenceOf.get(c.meetingId)! + 1,
          updatedAt: nowIso,
        })
        .where('id', '=', c.meetingId)
        .execute();
      await occurrence(c.key, c.meetingId).execute();
    }
    const added: string[] = [];
    const agenda = plan.add.length ? await agendaFor(tx, row.setId) : '';
    for (const a of plan.add) {
      const id = randomUUID();
      added.push(id);
      await insertMeeting(tx, {
        id,
        setId: row.setId,
        seriesId,
        start: a.startsAt,
        end: a.endsAt,
        input: details,
        agenda,
        now,
      });
      await occurrence(a.key, id).execute();
    }
    for (const id of plan.cancel)
      await tx.db
        .updateTable('meeting')
        .set({ status: 'cancelled', sequence: sequenceOf.get(id)! + 1, updatedAt: nowIso })
        .where('id', '=', id)
        .execute();
    await tx.db
      .updateTable('meetingSeries')
      .set({
        timeZone: def.timeZone,
        firstLocal: def.firstLocal,
        durationMinutes: def.durationMinutes,
        rrule: def.rrule,
        untilDate: def.untilDate,
        place: details.place,
        videoUrl: details.videoUrl,
        exceptionsJson: JSON.stringify(def.exceptions),
        updatedAt: nowIso,
      })
      .where('id', '=', seriesId)
      .execute();
    await sendMeetingNotices(tx, [...plan.change.map((c) => c.meetingId), ...added, ...plan.cancel]);
    tx.afterCommit(() => {
      tx.mail.wake();
      wakeNotifications(tx);
    });
  });
  return getSeries(ctx, actor, seriesId);
}
