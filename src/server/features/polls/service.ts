import { randomUUID } from 'node:crypto';
import type { Poll, PollInput, PollResult } from '../../../contract/polls.ts';
import type { PersonActor, ProgrammeResource, SetResource } from '../../../domain/access.ts';
import { formatMeetingTime, localIn } from '../../../domain/schedule/format.ts';
import { bestOption, type PollAnswer, tallyPoll } from '../../../domain/schedule/polls.ts';
import type { Pattern } from '../../../domain/schedule/recurrence.ts';
import { localToUtc } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { scheduleMeeting } from '../meetings/service.ts';
import { queueNotice, type Recipient, setRecipients } from '../notifications/mails.ts';
import { loadPreferences } from '../notifications/preferences.ts';
import { wakeNotifications } from '../notifications/scheduler.ts';
import { eventAnnouncement } from '../programme-events/notices.ts';
import { loadCalendarEvents, programmeRecipients } from '../programme-events/queries.ts';
import { insertPollEvent, viewerZone } from '../programme-events/service.ts';
import { programmeResource, setResource } from '../resources.ts';
import { createSeries } from '../series/service.ts';

type PollRow = DB['poll'];

type Scope = { kind: 'set'; set: SetResource } | { kind: 'programme'; programme: ProgrammeResource };

async function scopeOf(ctx: AppContext, poll: Pick<PollRow, 'setId' | 'programmeId'>): Promise<Scope> {
  return poll.setId
    ? { kind: 'set', set: await setResource(ctx.db, poll.setId) }
    : { kind: 'programme', programme: await programmeResource(ctx.db, poll.programmeId) };
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
  poll: Pick<PollRow, 'setId' | 'programmeId'>,
): Promise<Recipient[]> {
  if (poll.setId) return (await setRecipients(ctx.db, [poll.setId])).get(poll.setId) ?? [];
  return programmeRecipients(ctx.db, poll.programmeId);
}

/** Whether this person is a member (not the facilitator) of the poll's set, or of a set in its programme. */
async function isMemberIn(
  ctx: AppContext,
  personId: string,
  poll: Pick<PollRow, 'setId' | 'programmeId'>,
): Promise<boolean> {
  let query = ctx.db
    .selectFrom('setMembership')
    .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
    .select('setMembership.personId')
    .where('setMembership.personId', '=', personId)
    .where('setMembership.role', '=', 'member');
  query = poll.setId
    ? query.where('setMembership.setId', '=', poll.setId)
    : query
        .where('learningSet.programmeId', '=', poll.programmeId)
        .where('learningSet.archivedAt', 'is', null);
  return Boolean(await query.executeTakeFirst());
}

export async function createPoll(
  ctx: AppContext,
  actor: PersonActor,
  target: { setId: string } | { programmeId: string },
  input: PollInput,
): Promise<Poll> {
  const scope: Scope =
    'setId' in target
      ? { kind: 'set', set: await setResource(ctx.db, target.setId) }
      : { kind: 'programme', programme: await programmeResource(ctx.db, target.programmeId) };
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
  const poll: PollRow = {
    id,
    hostId,
    programmeId,
    setId: scope.kind === 'set' ? scope.set.setId : null,
    title: input.title,
    purpose: input.purpose,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes,
    patternJson: input.pattern ? JSON.stringify(input.pattern) : null,
    untilDate: input.untilDate ?? null,
    place: input.place,
    videoUrl: input.videoUrl,
    status: 'open',
    confirmedOptionId: null,
    resultJson: null,
    createdBy: actor.personId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const options = unique.map((local, position) => {
    const start = localToUtc({ local, timeZone: input.timeZone });
    return {
      id: randomUUID(),
      pollId: id,
      localStart: local,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + input.durationMinutes * 60_000).toISOString(),
      position,
    };
  });
  await transact(ctx, async (tx) => {
    // Whoever runs the poll already knows of it: they are asked only if they answer it as a member
    // (a self-facilitated set), never as its facilitator or as a coordinator.
    const runnerVotes = await isMemberIn(tx, actor.personId, poll);
    const people = (await participants(tx, poll)).filter((p) => p.personId !== actor.personId || runnerVotes);
    const prefs = await loadPreferences(
      tx.db,
      people.map((p) => p.personId),
    );
    const organiser = await tx.db
      .selectFrom('person')
      .select('name')
      .where('id', '=', actor.personId)
      .executeTakeFirstOrThrow();
    await tx.db.insertInto('poll').values(poll).execute();
    await tx.db.insertInto('pollOption').values(options).execute();
    for (const to of people) {
      await queueNotice(tx, to, prefs.get(to.personId)!, {
        preference: 'polls',
        template: 'pollInvitation',
        vars: { title: input.title, organiser: organiser.name },
        details: options.map((o) => formatMeetingTime(o.startsAt, o.endsAt, to.timeZone, to.language)),
        actionPath: `/polls/${id}`,
      });
    }
    tx.afterCommit(() => tx.mail.wake());
  });
  return getPoll(ctx, actor, id);
}

