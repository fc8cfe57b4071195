// Setup data built through the API, as the host admin and the people would build it: not the journey.
import { createCredentialAccount } from '../../../src/server/auth/accounts.ts';
import type { RunningServer } from '../../../src/server/start.ts';

export const password = 'a long enough password';

/** YYYY-MM-DD, days from today in London. */
export const londonDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** The cookies a response sets, as one Cookie header. */
export const cookieOf = (raw: string | string[] | undefined) =>
  (Array.isArray(raw) ? raw : [raw ?? '']).map((c) => c.split(';')[0]).join('; ');

/** The API as the browser calls it (its Origin, a session cookie if given); throws unless it succeeds. */
export function apiOf(server: RunningServer, origin: string) {
  return async (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, cookie?: string) => {
    const response = await server.app.inject({
      method,
      url,
      payload,
      headers: { origin, ...(cookie ? { cookie } : {}) },
    });
    if (response.statusCode >= 300)
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return {
      body: JSON.parse(response.body),
      headers: response.headers,
      cookies: cookieOf(response.headers['set-cookie']),
    };
  };
}

/** Signs in through the endpoint the sign-in form posts to; the session as a Cookie header. */
export async function signInThroughApi(server: RunningServer, origin: string, email: string) {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    payload: { email, password },
    headers: { origin },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  return cookieOf(response.headers['set-cookie']);
}

/** Ada Admin sets up the Northern NGO Learning Network, in London time. */
export async function setUpHost(server: RunningServer, origin: string) {
  const call = apiOf(server, origin);
  const setup = await call('POST', '/api/setup', {
    hostName: 'Northern NGO Learning Network',
    adminName: 'Ada Admin',
    email: 'ada@example.org',
    password,
    timeZone: 'Europe/London',
  });
  return { server, call, hostId: setup.body.hostId as string, admin: setup.cookies };
}

export type Host = Awaited<ReturnType<typeof setUpHost>>;

/** The admin adds a person, who has an account to sign in with; their id. */
export async function addPersonWithAccount(
  { server, call, hostId, admin }: Host,
  person: { name: string; email: string; [field: string]: unknown },
): Promise<string> {
  const created = await call('POST', `/api/hosts/${hostId}/people`, person, admin);
  const userId = await createCredentialAccount(server.ctx, {
    email: person.email,
    name: person.name,
    password,
  });
  await server.ctx.store.plain
    .updateTable('person')
    .set({ user_id: userId })
    .where('id', '=', created.body.id)
    .execute();
  return created.body.id as string;
}

/** The admin adds each person, in the given job role, each with an account; their ids. */
export async function addPeopleWithAccounts<Who extends string>(
  host: Host,
  people: Record<Who, { name: string; email: string }>,
  jobRole: string,
): Promise<Record<Who, string>> {
  const ids = {} as Record<Who, string>;
  for (const [key, p] of Object.entries(people) as [Who, { name: string; email: string }][])
    ids[key] = await addPersonWithAccount(host, { ...p, jobRole });
  return ids;
}

/** The admin creates a programme and, when named, gives it its coordinator; its id. */
export async function createProgramme(
  { call, hostId, admin }: Host,
  programme: { name: string; [field: string]: unknown },
  coordinator?: string,
): Promise<string> {
  const programmeId = (await call('POST', `/api/hosts/${hostId}/programmes`, programme, admin)).body
    .id as string;
  if (coordinator)
    await call('POST', `/api/programmes/${programmeId}/coordinators`, { personId: coordinator }, admin);
  return programmeId;
}

/** The admin creates a set in the programme; its id. */
export async function createSet({ call, admin }: Host, programmeId: string, name: string): Promise<string> {
  return (await call('POST', `/api/programmes/${programmeId}/sets`, { name }, admin)).body.id as string;
}

/** The admin puts the facilitator, if any, and then each member into the set. */
export async function enrol(
  { call, admin }: Host,
  setId: string,
  people: { facilitator?: string; members: string[] },
): Promise<void> {
  if (people.facilitator)
    await call(
      'POST',
      `/api/sets/${setId}/members`,
      { personId: people.facilitator, role: 'facilitator' },
      admin,
    );
  for (const personId of people.members)
    await call('POST', `/api/sets/${setId}/members`, { personId }, admin);
}

/** Schedules a meeting of the set at 10:00 London time, days from today, as the cookie's holder; its id. */
export async function scheduleMeeting(
  { call }: Host,
  setId: string,
  days: number,
  cookie: string,
): Promise<string> {
  const meeting = await call(
    'POST',
    `/api/sets/${setId}/meetings`,
    { localStart: `${londonDate(days)}T10:00`, timeZone: 'Europe/London' },
    cookie,
  );
  return meeting.body.id as string;
}
