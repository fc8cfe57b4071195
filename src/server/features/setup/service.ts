import { randomUUID } from 'node:crypto';
import { createCredentialAccount, deleteAccount, signInCookies } from '../../auth/accounts.ts';
import type { AppContext } from '../../context.ts';
import { Problem } from '../../http/problem.ts';

export interface HostWithAdmin {
  hostName: string;
  adminName: string;
  email: string;
  password: string;
  timeZone: string;
  language: 'en' | 'fr' | 'es';
}

export async function isSetUp(ctx: AppContext): Promise<boolean> {
  return Boolean(await ctx.store.plain.selectFrom('host').select('id').limit(1).executeTakeFirst());
}

/** Adds a host admin with an account; creates the host first when `hostId` is absent. */
export async function createAdmin(ctx: AppContext, input: HostWithAdmin, hostId?: string) {
  const userId = await createCredentialAccount(ctx, {
    email: input.email,
    name: input.adminName,
    password: input.password,
  });
  const now = ctx.now().toISOString();
  const targetHost = hostId ?? randomUUID();
  let personId: string = randomUUID();
  try {
    await ctx.store.plain.transaction().execute(async (trx) => {
      if (!hostId) {
        if (await trx.selectFrom('host').select('id').limit(1).executeTakeFirst()) {
          throw new Problem(
            'already-set-up',
            'This Revans was set up a moment ago by someone else. Sign in instead.',
          );
        }
        await trx
          .insertInto('host')
          .values({
            id: targetHost,
            name: input.hostName,
            default_time_zone: input.timeZone,
            default_language: input.language,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      const existing = await trx
        .selectFrom('person')
        .select('id')
        .where('host_id', '=', targetHost)
        .where('email', '=', input.email)
        .executeTakeFirst();
      if (existing) {
        personId = existing.id;
        await trx
          .updateTable('person')
          .set({ user_id: userId, updated_at: now })
          .where('id', '=', existing.id)
          .execute();
      } else {
        await trx
          .insertInto('person')
          .values({
            id: personId,
            host_id: targetHost,
            user_id: userId,
            name: input.adminName,
            email: input.email,
            organisation_id: null,
            job_role: '',
            time_zone: input.timeZone,
            language: input.language,
            archived_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await trx
        .insertInto('host_admin')
        .values({ host_id: targetHost, person_id: personId, created_at: now })
        .execute();
    });
  } catch (error) {
    await deleteAccount(ctx, userId);
    throw error;
  }
  return { hostId: targetHost, personId, userId };
}

/** First run: creates the host and its first admin, then signs the admin in. Only possible once. */
export async function runFirstSetup(ctx: AppContext, input: HostWithAdmin, headers: Headers) {
  if (await isSetUp(ctx)) {
    throw new Problem(
      'already-set-up',
      'This Revans is already set up. Sign in instead, or ask its admin for an invitation.',
    );
  }
  const created = await createAdmin(ctx, input);
  const cookies = await signInCookies(ctx, input.email, input.password, headers);
  return { hostId: created.hostId, personId: created.personId, cookies };
}
