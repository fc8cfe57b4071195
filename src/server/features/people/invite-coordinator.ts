import { randomUUID } from 'node:crypto';
import type { CoordinatorInvitation } from '../../../contract/people.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { audit } from '../../audit/audit.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { issueInvitation } from '../invitations/service.ts';
import { hostResource } from '../resources.ts';
import { insertPerson } from './queries.ts';
import { getPerson } from './service.ts';

/**
 * A host admin's one step to bring in a coordinator (issue 13, item 16b): the person, their organisation
 * (a new one if a new name is typed), the programme they coordinate, whether they may start programmes,
 * and the invitation email: in one transaction, so a refusal anywhere leaves nothing behind.
 */
export async function inviteCoordinator(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  input: CoordinatorInvitation,
) {
  authorize(actor, 'person.inviteCoordinator', hostResource(hostId));
  if (input.organisationId && input.organisationName)
    throw new Problem('validation-failed', 'Choose an organisation or type a new one, not both.', [
      { field: 'body.organisationName', message: 'organisationName is given together with organisationId' },
    ]);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  const result = await transact(ctx, async (tx) => {
    const clash = await tx.db
      .selectFrom('person')
      .select('id')
      .where('hostId', '=', hostId)
      .where('email', '=', input.email)
      .executeTakeFirst();
    if (clash)
      throw conflict(
        'Someone with the email address {{email}} is already here: find them on the People page instead.',
        'body.email',
        { email: input.email },
      );
    const host = await tx.db
      .selectFrom('host')
      .select(['name', 'defaultTimeZone', 'defaultLanguage'])
      .where('id', '=', hostId)
      .executeTakeFirstOrThrow();
    let organisationId = input.organisationId;
    if (organisationId) {
      const org = await tx.db
        .selectFrom('organisation')
        .select('id')
        .where('id', '=', organisationId)
        .where('hostId', '=', hostId)
        .executeTakeFirst();
      if (!org)
        throw new Problem('validation-failed', 'The organisation chosen does not exist.', [
          {
            field: 'body.organisationId',
            message: 'organisationId does not name an organisation of this host',
          },
        ]);
    } else if (input.organisationName) {
      // A name typed that an organisation already has (in any case) is that organisation, not a twin.
      const orgs = await tx.db
        .selectFrom('organisation')
        .select(['id', 'name'])
        .where('hostId', '=', hostId)
        .execute();
      const typed = input.organisationName.toLowerCase();
      organisationId = orgs.find((o) => o.name.trim().toLowerCase() === typed)?.id ?? null;
      if (!organisationId) {
        organisationId = randomUUID();
        await tx.db
          .insertInto('organisation')
          .values({
            id: organisationId,
            hostId,
            name: input.organisationName,
            archivedAt: null,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      }
    }
    let programme: { id: string; name: string } | undefined;
    if (input.programmeId) {
      programme = await tx.db
        .selectFrom('programme')
        .select(['id', 'name'])
        .where('id', '=', input.programmeId)
        .where('hostId', '=', hostId)
        .executeTakeFirst();
      if (!programme)
        throw new Problem('validation-failed', 'The programme chosen does not exist.', [
          { field: 'body.programmeId', message: 'programmeId does not name a programme of this host' },
        ]);
    }
    const language = host.defaultLanguage ?? 'en';
    await insertPerson(tx.db, {
      id,
      hostId,
      name: input.name,
      email: input.email,
      organisationId,
      timeZone: host.defaultTimeZone ?? 'UTC',
      language,
      mayStartProgrammes: input.mayStartProgrammes,
      at: now,
    });
    const label = `${input.name} <${input.email}>`;
    await audit(tx, {
      hostId,
      by: actor,
      action: 'person.created',
      target: { type: 'person', id, label },
      details: { invitedAs: 'coordinator' },
    });
    if (programme) {
      await tx.db
        .insertInto('programmeCoordinator')
        .values({ programmeId: programme.id, personId: id, createdAt: now })
        .execute();
      await audit(tx, {
        hostId,
        by: actor,
        action: 'coordinator.added',
        target: { type: 'person', id, label: input.name },
        details: { programmeId: programme.id, programme: programme.name },
      });
    }
    if (input.mayStartProgrammes)
      await audit(tx, {
        hostId,
        by: actor,
        action: 'programmeStarter.granted',
        target: { type: 'person', id, label },
      });
    return issueInvitation(tx, actor, {
      id,
      name: input.name,
      email: input.email,
      language,
      hostId,
      hostName: host.name,
    });
  });
  return { person: await getPerson(ctx, actor, id), ...result };
}
