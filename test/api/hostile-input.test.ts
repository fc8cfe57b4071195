/**
 * What an attack tool sends: every route the contract serves, walked from the app's own route table (a
 * route added later is covered without editing this test), with ids that name nothing or break things,
 * bodies of every wrong shape, hostile values in each field the route reads, broken JSON and a NUL
 * character everywhere PostgreSQL would choke on it. Whatever comes in, the answer is a success or a
 * 4xx problem+json with a sentence: never a 5xx, never an error page of another shape.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as accounts from '../../src/contract/accounts.ts';
import type { Route } from '../../src/contract/route.ts';
import * as security from '../../src/contract/security.ts';
import { type ContractRouteConfig, routeTable } from '../../src/server/http/route-table.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

const brokenIds = [
  'not-an-id',
  '00000000-0000-0000-0000-000000000000',
  '%00',
  'a'.repeat(3000),
  "'%20OR%201=1%20--",
  '..%2F..%2Fetc%2Fpasswd',
  '1e999',
  '%F0%9F%92%A5',
  '%FF%FE',
];

const hostileValues: unknown[] = [
  null,
  -1,
  1e308,
  '',
  'x'.repeat(100_000),
  'Ox\u0000fam',
  '2026-02-30',
  ['\u0000'],
  { __proto__: { isAdmin: true } },
];

const brokenJson = [
  '{"name":',
  '[1,2',
  '{"name":"a","name":"b"}',
  '{"__proto__":{"isAdmin":true}}',
  // Nested deeper than any call stack: JSON.parse takes it, so nothing after it may recurse.
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"name":${'{"a":'.repeat(20_000)}"\u0000"${'}'.repeat(20_001)}`,
];

/** The fields a route's body names at its top level, through optional, default and pipe wrappers. */
function bodyFields(schema: z.ZodType | undefined): string[] {
  let current = schema;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    const def = (current as unknown as { def: { innerType?: z.ZodType; in?: z.ZodType } }).def;
    current = def.innerType ?? def.in;
  }
  return [];
}

function hostileBodies(route: Route): unknown[] {
  const shapes: unknown[] = [undefined, null, [], 'text', 42, {}];
  return [
    ...shapes,
    ...bodyFields(route.body).flatMap((field) => hostileValues.map((v) => ({ [field]: v }))),
  ];
}

describe.each(storeKinds)(
  'no request, however hostile, gets a 5xx or an answer that is not a problem, on %s',
  (kind) => {
    let t: TestApp;
    let w: World;
    const wrong: string[] = [];
    let sent = 0;

    beforeAll(async () => {
      t = await createTestApp(kind);
      w = await buildWorld(t);
    });
    afterAll(() => t.close());
    beforeEach(() => {
      wrong.length = 0;
      sent = 0;
    });

    async function send(method: Route['method'], url: string, cookie: string | undefined, body?: unknown) {
      const payload =
        typeof body === 'string' && brokenJson.includes(body)
          ? body
          : body === undefined
            ? undefined
            : JSON.stringify(body);
      const response = await t.call({
        method,
        url,
        cookie,
        ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }),
      });
      sent++;
      const type = String(response.headers['content-type'] ?? '');
      const problem = response.statusCode >= 400 ? response.json() : undefined;
      const fine =
        response.statusCode < 500 &&
        (problem === undefined ||
          (type.startsWith('application/problem+json') &&
            problem.status === response.statusCode &&
            typeof problem.detail === 'string' &&
            problem.detail.length > 10));
      if (!fine)
        wrong.push(
          `${method} ${url.slice(0, 100)} ${payload?.slice(0, 60)} -> ${response.statusCode} ${response.body.slice(0, 160)}`,
        );
    }

    /** The id a path's resource most likely takes, so that a hostile body reaches the route's own checks. */
    const idFor = (path: string) =>
      path.startsWith('/api/hosts/')
        ? w.hostId
        : path.startsWith('/api/programmes/')
          ? w.programmeId
          : path.startsWith('/api/people/')
            ? w.people.memberA
            : path.startsWith('/api/organisations/')
              ? (w.organisations[0] as string)
              : w.setA;

    it('answers every served route with a success or a 4xx problem, whatever is sent', async () => {
      const served = [
        ...new Map(
          routeTable(t.app)
            .map((r) => (r.config as ContractRouteConfig | undefined)?.contract)
            .filter((r): r is Route => r !== undefined)
            .map((r) => [`${r.method} ${r.path}`, r]),
        ).values(),
      ];
      // Reads first and removals last, so that what the walk deletes cannot hide a route's other checks.
      const order = (r: Route) => (r.method === 'GET' ? 0 : r.method === 'DELETE' ? 2 : 1);
      served.sort((a, b) => order(a) - order(b));
      expect(served.length).toBeGreaterThan(150);
      for (const route of served) {
        const fill = (id: string) => route.path.replace(/:\w+/g, id);
        const cookie = route.public ? undefined : w.cookies.admin;
        for (const id of brokenIds) await send(route.method, fill(id), cookie, route.body ? {} : undefined);
        const url = fill(idFor(route.path));
        await send(
          route.method,
          `${url}?from=%00&to=2026-13-45&limit=-5&page=1e99&week=x&offset[]=1`,
          cookie,
        );
        if (!route.body) continue;
        // A set's own routes refuse an admin before their handler runs: walked as its facilitator and a member.
        const inSet = route.path.startsWith('/api/sets/');
        for (const as of inSet ? [w.cookies.facilitatorA, w.cookies.memberA] : [cookie])
          for (const body of [...hostileBodies(route), ...brokenJson])
            await send(route.method, url, as, body);
      }
      expect(wrong).toEqual([]);
      expect(sent).toBeGreaterThan(3000);
    });

    it('answers the sign-in library’s routes, its callbacks and forged session cookies the same way', async () => {
      const libraryRoutes = ([...Object.values(accounts), ...Object.values(security)] as unknown[]).filter(
        (r): r is Route =>
          typeof r === 'object' && r !== null && String((r as Route).path).startsWith('/api/auth/'),
      );
      expect(libraryRoutes.length).toBeGreaterThan(6);
      for (const route of libraryRoutes)
        for (const cookie of [undefined, w.cookies.memberA2])
          for (const body of [...hostileBodies(route), ...brokenJson])
            await send(route.method, route.path, cookie, body);
      for (const query of ['code=%00&state=%00', `state=${'s'.repeat(300)}`, 'error=%FF'])
        await send('GET', `/api/auth/callback/not-a-provider%00?${query}`, undefined);
      const name = 'revans.session_token';
      for (const forged of ['%00', 'abc%00.def', 'x'.repeat(4000), 'a.b.c', '%FF%FE', '"quoted"'])
        for (const url of ['/api/me', '/api/auth/get-session']) await send('GET', url, `${name}=${forged}`);
      expect(wrong).toEqual([]);
      expect(sent).toBeGreaterThan(100);
    });
  },
);
