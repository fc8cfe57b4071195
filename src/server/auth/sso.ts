import { randomUUID } from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { Kysely } from 'kysely';
import { discoveryUrl, emailDomainAllowed } from '../../domain/sso.ts';
import { insertPerson } from '../features/people/queries.ts';
import { camelCased } from '../store/db.ts';
import type { Database, SsoProviderTable } from '../store/schema.ts';

/**
 * Single sign-on through OpenID Connect providers a host admin configures at runtime.
 *
 * The accounts library's generic OAuth plugin builds its providers once, from a static list. Revans keeps
 * the list in the database instead: before every SSO sign-in or callback, `ssoProviders` rebuilds the
 * library's providers from the table when it changed (on any node: the check reads the table), with the
 * generic OAuth plugin's own discovery, token exchange and ID-token verification.
 *
 * Who may come in is decided in the library's database hooks (`ssoUserCreateCheck`,
 * `ssoSessionCreateCheck`): a refusal throws an API error with a code, which the library turns into a
 * redirect to the sign-in page with `?error=<code>`.
 */

export const ssoProviderPrefix = 'sso-';
export const ssoProviderId = (slug: string) => `${ssoProviderPrefix}${slug}`;

/** Codes the sign-in page explains (the library adds its own, e.g. `account_not_linked`). */
export const ssoRefusals = {
  unknownPerson: 'sso_unknown_person',
  otherDomain: 'sso_other_domain',
  unverifiedEmail: 'sso_unverified_email',
  archived: 'sso_archived',
} as const;

