/**
 * Signed-in sessions are remembered for a few seconds (src/server/auth/session-cache.ts): ending one must
 * still lock its cookie out on the very next request, on the node that ended it and on every other node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testConfig, testOrigin, testPassword } from '../support/app.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { buildWorld, type World } from '../support/world.ts';

const stores = (['sqlite', 'postgres'] as const).filter(
  (k) => k === 'sqlite' || process.env.TEST_DATABASE_URL,
);

describe.each(stores)('session cache on one node (%s)', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  const me = (cookie: string) => t.call({ method: 'GET', url: '/api/me', cookie });

  it('answers 401 to the next request after signing out, though the session was just used', async () => {
    const cookie = await t.signIn('membera@example.org');
    expect((await me(cookie)).statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await t.call({ method: 'POST', url: '/api/auth/sign-out', cookie, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    // The person's other sessions are unaffected.
    expect((await me(w.cookies.memberA)).statusCode).toBe(200);
  });

  it('answers 401 at once to a device signed out from another device, and to all others', async () => {
    const laptop = await t.signIn('membera@example.org');
    const phone = await t.signIn('membera@example.org');
    const tablet = await t.signIn('membera@example.org');
    for (const c of [laptop, phone, tablet]) expect((await me(c)).statusCode).toBe(200);
    const devices = (await t.call({ method: 'GET', url: '/api/me/sessions', cookie: phone })).json()
      .devices as { id: string; thisDevice: boolean }[];
    const laptopSession = (await t.call({ method: 'GET', url: '/api/me/sessions', cookie: laptop }))
      .json()
      .devices.find((d: { thisDevice: boolean }) => d.thisDevice).id as string;
    expect(devices.some((d) => d.id === laptopSession)).toBe(true);
    const ended = await t.call({ method: 'DELETE', url: `/api/me/sessions/${laptopSession}`, cookie: phone });
    expect(ended.statusCode).toBe(204);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
    expect((await me(tablet)).statusCode).toBe(200);
    await t.call({ method: 'POST', url: '/api/me/sessions/sign-out-others', cookie: phone, payload: {} });
    expect((await me(tablet)).statusCode).toBe(401);
    expect((await me(w.cookies.memberA)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
  });

  it('answers 401 at once after a password change that signs other devices out', async () => {
    const a = await t.signIn('memberb@example.org');
    const b = await t.signIn('memberb@example.org');
    expect((await me(b)).statusCode).toBe(200);
    const changed = await t.call({
      method: 'POST',
      url: '/api/auth/change-password',
      cookie: a,
      payload: {
        currentPassword: testPassword,
        newPassword: 'another long enough password',
        revokeOtherSessions: true,
      },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
  });
});

describe('session cache across two nodes on one PostgreSQL', () => {
  let t: TestApp;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    t = await createTestApp('postgres');
    await buildWorld(t);
    const config = testConfig(t.database);
    const env = {
      DATA_DIR: t.database.dataDir,
      DATABASE_URL: t.database.databaseUrl ?? '',
      AUTH_SECRET: config.authSecret,
      PUBLIC_URL: config.publicUrl,
      API_RATE_LIMIT_MAX: '100000',
      SIGNIN_RATE_LIMIT_MAX: '1000',
    };
    // One after the other, each waited for in full: on a loaded machine bundling and starting takes a while.
    a = await startServerProcess(env);
    b = await startServerProcess(env);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await t?.close();
  });

  const signIn = async (node: ServerProcess, email: string) => {
    const response = await fetch(`${node.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { origin: testOrigin, 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: testPassword }),
    });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  const me = async (node: ServerProcess, cookie: string) =>
    (await fetch(`${node.url}/api/me`, { headers: { origin: testOrigin, cookie } })).status;

  it('locks a signed-out cookie out on both nodes on the very next request', {
    timeout: 30_000,
  }, async () => {
    const cookie = await signIn(a, 'membera@example.org');
    for (const node of [a, b, a, b]) expect(await me(node, cookie)).toBe(200);
    const out = await fetch(`${a.url}/api/auth/sign-out`, {
      method: 'POST',
      headers: { origin: testOrigin, cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect(await me(b, cookie)).toBe(401);
    expect(await me(a, cookie)).toBe(401);
  });

  it('locks a device signed out on one node out of the other node at once', { timeout: 30_000 }, async () => {
    const laptop = await signIn(a, 'memberb@example.org');
    const phone = await signIn(b, 'memberb@example.org');
    for (const node of [a, b]) {
      expect(await me(node, laptop)).toBe(200);
      expect(await me(node, phone)).toBe(200);
    }
    const listed = await fetch(`${a.url}/api/me/sessions`, {
      headers: { origin: testOrigin, cookie: laptop },
    });
    const laptopId = (
      (await listed.json()) as { devices: { id: string; thisDevice: boolean }[] }
    ).devices.find((d) => d.thisDevice)?.id;
    const ended = await fetch(`${b.url}/api/me/sessions/${laptopId}`, {
      method: 'DELETE',
      headers: { origin: testOrigin, cookie: phone },
    });
    expect(ended.status).toBe(204);
    expect(await me(a, laptop)).toBe(401);
    expect(await me(b, laptop)).toBe(401);
    expect(await me(a, phone)).toBe(200);
  });
});
