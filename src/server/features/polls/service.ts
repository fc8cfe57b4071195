import { randomUUID } from 'node:crypto';
import type { PersonActor, ProgrammeResource, SetResource } from '../../../domain/access.ts';
import { formatMeetingTime, localIn } from '../../../domain/schedule/format.ts';
import { bestOption, type PollAnswer, tallyPoll } from '../../../domain/schedule/polls.ts';
import type { Pattern } from '../../../domain/schedule/recurrence.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { PollTable } from '../../store/schema.ts';
import { scheduleMeeting } from '../meetings/service.ts';
import { queueNotice, type Recipient, setRecipients } from '../notifications/mails.ts';
import { loadPreferences } from '../notifications/preferences.ts';
import { wakeNotifications } from '../notifications/scheduler.ts';
import { eventAnnouncement } from '../programme-events/notices.ts';
import { loadCalendarEvents, programmeRecipients } from '../programme-events/queries.ts';
import { insertPollEvent } from '../programme-events/service.ts';
import { programmeResource, setResource } from '../resources.ts';
import { createSeries } from '../series/service.ts';

export interface PollInput {
  title: string;
  purpose: 'slot' | 'date';
  timeZone: string;
  durationMinutes: number;
  options: string[];
  pattern?: Pattern | undefined;
  untilDate?: string | undefined;
  place: string;
  videoUrl: string;
}

/** What confirming made: a set's series or meeting, or a programme event. */
type PollResult = { seriesId?: string; meetingId?: string; programmeEventId?: string };

type Scope = { kind: 'set'; set: SetResource } | { kind: 'programme'; programme: ProgrammeResource };

async function scopeOf(ctx: AppContext, poll: Pick<PollTable, 'set_id' | 'programme_id'>): Promise<Scope> {
  return poll.set_id
    ? { kind: 'set', set: await setResource(ctx.store.plain, poll.set_id) }
    : { kind: 'programme', programme: await programmeResource(ctx.store.plain, poll.programme_id) };
}

function authorizeScope(actor: PersonActor, scope: Scope, what: 'run' | 'answer' | 'read') {
  if (scope.kind === 'set') {
    authorize(
      actor,
      what === 'run' ? 'meeting.runPoll' : what === 'answer' ? 'meeting.answerPoll' : 'meeting.readSchedule',
      scope.set,
    );
  } else {
    authorize(actor, what === 'run' ? 'programme.runPoll' : 'programme.answerPoll', scope.programme);
  }
}

/** Who is asked: the set, or every member of every set in the programme. */
async function participants(
  ctx: AppContext,
  poll: Pick<PollTable, 'set_id' | 'programme_id'>,
): Promise<Recipient[]> {
  if (poll.set_id) return (await setRecipients(ctx.store.plain, [poll.set_id])).get(poll.set_id) ?? [];
  return programmeRecipients(ctx.store.plain, poll.programme_id);
}

export async function createPoll(
  ctx: AppContext,
  actor: PersonActor,
  target: { setId: string } | { programmeId: string },
  input: PollInput,
) {
  const scope: Scope =
    'setId' in target
      ? { kind: 'set', set: await setResource(ctx.store.plain, target.setId) }
      : { kind: 'programme', programme: await programmeResource(ctx.store.plain, target.programmeId) };
  authorizeScope(actor, scope, 'run');
  if (input.purpose === 'slot' && (scope.kind !== 'set' || !input.pattern))
    throw new Problem(
      'validation-failed',
      "A poll for a set's regular slot needs a set and a recurrence pattern.",
      [{ field: 'body.pattern', message: 'is needed for a regular slot' }],
    );
  const unique = [...new Set(input.options)].sort();
  if (unique.length !== input.options.length)
    throw new Problem('validation-failed', 'Two options are the same time.', [
      { field: 'body.options', message: 'must all be different' },
    ]);
  const programmeId = scope.kind === 'set' ? scope.set.programmeId : scope.programme.programmeId;
  const hostId = scope.kind === 'set' ? scope.set.hostId : scope.programme.hostId;
  const id = randomUUID();
  const now = ctx.now();
  const poll = {
    id,
    host_id: hostId,
    programme_id: programmeId,
    set_id: scope.kind === 'set' ? scope.set.setId : null,
    title: input.title,
    purpose: input.purpose,
    time_zone: input.timeZone,
    duration_minutes: input.durationMinutes,
    pattern_json: input.pattern ? JSON.stringify(input.pattern) : null,
    until_date: input.untilDate ?? null,
    place: input.place,
    video_url: input.videoUrl,
    status: 'open' as const,
    confirmed_option_id: null,
    result_json: null,
    created_by: actor.personId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  const options = unique.map((local, position) => {
    const start = localToUtc({ local, timeZone: input.timeZone });
    return {
      id: randomUUID(),
      poll_id: id,
      local_start: local,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + input.durationMinutes * 60_000).toISOString(),
      position,
    };
  });
  const people = await participants(ctx, poll);
  const prefs = await loadPreferences(
    ctx.store.plain,
    people.map((p) => p.personId),
  );
  const organiser = await ctx.store.plain
    .selectFrom('person')
    .select('name')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  await ctx.store.plain.transaction().execute(async (trx) => {
    await trx.insertInto('poll').values(poll).execute();
    await trx.insertInto('poll_option').values(options).execute();
    for (const to of people) {
      await queueNotice(ctx, trx, to, prefs.get(to.personId)!, {
        preference: 'polls',
        template: 'pollInvitation',
        vars: { title: input.title, organiser: organiser.name },
        details: options.map((o) => formatMeetingTime(o.starts_at, o.ends_at, to.timeZone)),
        actionPath: `/polls/${id}`,
      });
    }
  });
  ctx.mail.wake();
  return getPoll(ctx, actor, id);
}

