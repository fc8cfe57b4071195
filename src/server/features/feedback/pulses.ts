/**
 * The pulse after a meeting. A member answers for themselves (how useful, how safe, an optional
 * comment), may change or withdraw it; the answer is stored under a keyed hash, never a person id, so it
 * is anonymous to everyone, the facilitator included. The set reads aggregates over K answers and, at K,
 * the comments without names in random order; the programme's coordinators read monthly aggregates.
 */
import type { Kysely } from 'kysely';
import type { MeetingPulse } from '../../../contract/feedback.ts';
import { can, type PersonActor } from '../../../domain/access.ts';
import { releaseTexts } from '../../../domain/feedback/k-rule.ts';
import { meetingTrend, monthlyTrend, pulseOpen, summarisePulses } from '../../../domain/feedback/pulse.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { programmeResource, setResource } from '../resources.ts';
import { answerKey, hostK } from './store.ts';

async function loadMeeting(db: Kysely<DB>, meetingId: string) {
  const row = await db
    .selectFrom('meeting')
    .select(['id', 'setId', 'status', 'startsAt', 'endsAt'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!row) throw notFound('meeting');
  return row;
}

async function pulseView(
  ctx: AppContext,
  actor: PersonActor,
  meeting: Awaited<ReturnType<typeof loadMeeting>>,
  hostId: string,
  canAnswer: boolean,
): Promise<MeetingPulse> {
  const k = await hostK(ctx.db, hostId);
  const rows = await ctx.db
    .selectFrom('pulse')
    .select(['answerKey', 'useful', 'safe', 'comment'])
    .where('meetingId', '=', meeting.id)
    .execute();
  const key = answerKey(ctx.config.authSecret, 'pulse', meeting.id, actor.personId);
  const mine = rows.find((r) => r.answerKey === key);
  return {
    meetingId: meeting.id,
    setId: meeting.setId,
    startsAt: meeting.startsAt,
    open: pulseOpen(meeting, ctx.now()),
    canAnswer,
    mine: mine ? { useful: mine.useful, safe: mine.safe, comment: mine.comment } : null,
    k,
    summary: summarisePulses(rows, k),
    comments: releaseTexts(
      rows.map((r) => r.comment),
      rows.length,
      k,
      Math.random,
    ),
  };
}

export async function getMeetingPulse(ctx: AppContext, actor: PersonActor, meetingId: string) {
  const meeting = await loadMeeting(ctx.db, meetingId);
  const set = await setResource(ctx.db, meeting.setId);
  authorize(actor, 'pulse.readSet', set);
  return pulseView(ctx, actor, meeting, set.hostId, can(actor, 'pulse.answer', set));
}

export async function answerPulse(
  ctx: AppContext,
  actor: PersonActor,
  meetingId: string,
  input: { useful: number; safe: number; comment: string },
) {
  const meeting = await loadMeeting(ctx.db, meetingId);
  const set = await setResource(ctx.db, meeting.setId);
  authorize(actor, 'pulse.answer', set);
  if (meeting.status === 'cancelled') throw conflict('This meeting was cancelled, so it takes no pulse.');
  if (!pulseOpen(meeting, ctx.now()))
    throw conflict('This meeting is not over yet: give your pulse once it has ended.');
  const key = answerKey(ctx.config.authSecret, 'pulse', meeting.id, actor.personId);
  const values = { useful: input.useful, safe: input.safe, comment: input.comment };
  await ctx.db
    .insertInto('pulse')
    .values({
      meetingId: meeting.id,
      answerKey: key,
      setId: set.setId,
      programmeId: set.programmeId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['meetingId', 'answerKey']).doUpdateSet(values))
    .execute();
  return pulseView(ctx, actor, meeting, set.hostId, true);
}

export async function withdrawPulse(ctx: AppContext, actor: PersonActor, meetingId: string) {
  const meeting = await loadMeeting(ctx.db, meetingId);
  const set = await setResource(ctx.db, meeting.setId);
  authorize(actor, 'pulse.answer', set);
  const key = answerKey(ctx.config.authSecret, 'pulse', meeting.id, actor.personId);
  const result = await ctx.db
    .deleteFrom('pulse')
    .where('meetingId', '=', meeting.id)
    .where('answerKey', '=', key)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('pulse of yours for this meeting');
  return pulseView(ctx, actor, meeting, set.hostId, true);
}

/** The set's pulses per meeting that is over, for its members and facilitator. */
export async function getSetPulses(ctx: AppContext, actor: PersonActor, setId: string) {
  const set = await setResource(ctx.db, setId);
  authorize(actor, 'pulse.readSet', set);
  const k = await hostK(ctx.db, set.hostId);
  const now = ctx.now();
  const meetings = (
    await ctx.db
      .selectFrom('meeting')
      .select(['id', 'status', 'startsAt', 'endsAt'])
      .where('setId', '=', setId)
      .execute()
  ).filter((m) => pulseOpen(m, now));
  const pulses = await ctx.db
    .selectFrom('pulse')
    .select(['meetingId', 'useful', 'safe'])
    .where('setId', '=', setId)
    .execute();
  return {
    setId,
    k,
    overall: summarisePulses(pulses, k),
    meetings: meetingTrend(
      meetings.map((m) => ({
        meetingId: m.id,
        startsAt: m.startsAt,
        pulses: pulses.filter((p) => p.meetingId === m.id),
      })),
      k,
    ),
  };
}

/** Every pulse of the programme with its meeting's start: for the programme trend and the report. */
export async function programmePulseFigures(ctx: AppContext, programmeId: string, k: number) {
  const rows = await ctx.db
    .selectFrom('pulse')
    .innerJoin('meeting', 'meeting.id', 'pulse.meetingId')
    .select(['pulse.useful', 'pulse.safe', 'meeting.startsAt as at'])
    .where('pulse.programmeId', '=', programmeId)
    .execute();
  return { programmeId, k, overall: summarisePulses(rows, k), months: monthlyTrend(rows, k) };
}

export async function getProgrammePulses(ctx: AppContext, actor: PersonActor, programmeId: string) {
  const programme = await programmeResource(ctx.db, programmeId);
  authorize(actor, 'pulse.readProgramme', programme);
  return programmePulseFigures(ctx, programmeId, await hostK(ctx.db, programme.hostId));
}
