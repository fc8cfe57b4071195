import { createCredentialAccount } from '../../src/server/auth/accounts.ts';
import { cookieHeader, type TestApp, testPassword } from './app.ts';

/**
 * A small programme built through the API as its admin: programme P with sets A and B, a second
 * programme Q, and people in every role the access map knows. Everyone has an account (password
 * `testPassword`) so tests can sign in as any role.
 */
export interface World {
  hostId: string;
  programmeId: string;
  otherProgrammeId: string;
  setA: string;
  setB: string;
  people: Record<Role, string>;
  cookies: Record<Role, string>;
  organisations: string[];
}

export type Role =
  | 'admin'
  | 'coordinator'
  | 'otherCoordinator'
  | 'facilitatorA'
  | 'memberA'
  | 'memberA2'
  | 'memberB'
  | 'outsider';

async function ok(response: { statusCode: number; body: string }, expected = [200, 201]) {
  if (!expected.includes(response.statusCode))
    throw new Error(`unexpected ${response.statusCode}: ${response.body}`);
  return JSON.parse(response.body);
}

export async function setUpHost(t: TestApp, email = 'admin@example.org') {
  const response = await t.call({
    method: 'POST',
    url: '/api/setup',
    payload: {
      hostName: 'Test Host',
      adminName: 'Ada Admin',
      email,
      password: testPassword,
      timeZone: 'Europe/London',
    },
  });
  const body = await ok(response);
  return { hostId: body.hostId as string, personId: body.personId as string, cookie: cookieHeader(response) };
}

export async function buildWorld(t: TestApp): Promise<World> {
  const admin = await setUpHost(t);
  const as = (url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
    t.call({ method, url, payload: payload as object, cookie: admin.cookie }).then((r) => ok(r));
  const organisations: string[] = [];
  for (const name of ['Oxfam', 'ActionAid', 'WaterAid']) {
    organisations.push((await as(`/api/hosts/${admin.hostId}/organisations`, { name })).id);
  }
  const roles: Role[] = [
    'coordinator',
    'otherCoordinator',
    'facilitatorA',
    'memberA',
    'memberA2',
    'memberB',
    'outsider',
  ];
  const people = { admin: admin.personId } as Record<Role, string>;
  for (const [i, role] of roles.entries()) {
    const email = `${role.toLowerCase()}@example.org`;
    const person = await as(`/api/hosts/${admin.hostId}/people`, {
      name: `${role} person`,
      email,
      organisationId: organisations[i % organisations.length],
      jobRole: 'Learning adviser',
    });
    people[role] = person.id;
    const userId = await createCredentialAccount(t.ctx, { email, name: person.name, password: testPassword });
    await t.ctx.store.plain
      .updateTable('person')
      .set({ user_id: userId })
      .where('id', '=', person.id)
      .execute();
  }
  const programme = await as(`/api/hosts/${admin.hostId}/programmes`, {
    name: 'Learning Practitioners',
    setSize: { min: 4, max: 8 },
  });
  const other = await as(`/api/hosts/${admin.hostId}/programmes`, { name: 'Another programme' });
  await as(`/api/programmes/${programme.id}/coordinators`, { personId: people.coordinator });
  await as(`/api/programmes/${other.id}/coordinators`, { personId: people.otherCoordinator });
  const setA = await as(`/api/programmes/${programme.id}/sets`, { name: 'Set A' });
  const setB = await as(`/api/programmes/${programme.id}/sets`, { name: 'Set B' });
  await as(`/api/sets/${setA.id}/members`, { personId: people.facilitatorA, role: 'facilitator' });
  await as(`/api/sets/${setA.id}/members`, { personId: people.memberA });
  await as(`/api/sets/${setA.id}/members`, { personId: people.memberA2 });
  await as(`/api/sets/${setB.id}/members`, { personId: people.memberB });
  const cookies = { admin: admin.cookie } as Record<Role, string>;
  for (const role of roles) cookies[role] = await t.signIn(`${role.toLowerCase()}@example.org`);
  return {
    hostId: admin.hostId,
    programmeId: programme.id,
    otherProgrammeId: other.id,
    setA: setA.id,
    setB: setB.id,
    people,
    cookies,
    organisations,
  };
}
