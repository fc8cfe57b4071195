import { randomUUID } from 'node:crypto';
import type { Language } from '../../../contract/enums.ts';
import type { HostWithAdmin } from '../../../contract/setup.ts';
import { isLanguageCode } from '../../../i18n/languages.ts';
import { createCredentialAccount, deleteAccount, signInCookies } from '../../auth/accounts.ts';
import type { AppContext } from '../../context.ts';
import { Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { insertPerson } from '../people/queries.ts';

export async function isSetUp(ctx: AppContext): Promise<boolean> {
  return Boolean(await ctx.db.selectFrom('host').select('id').limit(1).executeTakeFirst());
}

/** The first host's default language: what a signed-out visitor without a preference is shown. */
export async function installationLanguage(ctx: AppContext): Promise<Language | null> {
  const host = await ctx.db
    .selectFrom('host')
    .select('defaultLanguage')
    .orderBy('createdAt')
    .limit(1)
    .executeTakeFirst();
  return host && isLanguageCode(host.defaultLanguage) ? host.defaultLanguage : null;
}

/**
 * Adds a host admin with an account; creates the host first when `hostId` is absent. The account is
 * made by the accounts library on its own connection, so this is not for use inside another transaction.
 */
export async function createAdmin(ctx: AppContext, input: HostWithAdmin, hostId?: string) {
  const userId = await createCredentialAccount(ctx, {
    email: input.email,
    name: input.adminName,
    password: input.password,
  });
  const now = ctx.now().toISOString();
  const targetHost = hostId ?? randomUUID();
  try {
    const personId = await transact(ctx, async ({ db }) => {
      if (!hostId) {
        if (await db.selectFrom('host').select('id').limit(1).executeTakeFirst()) {
          throw new Problem(
            'already-set-up',
            'This Revans was set up a moment ago by someone else. Sign in instead.',
          );
        }
        await db
          .insertInto('host')
          .values({
            id: targetHost,
            name: input.hostName,
            defaultTimeZone: input.timeZone,
            defaultLanguage: input.language,
            createdAt: now,
            updatedAt: now,
          })
          .execute();
      }
      const existing = await db
        .selectFrom('person')
        .select('id')
        .where('hostId', '=', targetHost)
        .where('email', '=', input.email)
        .executeTakeFirst();
      const personId = existing?.id ?? randomUUID();
      if (existing) {
        await db.updateTable('person').set({ userId, updatedAt: now }).where('id', '=', personId).execute();
      } else {
        await insertPerson(db, {
          id: personId,
          hostId: targetHost,
          userId,
          name: input.adminName,
          email: input.email,
          timeZone: input.timeZone,
          language: input.language,
          at: now,
        });
      }
      await db.insertInto('hostAdmin').values({ hostId: targetHost, personId, createdAt: now }).execute();
      return personId;
    });
    return { hostId: targetHost, personId, userId };
  } catch (error) {
    await deleteAccount(ctx, userId);
    throw error;
  }
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
