// Taking part in a workshop: answering the invitation and recording who came.
import type { Workshop, WorkshopRsvpAnswer } from '../../../contract/workshops.ts';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { programmeParticipants } from './people.ts';
import { authorized, eventOf, getWorkshop, stateOf } from './view.ts';

/**
 * Coming, not coming or maybe. "Coming" takes a seat only if one is left: the count is raised with a
 * guard in the same statement, so two people can never both take the last seat.
 */
export async function rsvpWorkshop(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  answer: WorkshopRsvpAnswer,
): Promise<Workshop> {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.rsvp');
  const state = stateOf(await eventOf(ctx, row), ctx.now());
  if (state === 'awaitingPoll')
    throw conflict(
      'This workshop has no date yet: answer its poll, and say whether you come once it is set.',
    );
  if (state === 'cancelled') throw conflict('This workshop is cancelled.');
  if (state === 'held') throw conflict('This workshop has already begun, so answers are closed.');
  await transact(ctx, async (tx) => {
    const previous = await tx.db
      .selectFrom('workshopRsvp')
      .select('answer')
      .where('workshopId', '=', row.id)
      .where('personId', '=', actor.personId)
      .executeTakeFirst();
    if (previous?.answer === answer) return;
    if (answer === 'coming') {
      const taken = await tx.db
        .updateTable('workshop')
        .set((eb) => ({ comingCount: eb('comingCount', '+', 1) }))
        .where('id', '=', row.id)
        .where((eb) => eb.or([eb('capacity', 'is', null), eb('comingCount', '<', eb.ref('capacity'))]))
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1)
        throw conflict(
          'The workshop is full: all {{capacity}} seats are taken. Answer "maybe" to show you would come if a seat frees up.',
          'body.answer',
          { capacity: row.capacity ?? 0 },
        );
    } else if (previous?.answer === 'coming') {
      await tx.db
        .updateTable('workshop')
        .set((eb) => ({ comingCount: eb('comingCount', '-', 1) }))
        .where('id', '=', row.id)
        .execute();
    }
    const now = tx.now().toISOString();
    await tx.db
      .insertInto('workshopRsvp')
      .values({ workshopId: row.id, personId: actor.personId, answer, updatedAt: now })
      .onConflict((oc) => oc.columns(['workshopId', 'personId']).doUpdateSet({ answer, updatedAt: now }))
      .execute();
  });
  return getWorkshop(ctx, actor, workshopId);
}

/** Who came: recorded once it has begun, for the programme's participants. */
export async function recordAttendance(
  ctx: AppContext,
  actor: PersonActor,
  workshopId: string,
  attendance: { personId: string; present: boolean }[],
): Promise<Workshop> {
  const { row } = await authorized(ctx, actor, workshopId, 'workshop.attendance');
  const state = stateOf(await eventOf(ctx, row), ctx.now());
  if (state === 'cancelled') throw conflict('This workshop was cancelled, so nobody attended it.');
  if (state !== 'held')
    throw conflict('Attendance can be recorded once the workshop has begun.', 'body.attendance');
  const expected = new Set((await programmeParticipants(ctx, row.programmeId)).map((p) => p.id));
  const ids = attendance.map((a) => a.personId);
  if (new Set(ids).size !== ids.length)
    throw new Problem('validation-failed', 'Someone is listed twice.', [
      { field: 'body.attendance', message: 'must list each person once' },
    ]);
  const stranger = ids.findIndex((id) => !expected.has(id));
  if (stranger >= 0)
    throw new Problem(
      'validation-failed',
      'Only the programme’s participants can be recorded as attending.',
      [{ field: `body.attendance.${stranger}.personId`, message: 'is not a participant of this programme' }],
    );
  await transact(ctx, async (tx) => {
    const now = tx.now().toISOString();
    for (const a of attendance) {
      const values = { present: a.present ? 1 : 0, recordedBy: actor.personId, recordedAt: now };
      await tx.db
        .insertInto('workshopAttendance')
        .values({ workshopId: row.id, personId: a.personId, ...values })
        .onConflict((oc) => oc.columns(['workshopId', 'personId']).doUpdateSet(values))
        .execute();
    }
    await tx.db
      .updateTable('workshop')
      .set({ attendanceRecordedAt: now, updatedAt: now })
      .where('id', '=', row.id)
      .execute();
  });
  return getWorkshop(ctx, actor, workshopId);
}
