// Sign-in security through the API: single sign-on providers (secrets never come back), the host's
// two-factor policy and what it holds back until a second factor is on, and one's signed-in devices.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testPassword } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { totpNow } from '../support/totp.ts';
import { buildWorld, type World } from '../support/world.ts';

const provider = {
  slug: 'acme',
  name: 'Acme Staff',
  issuer: 'https://login.acme.example/',
  clientId: 'revans-client',
  clientSecret: 'a very secret value',
  domains: ['acme.example', 'ACME.example', 'staff.acme.example'],
  allowJoin: false,
};

describe.each(storeKinds)('sign-in security on %s', (kind) => {
  let t: TestApp;
  let w: World;
  afterEach(async () => {
    await t?.close();
  });

  it('lets a host admin configure providers without ever reading a client secret back', async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    const base = `/api/hosts/${w.hostId}/sso-providers`;
    const created = await t.call({ method: 'POST', url: base, cookie: w.cookies.admin, payload: provider });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      slug: 'acme',
      name: 'Acme Staff',
      clientId: 'revans-client',
      clientSecretSet: true,
      domains: ['acme.example', 'staff.acme.example'],
      allowJoin: false,
      enabled: true,
      callbackUrl: 'http://localhost:3000/api/auth/callback/sso-acme',
    });
    expect(created.body).not.toContain('a very secret value');

    const again = await t.call({ method: 'POST', url: base, cookie: w.cookies.admin, payload: provider });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('body.slug');

    const bad = await t.call({
      method: 'POST',
      url: base,
      cookie: w.cookies.admin,
      payload: { ...provider, slug: 'Not OK!', issuer: 'ftp://x', domains: ['not a domain'] },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.slug', 'body.issuer', 'body.domains.0']));

    // Replacing the secret: the new one is stored, neither is ever answered.
    const patched = await t.call({
      method: 'PATCH',
      url: `${base}/${body.id}`,
      cookie: w.cookies.admin,
      payload: { clientSecret: 'another secret', allowJoin: true, name: 'Acme' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Acme', allowJoin: true, clientSecretSet: true });
    expect(patched.body).not.toContain('another secret');
    const stored = await t.ctx.store.plain
      .selectFrom('sso_provider')
      .select('client_secret')
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(stored.client_secret).toBe('another secret');
    // Leaving the secret out keeps it.
    await t.call({
      method: 'PATCH',
      url: `${base}/${body.id}`,
      cookie: w.cookies.admin,
      payload: { name: 'Acme 2' },
    });
    const kept = await t.ctx.store.plain
      .selectFrom('sso_provider')
      .select('client_secret')
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(kept.client_secret).toBe('another secret');

    const listed = await t.call({ method: 'GET', url: base, cookie: w.cookies.admin });
    expect(listed.json().providers).toHaveLength(1);
    expect(listed.body).not.toContain('secret');

    // The sign-in page sees only names, without signing in.
    const options = await t.call({ method: 'GET', url: '/api/sign-in-options' });
    expect(options.statusCode).toBe(200);
    expect(options.json()).toEqual({ providers: [{ providerId: 'sso-acme', name: 'Acme 2' }] });

    // A disabled provider is not offered.
    await t.call({
      method: 'PATCH',
      url: `${base}/${body.id}`,
      cookie: w.cookies.admin,
      payload: { enabled: false },
    });
    expect((await t.call({ method: 'GET', url: '/api/sign-in-options' })).json().providers).toEqual([]);

    const removed = await t.call({ method: 'DELETE', url: `${base}/${body.id}`, cookie: w.cookies.admin });
    expect(removed.statusCode).toBe(204);
    const gone = await t.call({ method: 'DELETE', url: `${base}/${body.id}`, cookie: w.cookies.admin });
    expect(gone.statusCode).toBe(404);
  });

  it('keeps providers and the policy to host admins', async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    const base = `/api/hosts/${w.hostId}/sso-providers`;
    for (const role of ['coordinator', 'facilitatorA', 'memberA'] as const) {
      const list = await t.call({ method: 'GET', url: base, cookie: w.cookies[role] });
      expect(list.statusCode, role).toBe(403);
      const create = await t.call({ method: 'POST', url: base, cookie: w.cookies[role], payload: provider });
      expect(create.statusCode, role).toBe(403);
      const policy = await t.call({
        method: 'PUT',
        url: `/api/hosts/${w.hostId}/sign-in-policy`,
        cookie: w.cookies[role],
        payload: { requireTwoFactor: true },
      });
      expect(policy.statusCode, role).toBe(403);
    }
    expect((await t.call({ method: 'GET', url: base })).statusCode).toBe(401);
  });

  it('holds back an admin or coordinator without a second factor once the host requires one', async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    const policy = await t.call({
      method: 'PUT',
      url: `/api/hosts/${w.hostId}/sign-in-policy`,
      cookie: w.cookies.admin,
      payload: { requireTwoFactor: true },
    });
    expect(policy.json()).toEqual({ requireTwoFactor: true });

    // The coordinator reaches only who they are and their own security settings.
    const held = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/organisations`,
      cookie: w.cookies.coordinator,
    });
    expect(held.statusCode).toBe(403);
    expect(held.json().code).toBe('two-factor-required');
    const me = await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.coordinator });
    expect(me.statusCode).toBe(200);
    const security = await t.call({ method: 'GET', url: '/api/me/security', cookie: w.cookies.coordinator });
    expect(security.json()).toEqual({ twoFactorEnabled: false, twoFactorRequired: true, hasPassword: true });
    // A member is not asked.
    const member = await t.call({ method: 'GET', url: '/api/me/security', cookie: w.cookies.memberA });
    expect(member.json()).toMatchObject({ twoFactorRequired: false });
    expect(
      (await t.call({ method: 'GET', url: `/api/sets/${w.setA}`, cookie: w.cookies.memberA })).statusCode,
    ).toBe(200);

    // Turning the factor on: the password, then a code from the app confirms it.
    const enabled = await t.call({
      method: 'POST',
      url: '/api/auth/two-factor/enable',
      cookie: w.cookies.coordinator,
      payload: { password: testPassword },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    const { totpURI, backupCodes } = enabled.json();
    expect(backupCodes).toHaveLength(10);
    const secret = new URL(totpURI).searchParams.get('secret')!;
    const wrong = await t.call({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      cookie: w.cookies.coordinator,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    const confirmed = await t.call({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      cookie: w.cookies.coordinator,
      payload: { code: totpNow(secret) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const cookie = cookieFrom(confirmed) ?? w.cookies.coordinator;
    expect(
      (await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/organisations`, cookie })).statusCode,
    ).toBe(200);

    // Signing in now asks for the second factor; a recovery code works once.
    const first = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'coordinator@example.org', password: testPassword },
    });
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    expect(cookieFrom(first)).not.toContain('revans.session_token=');
    const pending = cookieFrom(first)!;
    const recovered = await t.call({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      cookie: pending,
      payload: { code: backupCodes[0] },
    });
    expect(recovered.statusCode, recovered.body).toBe(200);
    expect(cookieFrom(recovered)).toContain('revans.session_token=');

    const second = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'coordinator@example.org', password: testPassword },
    });
    const reused = await t.call({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      cookie: cookieFrom(second)!,
      payload: { code: backupCodes[0] },
    });
    expect(reused.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('records provider, policy and device changes in the audit trail, never a client secret', async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    const base = `/api/hosts/${w.hostId}/sso-providers`;
    const created = await t.call({ method: 'POST', url: base, cookie: w.cookies.admin, payload: provider });
    const id = created.json().id as string;
    await t.call({
      method: 'PATCH',
      url: `${base}/${id}`,
      cookie: w.cookies.admin,
      payload: { clientSecret: 'another secret value', enabled: false },
    });
    await t.call({ method: 'DELETE', url: `${base}/${id}`, cookie: w.cookies.admin });
    await t.call({
      method: 'PUT',
      url: `/api/hosts/${w.hostId}/sign-in-policy`,
      cookie: w.cookies.admin,
      payload: { requireTwoFactor: true },
    });
    const phone = await t.signIn('membera@example.org');
    await t.call({ method: 'POST', url: '/api/me/sessions/sign-out-others', cookie: phone, payload: {} });

    // Read straight from the trail's table: with two factors now required, the admin is held back until set up.
    const rows = await t.ctx.db.selectFrom('auditEvent').selectAll().where('hostId', '=', w.hostId).execute();
    const events = rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
    const of = (action: string) => events.filter((e) => e.action === action);
    expect(of('sso.providerAdded')).toEqual([expect.objectContaining({ targetLabel: 'Acme Staff' })]);
    expect(of('sso.providerChanged')[0]?.details).toMatchObject({
      changed: 'clientSecret, enabled',
      enabled: false,
    });
    expect(of('sso.providerRemoved')).toHaveLength(1);
    expect(of('twoFactor.policyChanged')[0]?.details).toEqual({ requireTwoFactor: true });
    expect(of('device.othersSignedOut')[0]?.details).toEqual({ devices: 1 });
    expect(JSON.stringify(rows)).not.toMatch(/secret value/);
  });

  it("lists one's own devices and signs one or all others out", async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    const laptop = await t.signIn('membera@example.org');
    const phone = await signInWith(
      t,
      'membera@example.org',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    );
    const listed = await t.call({ method: 'GET', url: '/api/me/sessions', cookie: phone });
    expect(listed.statusCode).toBe(200);
    const devices = listed.json().devices as {
      id: string;
      browser: string;
      os: string;
      thisDevice: boolean;
    }[];
    // The world signed Alice in once, then the laptop and the phone.
    expect(devices).toHaveLength(3);
    expect(devices[0]).toMatchObject({ browser: 'Safari', os: 'iOS', thisDevice: true });
    expect(devices.filter((d) => d.thisDevice)).toHaveLength(1);

    // Nobody else's device can be ended, not even by a host admin.
    const other = devices[1]!;
    const byAdmin = await t.call({
      method: 'DELETE',
      url: `/api/me/sessions/${other.id}`,
      cookie: w.cookies.admin,
    });
    expect(byAdmin.statusCode).toBe(404);

    const ended = await t.call({ method: 'DELETE', url: `/api/me/sessions/${other.id}`, cookie: phone });
    expect(ended.statusCode).toBe(204);
    const after = (await t.call({ method: 'GET', url: '/api/me/sessions', cookie: phone })).json().devices;
    expect(after).toHaveLength(2);

    const others = await t.call({
      method: 'POST',
      url: '/api/me/sessions/sign-out-others',
      cookie: phone,
      payload: {},
    });
    expect(others.json()).toEqual({ signedOut: 1 });
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: laptop })).statusCode).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.memberA })).statusCode).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie: phone })).statusCode).toBe(200);
  });
});

function cookieFrom(response: { headers: Record<string, unknown> }): string | undefined {
  const raw = response.headers['set-cookie'];
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as string[];
  const live = list.filter((c) => !/max-age=0/i.test(c)).map((c) => c.split(';')[0]);
  return live.length ? live.join('; ') : undefined;
}

async function signInWith(t: TestApp, email: string, userAgent: string): Promise<string> {
  const response = await t.call({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { 'user-agent': userAgent },
    payload: { email, password: testPassword },
  });
  expect(response.statusCode, response.body).toBe(200);
  return cookieFrom(response)!;
}