async function pollRow(ctx: AppContext, pollId: string): Promise<PollTable> {
  const row = await ctx.store.plain
    .selectFrom('poll')
    .selectAll()
    .where('id', '=', pollId)
    .executeTakeFirst();
  if (!row) throw notFound('poll');
  return row;
}

export async function getPoll(ctx: AppContext, actor: PersonActor, pollId: string) {
  const poll = await pollRow(ctx, pollId);
  const scope = await scopeOf(ctx, poll);
  authorizeScope(actor, scope, 'read');
  const db = ctx.store.plain;
  const [options, answers, people, viewer] = await Promise.all([
    db.selectFrom('poll_option').selectAll().where('poll_id', '=', pollId).orderBy('position').execute(),
    db.selectFrom('poll_answer').selectAll().where('poll_id', '=', pollId).execute(),
    participants(ctx, poll),
    db.selectFrom('person').select('time_zone').where('id', '=', actor.personId).executeTakeFirstOrThrow(),
  ]);
  const participantIds = new Set(people.map((p) => p.personId));
  const counted = answers
    .filter((a) => participantIds.has(a.person_id))
    .map((a) => ({ optionId: a.option_id, personId: a.person_id, answer: a.answer }));
  const tallies = tallyPoll(
    options.map((o) => o.id),
    counted,
    people.length,
  );
  const canRun = canScope(actor, scope, 'run');
  const canAnswer = canScope(actor, scope, 'answer') && participantIds.has(actor.personId);
  return {
    id: poll.id,
    title: poll.title,
    purpose: poll.purpose,
    setId: poll.set_id,
    programmeId: poll.programme_id,
    timeZone: poll.time_zone,
    viewerTimeZone: viewer.time_zone,
    durationMinutes: poll.duration_minutes,
    pattern: poll.pattern_json ? (JSON.parse(poll.pattern_json) as Pattern) : null,
    untilDate: poll.until_date,
    place: poll.place,
    videoUrl: poll.video_url,
    status: poll.status,
    confirmedOptionId: poll.confirmed_option_id,
    result: poll.result_json ? (JSON.parse(poll.result_json) as PollResult) : null,
    participantCount: people.length,
    respondentCount: new Set(counted.map((a) => a.personId)).size,
    suggestedOptionId: bestOption(tallies),
    options: options.map((o, i) => ({
      id: o.id,
      startsAt: o.starts_at,
      endsAt: o.ends_at,
      localStart: o.local_start,
      viewerLocalStart: localIn(o.starts_at, viewer.time_zone),
      viewerLocalEnd: localIn(o.ends_at, viewer.time_zone),
      ...tallies[i]!,
    })),
    myAnswers: Object.fromEntries(
      answers.filter((a) => a.person_id === actor.personId).map((a) => [a.option_id, a.answer]),
    ) as Record<string, PollAnswer>,
    abilities: { answer: canAnswer && poll.status === 'open', confirm: canRun && poll.status === 'open' },
  };
}

function canScope(actor: PersonActor, scope: Scope, what: 'run' | 'answer'): boolean {
  try {
    authorizeScope(actor, scope, what);
    return true;
  } catch {
    return false;
  }
}

export async function listPolls(
  ctx: AppContext,
  actor: PersonActor,
  target: { setId: string } | { programmeId: string },
) {
  let query = ctx.store.plain.selectFrom('poll').select('id').orderBy('created_at', 'desc');
  if ('setId' in target) {
    authorize(actor, 'meeting.readSchedule', await setResource(ctx.store.plain, target.setId));
    query = query.where('set_id', '=', target.setId);
  } else {
    authorize(actor, 'programme.answerPoll', await programmeResource(ctx.store.plain, target.programmeId));
    query = query.where('programme_id', '=', target.programmeId).where('set_id', 'is', null);
  }
  const rows = await query.execute();
  return Promise.all(rows.map((r) => getPoll(ctx, actor, r.id)));
}

