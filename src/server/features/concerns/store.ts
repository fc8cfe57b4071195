/**
 * Loading concerns as the access map sees them, and settling consent: the one place where a proposal
 * becomes shared because its objection period ended with no objection standing.
 */
import type { Kysely } from 'kysely';
import type { ConcernResource } from '../../../domain/access.ts';
import { consentState } from '../../../domain/concerns/consent.ts';
import { programmeClosed } from '../../../domain/programme-lifecycle.ts';
import { notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';

export type ConcernRow = DB['concern'];

export async function loadConcern(
  db: Kysely<DB>,
  concernId: string,
): Promise<{ row: ConcernRow; resource: ConcernResource }> {
  const row = await db
    .selectFrom('concern')
    .innerJoin('programme', 'programme.id', 'concern.programmeId')
    .selectAll('concern')
    .select(['programme.hostId', 'programme.status as programmeStatus'])
    .where('concern.id', '=', concernId)
    .executeTakeFirst();
  if (!row) throw notFound('concern');
  const { hostId, programmeStatus, ...concern } = row;
  return {
    row: concern,
    resource: {
      type: 'concern',
      hostId,
      programmeId: concern.programmeId,
      setId: concern.setId,
      proposerId: concern.proposerId,
      programmeClosed: programmeClosed(programmeStatus),
    },
  };
}

/**
 * Takes the concern's row for this transaction (a write that changes nothing), so that objecting,
 * approving and sharing one concern happen one after the other, never interleaved.
 */
export async function lockConcern(db: Kysely<DB>, concernId: string): Promise<void> {
  await db
    .updateTable('concern')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('id', '=', concernId)
    .execute();
}

/**
 * Records as shared every proposal in scope whose objection period is over with no objection standing.
 * Its time is the deadline itself, whoever notices first (a read of the set's or the programme's
 * concerns, or any change to it); the update is conditional, so it happens once.
 */
export async function settleConsent(
  db: Kysely<DB>,
  now: Date,
  scope: { setId: string } | { programmeId: string } | { concernId: string },
): Promise<number> {
  let candidates = db
    .selectFrom('concern')
    .select((eb) => [
      'concern.id',
      'concern.status',
      'concern.consentBy',
      eb
        .selectFrom('concernObjection')
        .select((o) => o.fn.countAll<number>().as('n'))
        .whereRef('concernObjection.concernId', '=', 'concern.id')
        .as('objections'),
    ])
    .where('concern.status', '=', 'proposed')
    .where('concern.consentBy', '<=', now.toISOString());
  if ('setId' in scope) candidates = candidates.where('concern.setId', '=', scope.setId);
  else if ('programmeId' in scope)
    candidates = candidates.where('concern.programmeId', '=', scope.programmeId);
  else candidates = candidates.where('concern.id', '=', scope.concernId);
  const due = (await candidates.execute()).filter(
    (c) =>
      consentState(
        { status: c.status, consentBy: c.consentBy, objections: Number(c.objections ?? 0) },
        now,
      ) === 'due',
  );
  let shared = 0;
  for (const c of due) {
    const result = await db
      .updateTable('concern')
      .set((eb) => ({ status: 'shared', sharedAt: eb.ref('consentBy'), sharedHow: 'period' }))
      .where('id', '=', c.id)
      .where('status', '=', 'proposed')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('concernObjection')
              .select('concernObjection.personId')
              .whereRef('concernObjection.concernId', '=', 'concern.id'),
          ),
        ),
      )
      .executeTakeFirst();
    shared += Number(result.numUpdatedRows);
  }
  return shared;
}
