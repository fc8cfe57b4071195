/** My settings: a person changes their own name, language and time zone; any IANA name or alias is taken. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

describe.each(storeKinds)('my settings on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const patchMe = (payload: object, role: keyof World['cookies'] = 'memberA', id = w.people.memberA) =>
    t.call({ method: 'PATCH', url: `/api/people/${id}`, cookie: w.cookies[role], payload });

  it('stores the current name of a zone given by its old one (regression: Asia/Kolkata was only Asia/Calcutta)', async () => {
    const r = await patchMe({ timeZone: 'Asia/Calcutta' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().timeZone).toBe('Asia/Kolkata');
    expect((await patchMe({ timeZone: 'Europe/Kyiv' })).json().timeZone).toBe('Europe/Kyiv');
    expect((await patchMe({ timeZone: 'US/Eastern' })).json().timeZone).toBe('America/New_York');
    const me = await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.memberA });
    expect(me.json().person.timeZone).toBe('America/New_York');
  });

  it('refuses a zone that does not exist, as a problem naming the field', async () => {
    const r = await patchMe({ timeZone: 'Mars/Olympus_Mons' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(r.json())).toContain('timeZone');
  });

  it('keeps name and language, and lets nobody in the set change them for another member', async () => {
    const r = await patchMe({ name: 'Mira Member', language: 'fr' });
    expect(r.json()).toMatchObject({ name: 'Mira Member', language: 'fr' });
    const me = await t.call({ method: 'GET', url: '/api/me', cookie: w.cookies.memberA });
    expect(me.json().person).toMatchObject({ name: 'Mira Member', language: 'fr' });
    const other = await patchMe({ language: 'es' }, 'memberA2');
    expect([403, 404]).toContain(other.statusCode);
    expect((await patchMe({ language: 'es' }, 'memberB')).statusCode).toBe(404);
  });
});
