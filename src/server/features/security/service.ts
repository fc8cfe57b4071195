import { randomUUID } from 'node:crypto';
import type {
  Device,
  MySecurity,
  SignInPolicy,
  SsoProvider,
  SsoProviderPatch,
} from '../../../contract/security.ts';
import type { PersonActor } from '../../../domain/access.ts';
import { describeUserAgent } from '../../../domain/user-agent.ts';
import { audit } from '../../audit/audit.ts';
import { withAccounts } from '../../auth/accounts-context.ts';
import { parseDomains, ssoProviderId } from '../../auth/sso.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { conflict, notFound } from '../../http/problem.ts';
import type { DB } from '../../store/schema.ts';
import { transact } from '../../transact.ts';
import { hostResource, personResource } from '../resources.ts';

/*
 * Sign-in security. One function per event that changes it (`createSsoProvider`, `updateSsoProvider`,
 * `deleteSsoProvider`, `updateSignInPolicy`, `signOutDevice`, `signOutOtherDevices`), so that an audit
 * trail can record each in one place.
 */

type ProviderRow = DB['ssoProvider'];

function present(ctx: AppContext, row: ProviderRow): SsoProvider {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecret.length > 0,
    domains: parseDomains(row.domains),
    allowJoin: Boolean(row.allowJoin),
    enabled: Boolean(row.enabled),
    callbackUrl: `${ctx.config.publicUrl}/api/auth/callback/${ssoProviderId(row.slug)}`,
  };
}

async function providerRow(ctx: AppContext, hostId: string, providerId: string): Promise<ProviderRow> {
  const row = await ctx.db
    .selectFrom('ssoProvider')
    .selectAll()
    .where('id', '=', providerId)
    .where('hostId', '=', hostId)
    .executeTakeFirst();
  if (!row) throw notFound('single sign-on provider');
  return row;
}

export async function listSsoProviders(ctx: AppContext, actor: PersonActor, hostId: string) {
  authorize(actor, 'host.configureSso', hostResource(hostId));
  const rows = await ctx.db
    .selectFrom('ssoProvider')
    .selectAll()
    .where('hostId', '=', hostId)
    .orderBy('name')
    .execute();
  return { providers: rows.map((row) => present(ctx, row)) };
}

const uniqueDomains = (domains: readonly string[]) => JSON.stringify([...new Set(domains)].sort());

