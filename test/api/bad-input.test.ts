import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

const tables = [
  'host',
  'organisation',
  'person',
  'programme',
  'programme_coordinator',
  'learning_set',
  'set_membership',
  'invitation',
  'mail_outbox',
] as const;

async function snapshot(t: TestApp) {
  const result: Record<string, unknown[]> = {};
  for (const table of tables)
    result[table] = await t.ctx.store.plain.selectFrom(table).selectAll().orderBy('created_at').execute();
  return result;
}

describe.each(storeKinds)('bad input gets a clear 4xx and changes nothing, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const cases = (w: () => World) => [
    {
      name: 'malformed JSON',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w().hostId}/organisations`,
        payload: '{"name": "Oxfam"',
        headers: { 'content-type': 'application/json' },
      }),
      status: 400,
      code: 'invalid-json',
    },
    {
      name: 'a wrong type',
      request: () => ({ method: 'POST', url: `/api/hosts/${w().hostId}/programmes`, payload: { name: 42 } }),
      status: 400,
      field: 'body.name',
    },
    {
      name: 'an unknown field',
      request: () => ({
        method: 'PATCH',
        url: `/api/sets/${w().setA}`,
        payload: { name: 'Renamed', isAdmin: true },
      }),
      status: 400,
      code: 'validation-failed',
    },
    {
      name: 'an over-long string',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w().hostId}/people`,
        payload: { name: 'x'.repeat(5000), email: 'long@example.org' },
      }),
      status: 400,
      field: 'body.name',
    },
    {
      name: 'a malformed id',
      request: () => ({ method: 'GET', url: '/api/sets/not-an-id' }),
      status: 400,
      field: 'params.id',
    },
    {
      name: 'an id that names nothing',
      request: () => ({
        method: 'PATCH',
        url: '/api/programmes/0d4b7a7e-5f39-4a57-b3ad-3c8f0f8f0b11',
        payload: { name: 'Ghost' },
      }),
      status: 404,
      code: 'not-found',
    },
    {
      name: 'an invalid email',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w().hostId}/people`,
        payload: { name: 'No Mail', email: 'not-an-email' },
      }),
      status: 400,
      field: 'body.email',
    },
    {
      name: 'an unknown time zone',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w().hostId}/people`,
        payload: { name: 'Zed', email: 'zed@example.org', timeZone: 'Mars/Base' },
      }),
      status: 400,
      field: 'body.timeZone',
    },
    {
      name: 'set size bounds the wrong way round',
      request: () => ({
        method: 'PATCH',
        url: `/api/programmes/${w().programmeId}`,
        payload: { setSize: { min: 8, max: 6 } },
      }),
      status: 400,
      field: 'body.setSize',
    },
    {
      name: 'a programme ending before it starts',
      request: () => ({
        method: 'PATCH',
        url: `/api/programmes/${w().programmeId}`,
        payload: { startsOn: '2027-05-01', endsOn: '2027-01-01' },
      }),
      status: 400,
      field: 'body.endsOn',
    },
    {
      name: 'a duplicate email',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w().hostId}/people`,
        payload: { name: 'Twin', email: 'MEMBERA@example.org' },
      }),
      status: 409,
      field: 'body.email',
    },
    {
      name: 'a person from nowhere added to a set',
      request: () => ({
        method: 'POST',
        url: `/api/sets/${w().setA}/members`,
        payload: { personId: '0d4b7a7e-5f39-4a57-b3ad-3c8f0f8f0b11' },
      }),
      status: 400,
      field: 'body.personId',
    },
    {
      // PostgreSQL cannot store U+0000 in text: refused by name on every store, before any write.
      name: 'a NUL character in a name',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w().hostId}/organisations`,
        payload: { name: 'Ox\u0000fam' },
      }),
      status: 400,
      field: 'body.name',
      message: 'name must not contain the NUL character (U+0000)',
    },
    {
      name: 'a NUL character in a field that is otherwise optional',
      request: () => ({
        method: 'PATCH',
        url: `/api/programmes/${w().programmeId}`,
        payload: { purpose: 'Learning\u0000' },
      }),
      status: 400,
      field: 'body.purpose',
    },
    {
      name: 'a NUL character in a path parameter',
      request: () => ({ method: 'DELETE', url: '/api/me/sessions/%00' }),
      status: 400,
      code: 'validation-failed',
    },
    {
      name: 'a body that is not JSON',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w().hostId}/organisations`,
        payload: 'name=Oxfam',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      status: 415,
      code: 'unsupported-media-type',
    },
  ];

  it.each(cases(() => w))('$name', async ({ request, status, code, field, message }) => {
    const before = await snapshot(t);
    const response = await t.call({ ...(request() as object), cookie: w.cookies.admin } as never);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.status).toBe(status);
    expect(typeof problem.detail).toBe('string');
    expect(problem.detail.length).toBeGreaterThan(10);
    if (code) expect(problem.code).toBe(code);
    if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    if (message) expect(problem.errors.map((e: { message: string }) => e.message)).toContain(message);
    expect(await snapshot(t)).toEqual(before);
  });
});