/** A member's answers, each option yes / if need be / no; answering again replaces earlier answers. */
export async function answerPoll(
  ctx: AppContext,
  actor: PersonActor,
  pollId: string,
  answers: { optionId: string; answer: PollAnswer }[],
) {
  const poll = await pollRow(ctx, pollId);
  authorizeScope(actor, await scopeOf(ctx, poll), 'answer');
  if (poll.status !== 'open') throw conflict('This poll is closed: the time has been decided.');
  const options = new Set(
    (
      await ctx.store.plain.selectFrom('poll_option').select('id').where('poll_id', '=', pollId).execute()
    ).map((o) => o.id),
  );
  const unknown = answers.filter((a) => !options.has(a.optionId));
  if (unknown.length)
    throw new Problem('validation-failed', 'Some answers are for options this poll does not have.', [
      { field: 'body.answers', message: 'must be for this poll’s options' },
    ]);
  const now = ctx.now().toISOString();
  await ctx.store.plain.transaction().execute(async (trx) => {
    for (const a of answers) {
      await trx
        .deleteFrom('poll_answer')
        .where('option_id', '=', a.optionId)
        .where('person_id', '=', actor.personId)
        .execute();
      await trx
        .insertInto('poll_answer')
        .values({
          poll_id: pollId,
          option_id: a.optionId,
          person_id: actor.personId,
          answer: a.answer,
          updated_at: now,
        })
        .execute();
    }
  });
  return getPoll(ctx, actor, pollId);
}

const reopen = (ctx: AppContext, pollId: string) =>
  ctx.store.plain
    .updateTable('poll')
    .set({ status: 'open', confirmed_option_id: null })
    .where('id', '=', pollId)
    .execute();

/**
 * The organiser confirms an option: a set's slot becomes its series over the programme, a one-off date
 * becomes a meeting, a programme-wide date becomes a programme event. Everyone asked hears the result
 * (for a programme event, with its .ics, in the same transaction that creates it).
 */
export async function confirmPoll(ctx: AppContext, actor: PersonActor, pollId: string, optionId: string) {
  const poll = await pollRow(ctx, pollId);
  authorizeScope(actor, await scopeOf(ctx, poll), 'run');
  const option = await ctx.store.plain
    .selectFrom('poll_option')
    .selectAll()
    .where('id', '=', optionId)
    .where('poll_id', '=', pollId)
    .executeTakeFirst();
  if (!option) throw new Problem('not-found', 'This poll has no such option.');
  const claimed = await ctx.store.plain
    .updateTable('poll')
    .set({ status: 'confirmed', confirmed_option_id: optionId, updated_at: ctx.now().toISOString() })
    .where('id', '=', pollId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw conflict('This poll is already decided.');
  let result: PollResult = {};
  try {
    const common = {
      timeZone: poll.time_zone,
      durationMinutes: poll.duration_minutes,
      place: poll.place,
      videoUrl: poll.video_url,
    };
    if (poll.set_id && poll.purpose === 'slot') {
      const series = await createSeries(ctx, actor, poll.set_id, {
        ...common,
        firstLocal: option.local_start,
        pattern: JSON.parse(poll.pattern_json!) as Pattern,
        untilDate: poll.until_date ?? undefined,
      });
      result = { seriesId: series.id };
    } else if (poll.set_id) {
      const meeting = await scheduleMeeting(ctx, actor, poll.set_id, {
        ...common,
        localStart: option.local_start,
      });
      result = { meetingId: meeting.id };
    }
  } catch (error) {
    await reopen(ctx, pollId);
    throw error;
  }
  const people = await participants(ctx, poll);
  const prefs = await loadPreferences(
    ctx.store.plain,
    people.map((p) => p.personId),
  );
  const announce = ctx.store.plain.transaction().execute(async (trx) => {
    if (!poll.set_id) result = { programmeEventId: await insertPollEvent(ctx, trx, actor, poll, option) };
    const [event] = await loadCalendarEvents(trx, {
      eventIds: result.programmeEventId ? [result.programmeEventId] : [],
    });
    await trx
      .updateTable('poll')
      .set({ result_json: JSON.stringify(result) })
      .where('id', '=', pollId)
      .execute();
    for (const to of people) {
      const announced = event ? await eventAnnouncement(ctx, trx, event, to) : undefined;
      if (announced === null) continue;
      await queueNotice(ctx, trx, to, prefs.get(to.personId)!, {
        preference: 'polls',
        template: 'pollConfirmed',
        vars: { title: poll.title },
        details: announced?.details ?? [formatMeetingTime(option.starts_at, option.ends_at, to.timeZone)],
        actionPath: '/upcoming',
        ...(announced ? { attachments: announced.attachments } : {}),
      });
    }
  });
  // A programme event is made in that transaction: if it fails, nothing was made and the poll reopens.
  await announce.catch(async (error) => {
    if (!poll.set_id) await reopen(ctx, pollId);
    throw error;
  });
  ctx.mail.wake();
  wakeNotifications(ctx);
  return getPoll(ctx, actor, pollId);
}
