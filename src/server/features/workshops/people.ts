import type { AppContext } from '../../context.ts';
import { personRecipients, type Recipient } from '../notifications/mails.ts';
import { programmeRecipients } from '../programme-events/queries.ts';

/** The programme's participants: members and facilitators of its (not archived) sets, by name. */
export async function programmeParticipants(
  ctx: AppContext,
  programmeId: string,
): Promise<{ id: string; name: string }[]> {
  return ctx.db
    .selectFrom('setMembership')
    .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .select(['person.id', 'person.name'])
    .distinct()
    .where('learningSet.programmeId', '=', programmeId)
    .where('learningSet.archivedAt', 'is', null)
    .where('person.archivedAt', 'is', null)
    .orderBy('person.name')
    .execute();
}

/** Everyone a workshop's mails go to: the programme's participants and its facilitator, each once. */
export async function workshopRecipients(
  ctx: AppContext,
  programmeId: string,
  facilitatorId: string | null,
): Promise<Recipient[]> {
  const people = await programmeRecipients(ctx.db, programmeId);
  if (facilitatorId && !people.some((p) => p.personId === facilitatorId))
    people.push(...(await personRecipients(ctx.db, [facilitatorId])));
  return people;
}
