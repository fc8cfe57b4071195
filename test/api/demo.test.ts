/**
 * `revans demo` loads a host anyone can try: every login it prints signs in with the demo password and
 * lands in the role it names, with the people's organisations and time zones as seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoLogin, demoPassword, seedDemo } from '../../src/server/demo/seed.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';

describe.each(storeKinds)('the demo host on %s', (kind) => {
  let t: TestApp;
  let logins: DemoLogin[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    logins = await seedDemo(t.ctx);
  });
  afterAll(async () => t?.close());

  const meOf = async (email: string) => {
    const cookie = await t.signIn(email, demoPassword);
    const me = await t.call({ method: 'GET', url: '/api/me', cookie });
    expect(me.statusCode, email).toBe(200);
    return me.json();
  };

  it('signs every printed login in, each in the role it names', async () => {
    expect(logins.map((l) => l.role)).toEqual(
      expect.arrayContaining(['host admin', 'programme coordinator', 'facilitator of Set A']),
    );
    expect(logins.filter((l) => l.role.startsWith('member of '))).toHaveLength(9);
    for (const login of logins) {
      const me = await meOf(login.email);
      expect(me.person.name).toBe(login.name);
      if (login.role === 'host admin') expect(me.hostAdmin).toBe(true);
      if (login.role === 'programme coordinator') expect(me.coordinates).toHaveLength(1);
      const [, setName] = /^(?:facilitator|member) of (.+)$/.exec(login.role) ?? [];
      if (setName) {
        const role = login.role.startsWith('facilitator') ? 'facilitator' : 'member';
        expect(me.sets).toEqual([
          expect.objectContaining({ role, name: expect.stringMatching(new RegExp(`^${setName}`)) }),
        ]);
      }
    }
  });

  it('gives people their organisations and time zones', async () => {
    const chloe = await meOf('chloe@demo.revans.test');
    expect(chloe.person).toMatchObject({ timeZone: 'Europe/Paris', jobRole: 'Staff development lead' });
    expect(chloe.person.organisation?.name).toBe('Christian Aid');
  });

  it('refuses to load twice into the same installation', async () => {
    await expect(seedDemo(t.ctx)).rejects.toThrow(/already set up/);
  });
});
