/**
 * Calls into the accounts library switch its context stores (and with them Node's promise hooks, which
 * every later request would pay for) off again once none is in flight (src/server/auth/accounts-context.ts).
 * Switching them off must never cost a call its context: people signing in at the same moment all get
 * working sessions, each their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsContextActive } from '../../src/server/auth/accounts-context.ts';
import { createTestApp, type TestApp, testPassword } from '../support/app.ts';
import { buildWorld, type World } from '../support/world.ts';

describe('the accounts library between calls', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    w = await buildWorld(t);
  });
  afterAll(async () => t?.close());

  const roles = ['coordinator', 'facilitatorA', 'memberA', 'memberA2', 'memberB', 'outsider'] as const;

  it('signs many people in at once, each into their own session, and then leaves no promise hook on', async () => {
    const attempts = roles.flatMap((role) => [
      t.signIn(`${role.toLowerCase()}@example.org`).then((cookie) => ({ role, cookie })),
      // A wrong password at the same moment: refused, and it must not disturb the others.
      t.call({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: `${role.toLowerCase()}@example.org`, password: `${testPassword}-wrong` },
      }),
    ]);
    const settled = await Promise.all(attempts);
    const sessions = settled.filter(
      (s): s is { role: (typeof roles)[number]; cookie: string } => 'cookie' in s,
    );
    const refused = settled.filter((s) => 'statusCode' in s) as { statusCode: number }[];
    expect(refused.map((r) => r.statusCode)).toEqual(roles.map(() => 401));
    expect(sessions).toHaveLength(roles.length);

    // Each new cookie is looked up by the library (not yet cached), all at once.
    const answers = await Promise.all(
      sessions.map(({ cookie }) => t.call({ method: 'GET', url: '/api/me', cookie })),
    );
    for (const [i, answer] of answers.entries()) {
      expect(answer.statusCode).toBe(200);
      expect(answer.json().person.id).toBe(w.people[sessions[i]!.role]);
    }
    expect(await accountsContextActive()).toBe(false);
  });

  it('still signs out through the library after its stores were switched off', async () => {
    const cookie = await t.signIn('memberb@example.org');
    expect(await accountsContextActive()).toBe(false);
    const out = await t.call({ method: 'POST', url: '/api/auth/sign-out', cookie, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await t.call({ method: 'GET', url: '/api/me', cookie })).statusCode).toBe(401);
    expect(await accountsContextActive()).toBe(false);
  });
});