export function parseDomains(stored: string): string[] {
  try {
    const value = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

function refuse(code: string, message: string): never {
  throw new APIError('FORBIDDEN', { code, message });
}

async function providerFor(db: Kysely<Database>, providerId: unknown) {
  if (typeof providerId !== 'string' || !providerId.startsWith(ssoProviderPrefix)) return undefined;
  return db
    .selectFrom('sso_provider')
    .selectAll()
    .where('slug', '=', providerId.slice(ssoProviderPrefix.length))
    .executeTakeFirst();
}

/** The provider of an OAuth callback (`/callback/:id`), from the library's endpoint context. */
function callbackProviderId(context: unknown): string | undefined {
  const ctx = context as { path?: string; params?: { id?: unknown } } | null | undefined;
  const id = ctx?.params?.id;
  return typeof id === 'string' && ctx?.path?.startsWith('/callback') ? id : undefined;
}

/**
 * Before the library creates an account for someone signing in through a provider: the e-mail must be
 * verified by the provider and of a domain it serves, and the person known to the host (invited, not yet
 * signed in) unless the provider lets new people join.
 */
export async function ssoUserCreateCheck(
  db: Kysely<Database>,
  user: { email: string; emailVerified?: boolean | null },
  context: unknown,
): Promise<void> {
  const provider = await providerFor(db, callbackProviderId(context));
  if (!provider) return;
  if (!user.emailVerified)
    refuse(ssoRefusals.unverifiedEmail, 'The provider has not verified this e-mail address.');
  if (!emailDomainAllowed(user.email, parseDomains(provider.domains)))
    refuse(ssoRefusals.otherDomain, 'This provider does not serve this e-mail domain.');
  const person = await db
    .selectFrom('person')
    .select(['id', 'archived_at', 'user_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', user.email.toLowerCase()))
    .where('host_id', '=', provider.host_id)
    .executeTakeFirst();
  if (person?.archived_at) refuse(ssoRefusals.archived, 'This person no longer has access.');
  if (!person && !provider.allow_join)
    refuse(ssoRefusals.unknownPerson, 'Nobody with this e-mail address is known here.');
}

/**
 * After the library created an account through a provider: link it to the person invited with that
 * e-mail, or make a person for someone joining through a provider that allows it.
 */
export async function ssoUserCreated(
  db: Kysely<Database>,
  user: { id: string; email: string; name: string },
  context: unknown,
  now: () => Date,
): Promise<void> {
  const provider = await providerFor(db, callbackProviderId(context));
  if (!provider) return;
  const email = user.email.toLowerCase();
  const person = await db
    .selectFrom('person')
    .select(['id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
    .where('host_id', '=', provider.host_id)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  const at = now().toISOString();
  if (person) {
    await db
      .updateTable('person')
      .set({ user_id: user.id, updated_at: at })
      .where('id', '=', person.id)
      .execute();
    return;
  }
  const host = await db
    .selectFrom('host')
    .select(['default_time_zone', 'default_language'])
    .where('id', '=', provider.host_id)
    .executeTakeFirstOrThrow();
  await insertPerson(camelCased(db), {
    id: randomUUID(),
    hostId: provider.host_id,
    userId: user.id,
    name: user.name || email.split('@')[0] || email,
    email,
    timeZone: host.default_time_zone,
    language: host.default_language,
    at,
  });
}

/** Before a session starts through a provider: the domain may have changed since the account was linked. */
export async function ssoSessionCreateCheck(
  db: Kysely<Database>,
  session: { userId: string },
  context: unknown,
): Promise<void> {
  const provider = await providerFor(db, callbackProviderId(context));
  if (!provider) return;
  const user = await db
    .selectFrom('user')
    .select(['email'])
    .where('id', '=', session.userId)
    .executeTakeFirst();
  if (!user || !emailDomainAllowed(user.email, parseDomains(provider.domains)))
    refuse(ssoRefusals.otherDomain, 'This provider does not serve this e-mail domain.');
  const person = await db
    .selectFrom('person')
    .select(['archived_at'])
    .where('user_id', '=', session.userId)
    .executeTakeFirst();
  if (!person) refuse(ssoRefusals.unknownPerson, 'Nobody with this e-mail address is known here.');
  if (person.archived_at) refuse(ssoRefusals.archived, 'This person no longer has access.');
}

type ProviderList = { id: string }[];

const discoveryTimeoutMs = 5000;

async function answersDiscovery(issuer: string): Promise<boolean> {
  try {
    const response = await fetch(discoveryUrl(issuer), {
      signal: AbortSignal.timeout(discoveryTimeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

function toConfig(row: SsoProviderTable) {
  return {
    providerId: ssoProviderId(row.slug),
    name: row.name,
    discoveryUrl: discoveryUrl(row.issuer),
    clientId: row.client_id,
    clientSecret: row.client_secret,
    scopes: ['openid', 'email', 'profile'],
    pkce: true,
  };
}

/**
 * The plugin that keeps the library's provider list in step with the `sso_provider` table. The list is
 * shared by every request's context, so it is changed in place; a provider whose discovery failed is
 * tried again at the next sign-in.
 */
export function ssoProviders(db: Kysely<Database>): BetterAuthPlugin {
  let built: string | null = null;
  const sync = async (context: { socialProviders: ProviderList } & Record<string, unknown>) => {
    const rows = await db
      .selectFrom('sso_provider')
      .selectAll()
      .where('enabled', '=', 1)
      .orderBy('name')
      .execute();
    const fingerprint = JSON.stringify(rows);
    if (fingerprint === built) return;
    // The library waits on discovery without a time limit: a provider that does not answer within
    // a few seconds is left out (and tried again at the next sign-in) rather than holding sign-in up.
    const reachable = await Promise.all(rows.map((row) => answersDiscovery(row.issuer)));
    const plugin = genericOAuth({ config: rows.filter((_, i) => reachable[i]).map(toConfig) });
    const result = (await plugin.init?.({ ...context, socialProviders: [] } as never)) as
      | { context?: { socialProviders?: ProviderList } }
      | undefined;
    const fresh = result?.context?.socialProviders ?? [];
    const list = context.socialProviders;
    for (let i = list.length - 1; i >= 0; i--)
      if (list[i]?.id.startsWith(ssoProviderPrefix)) list.splice(i, 1);
    list.unshift(...fresh);
    built = fresh.length === rows.length ? fingerprint : null;
  };
  return {
    id: 'revans-sso-providers',
    hooks: {
      before: [
        {
          matcher: (context) =>
            context.path === '/sign-in/social' || Boolean(context.path?.startsWith('/callback/')),
          handler: createAuthMiddleware(async (ctx) => {
            await sync(ctx.context as never);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