async function pollRow(ctx: AppContext, pollId: string): Promise<PollRow> {
  const row = await ctx.db.selectFrom('poll').selectAll().where('id', '=', pollId).executeTakeFirst();
  if (!row) throw notFound('poll');
  return row;
}

export async function getPoll(ctx: AppContext, actor: PersonActor, pollId: string): Promise<Poll> {
  const poll = await pollRow(ctx, pollId);
  const scope = await scopeOf(ctx, poll);
  authorizeScope(actor, scope, 'read');
  const [options, answers, people, zone] = await Promise.all([
    ctx.db.selectFrom('pollOption').selectAll().where('pollId', '=', pollId).orderBy('position').execute(),
    ctx.db.selectFrom('pollAnswer').selectAll().where('pollId', '=', pollId).execute(),
    participants(ctx, poll),
    viewerZone(ctx, actor),
  ]);
  const participantIds = new Set(people.map((p) => p.personId));
  const counted = answers.filter((a) => participantIds.has(a.personId));
  const tallies = tallyPoll(
    options.map((o) => o.id),
    counted.map((a) => ({ optionId: a.optionId, personId: a.personId, answer: a.answer })),
    people.length,
  );
  const canRun = canScope(actor, scope, 'run');
  const canAnswer = canScope(actor, scope, 'answer') && participantIds.has(actor.personId);
  return {
    id: poll.id,
    title: poll.title,
    purpose: poll.purpose,
    setId: poll.setId,
    programmeId: poll.programmeId,
    timeZone: poll.timeZone,
    viewerTimeZone: zone,
    durationMinutes: poll.durationMinutes,
    pattern: poll.patternJson ? (JSON.parse(poll.patternJson) as Pattern) : null,
    untilDate: poll.untilDate,
    place: poll.place,
    videoUrl: poll.videoUrl,
    status: poll.status,
    confirmedOptionId: poll.confirmedOptionId,
    result: poll.resultJson ? (JSON.parse(poll.resultJson) as PollResult) : null,
    participantCount: people.length,
    respondentCount: new Set(counted.map((a) => a.personId)).size,
    suggestedOptionId: bestOption(tallies),
    options: options.map((o, i) => ({
      id: o.id,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      localStart: o.localStart,
      viewerLocalStart: localIn(o.startsAt, zone),
      viewerLocalEnd: localIn(o.endsAt, zone),
      ...tallies[i]!,
    })),
    myAnswers: Object.fromEntries(
      answers.filter((a) => a.personId === actor.personId).map((a) => [a.optionId, a.answer]),
    ),
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
): Promise<Poll[]> {
  let query = ctx.db.selectFrom('poll').select('id').orderBy('createdAt', 'desc');
  if ('setId' in target) {
    authorize(actor, 'meeting.readSchedule', await setResource(ctx.db, target.setId));
    query = query.where('setId', '=', target.setId);
  } else {
    authorize(actor, 'programme.answerPoll', await programmeResource(ctx.db, target.programmeId));
    query = query.where('programmeId', '=', target.programmeId).where('setId', 'is', null);
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
): Promise<Poll> {
  const poll = await pollRow(ctx, pollId);
  authorizeScope(actor, await scopeOf(ctx, poll), 'answer');
  if (poll.status !== 'open') throw conflict('This poll is closed: the time has been decided.');
  const options = new Set(
    (await ctx.db.selectFrom('pollOption').select('id').where('pollId', '=', pollId).execute()).map(
      (o) => o.id,
    ),
  );
  const unknown = answers.filter((a) => !options.has(a.optionId));
  if (unknown.length)
    throw new Problem('validation-failed', 'Some answers are for options this poll does not have.', [
      { field: 'body.answers', message: 'must be for this poll’s options' },
    ]);
  const now = ctx.now().toISOString();
  await transact(ctx, async (tx) => {
    for (const a of answers) {
      await tx.db
        .deleteFrom('pollAnswer')
        .where('optionId', '=', a.optionId)
        .where('personId', '=', actor.personId)
        .execute();
      await tx.db
        .insertInto('pollAnswer')
        .values({ pollId, optionId: a.optionId, personId: actor.personId, answer: a.answer, updatedAt: now })
        .execute();
    }
  });
  return getPoll(ctx, actor, pollId);
}

/**
 * The organiser confirms an option: a set's slot becomes its series over the programme, a one-off date
 * becomes a meeting, a programme-wide date becomes a programme event. Everyone asked hears the result
 * (for a programme event, with its .ics). One transaction: if any step fails, the poll is still open
 * and nothing was made or mailed.
 */
export async function confirmPoll(
  ctx: AppContext,
  actor: PersonActor,
  pollId: string,
  optionId: string,
  { force = false }: { force?: boolean } = {},
): Promise<Poll> {
  await transact(ctx, async (tx) => {
    const poll = await pollRow(tx, pollId);
    authorizeScope(actor, await scopeOf(tx, poll), 'run');
    const people = await participants(tx, poll);
    const option = await tx.db
      .selectFrom('pollOption')
      .selectAll()
      .where('id', '=', optionId)
      .where('pollId', '=', pollId)
      .executeTakeFirst();
    if (!option) throw new Problem('not-found', 'This poll has no such option.');
    if (!force && poll.status === 'open') {
      // Deciding before anyone answered is allowed, but never by accident: the client must say so.
      const asked = people.map((p) => p.personId);
      const answered = asked.length
        ? await tx.db
            .selectFrom('pollAnswer')
            .select('personId')
            .where('pollId', '=', pollId)
            .where('personId', 'in', asked)
            .executeTakeFirst()
        : undefined;
      if (!answered)
        throw conflict(
          'Nobody has answered this poll yet. To decide the time without any answers, confirm again with force: true.',
        );
    }
    // Whoever confirms first decides; a second confirmation waits for the first to commit, then finds it decided.
    const claimed = await tx.db
      .updateTable('poll')
      .set({ status: 'confirmed', confirmedOptionId: optionId, updatedAt: tx.now().toISOString() })
      .where('id', '=', pollId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw conflict('This poll is already decided.');
    const common = {
      timeZone: poll.timeZone,
      durationMinutes: poll.durationMinutes,
      place: poll.place,
      videoUrl: poll.videoUrl,
    };
    let result: PollResult;
    if (poll.setId && poll.purpose === 'slot') {
      const series = await createSeries(tx, actor, poll.setId, {
        ...common,
        firstLocal: option.localStart,
        pattern: JSON.parse(poll.patternJson!) as Pattern,
        untilDate: poll.untilDate ?? undefined,
      });
      result = { seriesId: series.id };
    } else if (poll.setId) {
      const meeting = await scheduleMeeting(tx, actor, poll.setId, {
        ...common,
        localStart: option.localStart,
      });
      result = { meetingId: meeting.id };
    } else {
      result = { programmeEventId: await insertPollEvent(tx, actor, poll, option) };
    }
    await tx.db
      .updateTable('poll')
      .set({ resultJson: JSON.stringify(result) })
      .where('id', '=', pollId)
      .execute();
    const [event] = await loadCalendarEvents(tx.db, {
      eventIds: result.programmeEventId ? [result.programmeEventId] : [],
    });
    const prefs = await loadPreferences(
      tx.db,
      people.map((p) => p.personId),
    );
    for (const to of people) {
      const announced = event ? await eventAnnouncement(tx, event, to) : undefined;
      if (announced === null) continue;
      await queueNotice(tx, to, prefs.get(to.personId)!, {
        preference: 'polls',
        template: 'pollConfirmed',
        vars: { title: poll.title },
        details: announced?.details ?? [
          formatMeetingTime(option.startsAt, option.endsAt, to.timeZone, to.language),
        ],
        actionPath: '/upcoming',
        ...(announced ? { attachments: announced.attachments } : {}),
      });
    }
    tx.afterCommit(() => {
      tx.mail.wake();
      wakeNotifications(tx);
    });
  });
  return getPoll(ctx, actor, pollId);
}
