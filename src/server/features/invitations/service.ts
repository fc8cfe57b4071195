import { randomUUID } from 'node:crypto';
import type { PersonActor } from '../../../domain/access.ts';
import { createCredentialAccount, deleteAccount, signInCookies } from '../../auth/accounts.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { queueMail } from '../../mail/outbox.ts';
import { renderActionMail } from '../../mail/templates.ts';
import { transact } from '../../transact.ts';
import { hashToken, newToken } from '../link-tokens.ts';
import { personResource } from '../resources.ts';

/** Creates a fresh invitation (older ones stop working) and queues its email in the same transaction. */
export async function invitePerson(ctx: AppContext, actor: PersonActor, personId: string) {
  const resource = await personResource(ctx.db, personId);
  authorize(actor, 'person.invite', resource);
  const person = await ctx.db
    .selectFrom('person')
    .innerJoin('host', 'host.id', 'person.hostId')
    .select([
      'person.id',
      'person.name',
      'person.email',
      'person.language',
      'person.userId',
      'person.archivedAt',
      'host.name as hostName',
      'host.id as hostId',
    ])
    .where('person.id', '=', personId)
    .executeTakeFirstOrThrow();
  if (person.userId)
    throw conflict('{{name}} already has an account; they can sign in.', undefined, { name: person.name });
  if (person.archivedAt)
    throw conflict('{{name}} is archived; restore them before inviting.', undefined, { name: person.name });
  return issueInvitation(ctx, actor, person);
}

/**
 * Writes a fresh invitation for a person without an account (older links stop working), on the executor
 * ctx runs on (the caller's transaction); returns it with the link that lets them choose a password.
 */
export async function writeInvitation(ctx: AppContext, personId: string, invitedBy: string | null) {
  const now = ctx.now();
  const expires = new Date(now.getTime() + ctx.config.invitationTtlHours * 3_600_000);
  const token = newToken();
  const id = randomUUID();
  await ctx.db
    .updateTable('invitation')
    .set({ expiresAt: now.toISOString() })
    .where('personId', '=', personId)
    .where('acceptedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .execute();
  await ctx.db
    .insertInto('invitation')
    .values({
      id,
      personId,
      tokenHash: hashToken(token),
      invitedBy,
      expiresAt: expires.toISOString(),
      acceptedAt: null,
      createdAt: now.toISOString(),
    })
    .execute();
  return { id, expires, url: `${ctx.config.publicUrl}/invitation/${token}` };
}

/**
 * Writes a fresh invitation (older ones stop working) and queues its email. Inside another `transact` it
 * joins that transaction, so a use case that creates the person and invites them commits or fails as one.
 */
export async function issueInvitation(
  ctx: AppContext,
  actor: PersonActor,
  person: { id: string; name: string; email: string; language: string; hostId: string; hostName: string },
) {
  const inviter = await ctx.db
    .selectFrom('person')
    .select('name')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  return transact(ctx, async (tx) => {
    const invitation = await writeInvitation(tx, person.id, actor.personId);
    const mail = renderActionMail(ctx.i18n, {
      kind: 'invitation',
      language: person.language,
      vars: {
        name: person.name,
        inviterName: inviter.name,
        hostName: person.hostName,
        expires: invitation.expires.toUTCString(),
      },
      actionUrl: invitation.url,
    });
    await queueMail(tx, { ...mail, hostId: person.hostId, to: person.email });
    return { invitationId: invitation.id, expiresAt: invitation.expires.toISOString() };
  });
}

async function findUsableInvitation(ctx: AppContext, token: string) {
  const row = await ctx.db
    .selectFrom('invitation')
    .innerJoin('person', 'person.id', 'invitation.personId')
    .innerJoin('host', 'host.id', 'person.hostId')
    .select([
      'invitation.id',
      'invitation.expiresAt',
      'invitation.acceptedAt',
      'person.id as personId',
      'person.name',
      'person.email',
      'person.userId',
      'host.name as hostName',
    ])
    .where('invitation.tokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw notFound('invitation');
  if (row.acceptedAt || row.userId) {
    throw new Problem(
      'gone',
      'This invitation has already been used. Sign in with your email address and password.',
    );
  }
  if (row.expiresAt <= ctx.now().toISOString()) {
    throw new Problem(
      'gone',
      'This invitation has expired. Ask your programme coordinator to send a new one.',
    );
  }
  return row;
}

export async function describeInvitation(ctx: AppContext, token: string) {
  const row = await findUsableInvitation(ctx, token);
  return { name: row.name, email: row.email, hostName: row.hostName, expiresAt: row.expiresAt };
}

/**
 * Accepting creates the account with the chosen password, links it to the person and signs them in.
 * The accounts library works on its own connection, so this is not for use inside another transaction.
 */
export async function acceptInvitation(ctx: AppContext, token: string, password: string, headers: Headers) {
  const row = await findUsableInvitation(ctx, token);
  const userId = await createCredentialAccount(ctx, { email: row.email, name: row.name, password });
  try {
    await transact(ctx, async ({ db }) => {
      const now = ctx.now().toISOString();
      const claimed = await db
        .updateTable('invitation')
        .set({ acceptedAt: now })
        .where('id', '=', row.id)
        .where('acceptedAt', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1)
        throw new Problem('gone', 'This invitation has already been used.');
      await db.updateTable('person').set({ userId, updatedAt: now }).where('id', '=', row.personId).execute();
    });
  } catch (error) {
    await deleteAccount(ctx, userId);
    throw error;
  }
  return { personId: row.personId, cookies: await signInCookies(ctx, row.email, password, headers) };
}
