import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PersonActor } from '../../../domain/access.ts';
import { createCredentialAccount, deleteAccount, signInCookies } from '../../auth/accounts.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound, Problem } from '../../http/problem.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { renderActionMail } from '../../mail/templates.ts';
import { personResource } from '../resources.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a fresh invitation (older ones stop working) and queues its email in the same transaction. */
export async function invitePerson(ctx: AppContext, actor: PersonActor, personId: string) {
  const resource = await personResource(ctx.db, personId);
  authorize(actor, 'person.invite', resource);
  const person = await ctx.store.plain
    .selectFrom('person')
    .innerJoin('host', 'host.id', 'person.host_id')
    .select([
      'person.id',
      'person.name',
      'person.email',
      'person.language',
      'person.user_id',
      'person.archived_at',
      'host.name as host_name',
      'host.id as host_id',
    ])
    .where('person.id', '=', personId)
    .executeTakeFirstOrThrow();
  if (person.user_id) throw conflict(`${person.name} already has an account; they can sign in.`);
  if (person.archived_at) throw conflict(`${person.name} is archived; restore them before inviting.`);
  const inviter = await ctx.store.plain
    .selectFrom('person')
    .select('name')
    .where('id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const now = ctx.now();
  const expires = new Date(now.getTime() + ctx.config.invitationTtlHours * 3_600_000);
  const token = randomBytes(32).toString('base64url');
  const mail = renderActionMail(ctx.i18n, {
    kind: 'invitation',
    language: person.language,
    vars: {
      name: person.name,
      inviterName: inviter.name,
      hostName: person.host_name,
      expires: expires.toUTCString(),
    },
    actionUrl: `${ctx.config.publicUrl}/invitation/${token}`,
  });
  const invitationId = randomUUID();
  await ctx.store.plain.transaction().execute(async (trx) => {
    await trx
      .updateTable('invitation')
      .set({ expires_at: now.toISOString() })
      .where('person_id', '=', personId)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .execute();
    await trx
      .insertInto('invitation')
      .values({
        id: invitationId,
        person_id: personId,
        token_hash: hashToken(token),
        invited_by: actor.personId,
        expires_at: expires.toISOString(),
        accepted_at: null,
        created_at: now.toISOString(),
      })
      .execute();
    await enqueueMail(trx, { ...mail, hostId: person.host_id, to: person.email }, now);
  });
  ctx.mail.wake();
  return { invitationId, expiresAt: expires.toISOString() };
}

async function findUsableInvitation(ctx: AppContext, token: string) {
  const row = await ctx.store.plain
    .selectFrom('invitation')
    .innerJoin('person', 'person.id', 'invitation.person_id')
    .innerJoin('host', 'host.id', 'person.host_id')
    .select([
      'invitation.id',
      'invitation.expires_at',
      'invitation.accepted_at',
      'person.id as person_id',
      'person.name',
      'person.email',
      'person.user_id',
      'host.name as host_name',
    ])
    .where('invitation.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw notFound('invitation');
  if (row.accepted_at || row.user_id) {
    throw new Problem(
      'gone',
      'This invitation has already been used. Sign in with your email address and password.',
    );
  }
  if (row.expires_at <= ctx.now().toISOString()) {
    throw new Problem(
      'gone',
      'This invitation has expired. Ask your programme coordinator to send a new one.',
    );
  }
  return row;
}

export async function describeInvitation(ctx: AppContext, token: string) {
  const row = await findUsableInvitation(ctx, token);
  return { name: row.name, email: row.email, hostName: row.host_name, expiresAt: row.expires_at };
}

/** Accepting creates the account with the chosen password, links it to the person and signs them in. */
export async function acceptInvitation(ctx: AppContext, token: string, password: string, headers: Headers) {
  const row = await findUsableInvitation(ctx, token);
  const userId = await createCredentialAccount(ctx, { email: row.email, name: row.name, password });
  try {
    await ctx.store.plain.transaction().execute(async (trx) => {
      const now = ctx.now().toISOString();
      const claimed = await trx
        .updateTable('invitation')
        .set({ accepted_at: now })
        .where('id', '=', row.id)
        .where('accepted_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1)
        throw new Problem('gone', 'This invitation has already been used.');
      await trx
        .updateTable('person')
        .set({ user_id: userId, updated_at: now })
        .where('id', '=', row.person_id)
        .execute();
    });
  } catch (error) {
    await deleteAccount(ctx, userId);
    throw error;
  }
  return { personId: row.person_id, cookies: await signInCookies(ctx, row.email, password, headers) };
}