export async function createSsoProvider(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  input: {
    slug: string;
    name: string;
    issuer: string;
    clientId: string;
    clientSecret: string;
    domains: string[];
    allowJoin: boolean;
    enabled: boolean;
  },
): Promise<SsoProvider> {
  authorize(actor, 'host.configureSso', hostResource(hostId));
  const taken = await ctx.db
    .selectFrom('ssoProvider')
    .select('id')
    .where('slug', '=', input.slug)
    .executeTakeFirst();
  if (taken) throw conflict('Another provider already uses this short name. Choose another.', 'body.slug');
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await transact(ctx, async (tx) => {
    await auditProvider(
      tx,
      actor,
      hostId,
      'sso.providerAdded',
      { id, name: input.name },
      {
        issuer: input.issuer,
        allowJoin: input.allowJoin,
        enabled: input.enabled,
      },
    );
    await tx.db
      .insertInto('ssoProvider')
      .values({
        id,
        hostId,
        slug: input.slug,
        name: input.name,
        issuer: input.issuer,
        clientId: input.clientId,
        clientSecret: input.clientSecret,
        domains: uniqueDomains(input.domains),
        allowJoin: input.allowJoin ? 1 : 0,
        enabled: input.enabled ? 1 : 0,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  });
  return present(ctx, await providerRow(ctx, hostId, id));
}

export async function updateSsoProvider(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  providerId: string,
  patch: SsoProviderPatch,
): Promise<SsoProvider> {
  authorize(actor, 'host.configureSso', hostResource(hostId));
  const row = await providerRow(ctx, hostId, providerId);
  // The accounts library rebuilds its provider list at the next sign-in, as it sees the row changed.
  await transact(ctx, async (tx) => {
    // Which settings changed, never their values' secrets.
    await auditProvider(tx, actor, hostId, 'sso.providerChanged', row, {
      changed: Object.keys(patch).sort().join(', '),
      ...(patch.issuer !== undefined ? { issuer: patch.issuer } : {}),
      ...(patch.allowJoin !== undefined ? { allowJoin: patch.allowJoin } : {}),
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
    });
    await tx.db
      .updateTable('ssoProvider')
      .set({
        updatedAt: ctx.now().toISOString(),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.issuer !== undefined ? { issuer: patch.issuer } : {}),
        ...(patch.clientId !== undefined ? { clientId: patch.clientId } : {}),
        ...(patch.clientSecret !== undefined ? { clientSecret: patch.clientSecret } : {}),
        ...(patch.domains !== undefined ? { domains: uniqueDomains(patch.domains) } : {}),
        ...(patch.allowJoin !== undefined ? { allowJoin: patch.allowJoin ? 1 : 0 } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
      })
      .where('id', '=', row.id)
      .execute();
  });
  return present(ctx, await providerRow(ctx, hostId, providerId));
}

export async function deleteSsoProvider(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  providerId: string,
): Promise<undefined> {
  authorize(actor, 'host.configureSso', hostResource(hostId));
  const row = await providerRow(ctx, hostId, providerId);
  await transact(ctx, async (tx) => {
    await auditProvider(tx, actor, hostId, 'sso.providerRemoved', row, {});
    await tx.db.deleteFrom('ssoProvider').where('id', '=', row.id).execute();
  });
  return undefined;
}

/** The sign-in page's list: enabled providers by name, nothing else. */
export async function signInOptions(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('ssoProvider')
    .select(['slug', 'name'])
    .where('enabled', '=', 1)
    .orderBy('name')
    .execute();
  return { providers: rows.map((r) => ({ providerId: ssoProviderId(r.slug), name: r.name })) };
}

export async function getSignInPolicy(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
): Promise<SignInPolicy> {
  authorize(actor, 'host.requireTwoFactor', hostResource(hostId));
  const host = await ctx.db
    .selectFrom('host')
    .select('requireTwoFactor')
    .where('id', '=', hostId)
    .executeTakeFirst();
  if (!host) throw notFound('host');
  return { requireTwoFactor: Boolean(host.requireTwoFactor) };
}

export async function updateSignInPolicy(
  ctx: AppContext,
  actor: PersonActor,
  hostId: string,
  policy: SignInPolicy,
): Promise<SignInPolicy> {
  authorize(actor, 'host.requireTwoFactor', hostResource(hostId));
  await transact(ctx, async (tx) => {
    await tx.db
      .updateTable('host')
      .set({ requireTwoFactor: policy.requireTwoFactor ? 1 : 0, updatedAt: ctx.now().toISOString() })
      .where('id', '=', hostId)
      .execute();
    await audit(tx, {
      hostId,
      by: actor,
      action: 'twoFactor.policyChanged',
      target: { type: 'host', id: hostId },
      details: { requireTwoFactor: policy.requireTwoFactor },
    });
  });
  return getSignInPolicy(ctx, actor, hostId);
}

/** Whether the host requires a second factor of this person (host admins and coordinators). */
export async function twoFactorRequiredOf(ctx: AppContext, actor: PersonActor): Promise<boolean> {
  if (!actor.hostAdmin && actor.coordinatorOf.size === 0) return false;
  const host = await ctx.db
    .selectFrom('host')
    .select('requireTwoFactor')
    .where('id', '=', actor.hostId)
    .executeTakeFirst();
  return Boolean(host?.requireTwoFactor);
}

async function userIdOf(ctx: AppContext, actor: PersonActor): Promise<string> {
  const person = await ctx.db
    .selectFrom('person')
    .select('userId')
    .where('id', '=', actor.personId)
    .executeTakeFirst();
  if (!person?.userId) throw notFound('account');
  return person.userId;
}

export async function getMySecurity(ctx: AppContext, actor: PersonActor): Promise<MySecurity> {
  const userId = await userIdOf(ctx, actor);
  const [user, credential, required] = await Promise.all([
    ctx.store.plain.selectFrom('user').select('twoFactorEnabled').where('id', '=', userId).executeTakeFirst(),
    ctx.store.plain
      .selectFrom('account')
      .select('password')
      .where('userId', '=', userId)
      .where('providerId', '=', 'credential')
      .executeTakeFirst(),
    twoFactorRequiredOf(ctx, actor),
  ]);
  return {
    twoFactorEnabled: Boolean(user?.twoFactorEnabled),
    twoFactorRequired: required,
    hasPassword: Boolean(credential?.password),
  };
}

const iso = (value: Date | string) => new Date(value).toISOString();

export async function listMyDevices(
  ctx: AppContext,
  actor: PersonActor,
  currentSessionId: string | null,
): Promise<{ devices: Device[] }> {
  authorize(actor, 'session.list', await personResource(ctx.db, actor.personId));
  const userId = await userIdOf(ctx, actor);
  const sessions = await ctx.store.plain
    .selectFrom('session')
    .select(['id', 'userAgent', 'ipAddress', 'createdAt', 'updatedAt', 'expiresAt'])
    .where('userId', '=', userId)
    .execute();
  const now = ctx.now().getTime();
  const devices = sessions
    .filter((s) => new Date(s.expiresAt).getTime() > now)
    .map((s) => ({
      id: s.id,
      ...describeUserAgent(s.userAgent),
      ipAddress: s.ipAddress || null,
      signedInAt: iso(s.createdAt),
      lastActiveAt: iso(s.updatedAt),
      thisDevice: s.id === currentSessionId,
    }))
    .sort(
      (a, b) => Number(b.thisDevice) - Number(a.thisDevice) || b.lastActiveAt.localeCompare(a.lastActiveAt),
    );
  return { devices };
}

/**
 * Ends sessions through the accounts library, so that its session.delete hook runs: every node closes
 * that device's live sockets at once.
 */
async function endSessions(ctx: AppContext, tokens: string[]): Promise<void> {
  await withAccounts(async () => {
    const auth = await ctx.auth.$context;
    for (const token of tokens) await auth.internalAdapter.deleteSession(token);
  });
}

export async function signOutDevice(
  ctx: AppContext,
  actor: PersonActor,
  sessionId: string,
): Promise<undefined> {
  authorize(actor, 'session.end', await personResource(ctx.db, actor.personId));
  const userId = await userIdOf(ctx, actor);
  const session = await ctx.store.plain
    .selectFrom('session')
    .select('token')
    .where('id', '=', sessionId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (!session) throw notFound('signed-in device');
  await endSessions(ctx, [session.token]);
  await audit(ctx, {
    hostId: actor.hostId,
    by: actor,
    action: 'device.signedOut',
    target: { type: 'person', id: actor.personId },
  });
  return undefined;
}

export async function signOutOtherDevices(
  ctx: AppContext,
  actor: PersonActor,
  currentSessionId: string | null,
): Promise<{ signedOut: number }> {
  authorize(actor, 'session.end', await personResource(ctx.db, actor.personId));
  const userId = await userIdOf(ctx, actor);
  const others = await ctx.store.plain
    .selectFrom('session')
    .select('token')
    .where('userId', '=', userId)
    .where('id', '!=', currentSessionId ?? '')
    .execute();
  await endSessions(
    ctx,
    others.map((s) => s.token),
  );
  await audit(ctx, {
    hostId: actor.hostId,
    by: actor,
    action: 'device.othersSignedOut',
    target: { type: 'person', id: actor.personId },
    details: { devices: others.length },
  });
  return { signedOut: others.length };
}

/** A provider's change in the audit trail: its name and the facts, never its client secret. */
function auditProvider(
  tx: AppContext,
  actor: PersonActor,
  hostId: string,
  action: 'sso.providerAdded' | 'sso.providerChanged' | 'sso.providerRemoved',
  provider: { id: string; name: string },
  details: Record<string, string | number | boolean>,
) {
  return audit(tx, {
    hostId,
    by: actor,
    action,
    target: { type: 'host', id: hostId, label: provider.name },
    details: { providerId: provider.id, ...details },
  });
}
