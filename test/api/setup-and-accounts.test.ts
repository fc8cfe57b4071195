import { afterEach, describe, expect, it } from 'vitest';
import { cookieHeader, createTestApp, type TestApp, testPassword } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { startSmtpCatcher } from '../support/smtp.ts';
import { setUpHost } from '../support/world.ts';

describe.each(storeKinds)('first run and accounts on %s', (kind) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('offers first-run setup once, then refuses a second host', async () => {
    t = await createTestApp(kind);
    expect((await t.call({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needed: true,
      signedIn: false,
      defaultLanguage: null,
      me: null,
    });
    const { cookie } = await setUpHost(t);
    const me = await t.call({ method: 'GET', url: '/api/me', cookie });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      hostAdmin: true,
      host: { name: 'Test Host' },
      person: { name: 'Ada Admin' },
    });
    const again = await t.call({
      method: 'POST',
      url: '/api/setup',
      payload: {
        hostName: 'Evil',
        adminName: 'Eve',
        email: 'eve@example.org',
        password: testPassword,
        timeZone: 'UTC',
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().code).toBe('already-set-up');
    // Signed-out visitors are spoken to in the host's language until they choose their own.
    expect((await t.call({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needed: false,
      signedIn: false,
      defaultLanguage: 'en',
      me: null,
    });
    // Signed in, the same first request also says who they are: exactly what GET /api/me answers.
    const status = (await t.call({ method: 'GET', url: '/api/setup', cookie })).json();
    expect(status).toMatchObject({ needed: false, signedIn: true, defaultLanguage: 'en' });
    expect(status.me).toEqual(me.json());
    const hosts = await t.ctx.store.plain.selectFrom('host').select('name').execute();
    expect(hosts).toEqual([{ name: 'Test Host' }]);
  });

  it('signs in with the right password only, in an httpOnly SameSite cookie, and signs out', async () => {
    t = await createTestApp(kind);
    await setUpHost(t, 'ada@example.org');
    const wrong = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'ada@example.org', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'ADA@example.org', password: testPassword },
    });
    expect(right.statusCode).toBe(200);
    const setCookie = String(right.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieHeader(right);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie })).statusCode).toBe(200);
    // A page asks /api/setup first: it learns whether to ask who you are, so a signed-out visit logs no 401.
    expect((await t.call({ method: 'GET', url: '/api/setup', cookie })).json()).toMatchObject({
      needed: false,
      signedIn: true,
    });
    await t.call({ method: 'POST', url: '/api/auth/sign-out', cookie, payload: {} });
    expect((await t.call({ method: 'GET', url: '/api/me', cookie })).statusCode).toBe(401);
    expect((await t.call({ method: 'GET', url: '/api/setup', cookie })).json()).toMatchObject({
      needed: false,
      signedIn: false,
      me: null,
    });
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    t = await createTestApp(kind);
    await setUpHost(t);
    const accounts = await t.ctx.store.plain.selectFrom('account').select('password').execute();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.password).toMatch(/^\$argon2id\$/);
    expect(accounts[0]!.password).not.toContain(testPassword);
  });

  it('refuses a state-changing request sent from another site, changing nothing', async () => {
    t = await createTestApp(kind);
    const { hostId, cookie } = await setUpHost(t);
    const response = await t.call({
      method: 'POST',
      url: `/api/hosts/${hostId}/organisations`,
      cookie,
      headers: { origin: 'https://evil.example' },
      payload: { name: 'Planted' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('cross-site-request');
    expect(await t.ctx.store.plain.selectFrom('organisation').select('id').execute()).toEqual([]);
  });

  it('slows down password guessing: too many sign-in attempts get 429', async () => {
    t = await createTestApp(kind, { signInRateLimit: { max: 3, windowSeconds: 60 } });
    await setUpHost(t, 'ada@example.org');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.call({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: 'ada@example.org', password: `guess number ${i}` },
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('resets a forgotten password through a link mailed over real SMTP', async () => {
    const smtp = await startSmtpCatcher();
    try {
      t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: true });
      await setUpHost(t, 'ada@example.org');
      const request = await t.call({
        method: 'POST',
        url: '/api/auth/request-password-reset',
        payload: { email: 'ada@example.org', redirectTo: '/reset-password' },
      });
      expect(request.statusCode).toBe(200);
      const mail = await smtp.waitFor((m) => m.envelope.to.includes('ada@example.org'), 10_000);
      expect(mail.subject).toMatch(/reset your revans password/i);
      const link = /http\S+reset-password\?token=([\w-]+)/.exec(mail.text ?? '');
      expect(link?.[0].startsWith('http://localhost:3000/')).toBe(true);
      const reset = await t.call({
        method: 'POST',
        url: '/api/auth/reset-password',
        payload: { token: link![1], newPassword: 'a brand new password' },
      });
      expect(reset.statusCode).toBe(200);
      await expect(t.signIn('ada@example.org')).rejects.toThrow(/sign-in failed/);
      expect(await t.signIn('ada@example.org', 'a brand new password')).toContain('revans.session_token');
    } finally {
      await smtp.stop();
    }
  });
});
