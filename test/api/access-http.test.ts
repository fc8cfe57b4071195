import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

/** The access map as the server applies it: each row is one request, each column one role's status code. */
describe.each(storeKinds)('who may read and change what, over HTTP, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  /** A concern member A proposed to share: set content until the set agrees. */
  let proposal: string;
  /** A workshop of programme P, dated, without a facilitator. */
  let workshop: string;
  /** A meeting of set A (not yet held) and a review of programme P (a draft): for pulses and reports. */
  let meeting: string;
  let review: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    const proposed = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/concerns`,
      cookie: w.cookies.memberA,
      payload: { statement: 'Short-term funding makes planning beyond a year hard.' },
    });
    proposal = proposed.json().id;
    const planned = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/workshops`,
      cookie: w.cookies.coordinator,
      payload: { title: 'Plenary', timeZone: 'Europe/London', localStart: '2099-06-01T10:00' },
    });
    workshop = planned.json().id;
    meeting = (
      await t.call({
        method: 'POST',
        url: `/api/sets/${w.setA}/meetings`,
        cookie: w.cookies.facilitatorA,
        payload: { localStart: '2099-03-02T10:00', timeZone: 'UTC' },
      })
    ).json().id;
    review = (
      await t.call({
        method: 'POST',
        url: `/api/programmes/${w.programmeId}/reviews`,
        cookie: w.cookies.coordinator,
        payload: { title: 'Mid-point review', phase: 'mid' },
      })
    ).json().id;
  });
  afterAll(() => t.close());

  const roles: Role[] = [
    'admin',
    'coordinator',
    'otherCoordinator',
    'facilitatorA',
    'memberA',
    'memberB',
    'outsider',
  ];
  const table: {
    name: string;
    request: () => { method: string; url: string; payload?: object };
    expect: number[];
  }[] = [
    // columns:                                   admin coord otherC facA memA memB outsider
    {
      name: 'read set A',
      request: () => ({ method: 'GET', url: `/api/sets/${w.setA}` }),
      expect: [200, 200, 404, 200, 200, 404, 404],
    },
    {
      name: 'export my own content of programme P',
      request: () => ({ method: 'GET', url: `/api/programmes/${w.programmeId}/my-content.md` }),
      expect: [403, 403, 404, 200, 200, 200, 404],
    },
    {
      name: "read the host's retention of closed programmes",
      request: () => ({ method: 'GET', url: `/api/hosts/${w.hostId}/retention` }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'preview erasing member A',
      request: () => ({ method: 'GET', url: `/api/people/${w.people.memberA}/erasure` }),
      expect: [200, 403, 403, 403, 403, 404, 404],
    },
    {
      name: 'download all my own data',
      request: () => ({ method: 'GET', url: '/api/me/data.tar.gz' }),
      expect: [200, 200, 200, 200, 200, 200, 200],
    },
    {
      name: 'read programme P',
      request: () => ({ method: 'GET', url: `/api/programmes/${w.programmeId}` }),
      expect: [200, 200, 404, 200, 200, 200, 404],
    },
    {
      name: 'list programme P’s events',
      request: () => ({ method: 'GET', url: `/api/programmes/${w.programmeId}/events` }),
      expect: [200, 200, 404, 200, 200, 200, 404],
    },
    {
      name: 'rename set A',
      request: () => ({ method: 'PATCH', url: `/api/sets/${w.setA}`, payload: { theme: 'Partnerships' } }),
      expect: [200, 200, 404, 403, 403, 404, 404],
    },
    {
      name: 'create a set in P',
      request: () => ({
        method: 'POST',
        url: `/api/programmes/${w.programmeId}/sets`,
        payload: { name: 'Probe' },
      }),
      expect: [201, 201, 404, 403, 403, 403, 404],
    },
    {
      name: 'list people',
      request: () => ({ method: 'GET', url: `/api/hosts/${w.hostId}/people` }),
      expect: [200, 200, 200, 403, 403, 403, 403],
    },
    {
      name: 'list the single sign-on providers',
      request: () => ({ method: 'GET', url: `/api/hosts/${w.hostId}/sso-providers` }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'read the sign-in policy',
      request: () => ({ method: 'GET', url: `/api/hosts/${w.hostId}/sign-in-policy` }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'list one’s own signed-in devices',
      request: () => ({ method: 'GET', url: '/api/me/sessions' }),
      expect: [200, 200, 200, 200, 200, 200, 200],
    },
    {
      name: 'read the mail outbox',
      request: () => ({ method: 'GET', url: `/api/hosts/${w.hostId}/mail` }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'read the audit trail',
      request: () => ({ method: 'GET', url: `/api/hosts/${w.hostId}/audit` }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'export the audit trail',
      request: () => ({ method: 'GET', url: `/api/hosts/${w.hostId}/audit.csv` }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'change the audit trail’s retention',
      request: () => ({
        method: 'PUT',
        url: `/api/hosts/${w.hostId}/audit/settings`,
        payload: { retentionDays: 400 },
      }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'create a programme',
      request: () => ({
        method: 'POST',
        url: `/api/hosts/${w.hostId}/programmes`,
        payload: { name: 'Probe programme' },
      }),
      expect: [201, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'read member A2',
      request: () => ({ method: 'GET', url: `/api/people/${w.people.memberA2}` }),
      expect: [200, 200, 200, 200, 200, 404, 404],
    },
    {
      name: 'make member B a host admin',
      request: () => ({
        method: 'PUT',
        url: `/api/people/${w.people.memberB}/host-admin`,
        payload: { admin: false },
      }),
      expect: [200, 403, 403, 404, 404, 403, 404],
    },
    {
      name: 'list set A’s proposals to share a concern',
      request: () => ({ method: 'GET', url: `/api/sets/${w.setA}/concerns` }),
      expect: [403, 403, 404, 200, 200, 404, 404],
    },
    {
      name: 'propose a concern in set A',
      request: () => ({
        method: 'POST',
        url: `/api/sets/${w.setA}/concerns`,
        payload: { statement: 'Volunteers leave after a few months.' },
      }),
      expect: [403, 403, 404, 201, 201, 404, 404],
    },
    {
      name: 'change set A’s objection period',
      request: () => ({
        method: 'PUT',
        url: `/api/sets/${w.setA}/concern-settings`,
        payload: { objectionDays: 4 },
      }),
      expect: [403, 403, 404, 200, 403, 404, 404],
    },
    {
      name: 'read whether the question coach is on in set A',
      request: () => ({ method: 'GET', url: `/api/sets/${w.setA}/coach` }),
      expect: [403, 403, 404, 200, 200, 404, 404],
    },
    {
      name: 'switch the question coach for set A',
      request: () => ({ method: 'PUT', url: `/api/sets/${w.setA}/coach`, payload: { enabled: true } }),
      expect: [403, 403, 404, 200, 403, 404, 404],
    },
    {
      name: 'switch the question coach for oneself',
      request: () => ({ method: 'PUT', url: '/api/me/coach', payload: { enabled: true } }),
      expect: [200, 200, 200, 200, 200, 200, 200],
    },
    {
      name: 'read set A’s share of open questions',
      request: () => ({ method: 'GET', url: `/api/sets/${w.setA}/question-shares` }),
      expect: [403, 403, 404, 200, 200, 404, 404],
    },
    {
      name: 'read one’s own questions in set A',
      request: () => ({ method: 'GET', url: `/api/sets/${w.setA}/question-shares/mine` }),
      expect: [403, 403, 404, 200, 200, 404, 404],
    },
    {
      name: 'read member A’s proposal',
      request: () => ({ method: 'GET', url: `/api/concerns/${proposal}` }),
      expect: [404, 404, 404, 200, 200, 404, 404],
    },
    {
      name: 'edit member A’s proposal',
      request: () => ({
        method: 'PATCH',
        url: `/api/concerns/${proposal}`,
        payload: { themeTag: 'Funding' },
      }),
      expect: [404, 404, 404, 403, 200, 404, 404],
    },
    {
      name: 'object to member A’s proposal',
      request: () => ({ method: 'PUT', url: `/api/concerns/${proposal}/objection` }),
      expect: [404, 404, 404, 200, 200, 404, 404],
    },
    {
      name: 'withdraw an objection to member A’s proposal',
      request: () => ({ method: 'DELETE', url: `/api/concerns/${proposal}/objection` }),
      expect: [404, 404, 404, 200, 200, 404, 404],
    },
    {
      name: 'withdraw member A’s proposal',
      request: () => ({ method: 'DELETE', url: `/api/concerns/${proposal}` }),
      expect: [404, 404, 404, 403, 204, 404, 404],
    },
    {
      name: 'read programme P’s shared concerns and themes',
      request: () => ({ method: 'GET', url: `/api/programmes/${w.programmeId}/concerns` }),
      expect: [200, 200, 404, 200, 200, 200, 404],
    },
    {
      name: 'manage programme P’s themes',
      request: () => ({
        method: 'PUT',
        url: `/api/programmes/${w.programmeId}/themes`,
        payload: { themes: [] },
      }),
      expect: [200, 200, 404, 403, 403, 403, 404],
    },
    {
      name: 'open or close voting on P’s themes',
      request: () => ({
        method: 'PATCH',
        url: `/api/programmes/${w.programmeId}/voting`,
        payload: { votesPerPerson: 3 },
      }),
      expect: [200, 200, 404, 403, 403, 403, 404],
    },
    {
      // Voting has not opened: a voter is told so (409); whoever may not vote is refused first.
      name: 'vote on P’s themes',
      request: () => ({
        method: 'PUT',
        url: `/api/programmes/${w.programmeId}/votes/mine`,
        payload: { votes: [] },
      }),
      expect: [403, 403, 404, 409, 409, 409, 404],
    },
    {
      // Pulses are the set's: never a coordinator's or an admin's, even as a count.
      name: 'read the pulse of a set A meeting',
      request: () => ({ method: 'GET', url: `/api/meetings/${meeting}/pulse` }),
      expect: [403, 403, 404, 200, 200, 404, 404],
    },
    {
      // The meeting is not over yet: a member is told so (409); the facilitator gives no pulse.
      name: 'give a pulse for a set A meeting',
      request: () => ({
        method: 'PUT',
        url: `/api/meetings/${meeting}/pulse`,
        payload: { useful: 4, safe: 4 },
      }),
      expect: [403, 403, 404, 403, 409, 404, 404],
    },
    {
      name: 'read set A’s pulse trend',
      request: () => ({ method: 'GET', url: `/api/sets/${w.setA}/pulses` }),
      expect: [403, 403, 404, 200, 200, 404, 404],
    },
    {
      name: 'read programme P’s pulse trend',
      request: () => ({ method: 'GET', url: `/api/programmes/${w.programmeId}/pulses` }),
      expect: [200, 200, 404, 403, 403, 403, 404],
    },
    {
      name: 'change K for pulses and reviews',
      request: () => ({
        method: 'PUT',
        url: `/api/hosts/${w.hostId}/feedback-settings`,
        payload: { minAnswers: 5 },
      }),
      expect: [200, 403, 403, 403, 403, 403, 403],
    },
    {
      name: 'start a review of programme P',
      request: () => ({
        method: 'POST',
        url: `/api/programmes/${w.programmeId}/reviews`,
        payload: { title: 'End of year', phase: 'end' },
      }),
      expect: [201, 201, 404, 403, 403, 403, 404],
    },
    {
      // A draft is for those who run the programme; an unpublished report too.
      name: 'read programme P’s draft review',
      request: () => ({ method: 'GET', url: `/api/reviews/${review}` }),
      expect: [200, 200, 404, 404, 404, 404, 404],
    },
    {
      name: 'read the report of programme P’s unpublished review',
      request: () => ({ method: 'GET', url: `/api/reviews/${review}/report` }),
      expect: [200, 200, 404, 403, 403, 403, 404],
    },
    {
      name: 'list programme P’s workshops',
      request: () => ({ method: 'GET', url: `/api/programmes/${w.programmeId}/workshops` }),
      expect: [200, 200, 404, 200, 200, 200, 404],
    },
    {
      name: 'plan a workshop for programme P',
      request: () => ({
        method: 'POST',
        url: `/api/programmes/${w.programmeId}/workshops`,
        payload: { title: 'Another', timeZone: 'Europe/London', localStart: '2099-07-01T10:00' },
      }),
      expect: [201, 201, 404, 403, 403, 403, 404],
    },
    {
      name: 'read a workshop of P',
      request: () => ({ method: 'GET', url: `/api/workshops/${workshop}` }),
      expect: [200, 200, 404, 200, 200, 200, 404],
    },
    {
      name: 'answer a workshop of P',
      request: () => ({
        method: 'PUT',
        url: `/api/workshops/${workshop}/rsvp`,
        payload: { answer: 'maybe' },
      }),
      expect: [403, 403, 404, 200, 200, 200, 404],
    },
    {
      name: 'write a workshop’s notes',
      request: () => ({
        method: 'PUT',
        url: `/api/workshops/${workshop}/notes`,
        payload: { notes: 'Notes' },
      }),
      expect: [200, 200, 404, 403, 403, 403, 404],
    },
    {
      name: 'sign member A2 out everywhere',
      request: () => ({ method: 'DELETE', url: `/api/people/${w.people.memberA2}/sessions` }),
      expect: [200, 403, 403, 403, 403, 404, 404],
    },
  ];

  it.each(table)('$name', async ({ request, expect: expected }) => {
    const actual: number[] = [];
    for (const role of roles) {
      const response = await t.call({ ...request(), cookie: w.cookies[role] } as never);
      actual.push(response.statusCode);
    }
    expect(Object.fromEntries(roles.map((r, i) => [r, actual[i]]))).toEqual(
      Object.fromEntries(roles.map((r, i) => [r, expected[i]])),
    );
  });

  it('shows members a roster without email addresses, and coordinators one with them', async () => {
    const asMember = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}`, cookie: w.cookies.memberA })
    ).json();
    const asCoordinator = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}`, cookie: w.cookies.coordinator })
    ).json();
    expect(asMember.roster.map((r: { name: string }) => r.name).sort()).toEqual(
      asCoordinator.roster.map((r: { name: string }) => r.name).sort(),
    );
    expect(asMember.roster.every((r: object) => !('email' in r))).toBe(true);
    expect(asCoordinator.roster.every((r: { email?: string }) => r.email?.endsWith('@example.org'))).toBe(
      true,
    );
  });

  it('tells the UI what the viewer may do: content for the set, management for the coordinator', async () => {
    const asFacilitator = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}`, cookie: w.cookies.facilitatorA })
    ).json();
    const asCoordinator = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setA}`, cookie: w.cookies.coordinator })
    ).json();
    expect(asFacilitator.abilities).toMatchObject({ 'set.readContent': true, 'set.manageMembers': false });
    expect(asCoordinator.abilities).toMatchObject({ 'set.readContent': false, 'set.manageMembers': true });
  });

  it('lists for a member only their own sets of a programme, for its coordinator every set', async () => {
    const names = async (role: Role) =>
      (await t.call({ method: 'GET', url: `/api/programmes/${w.programmeId}/sets`, cookie: w.cookies[role] }))
        .json()
        .map((s: { name: string }) => s.name);
    expect(await names('memberB')).toEqual(['Set B']);
    expect(await names('coordinator')).toEqual(expect.arrayContaining(['Set A', 'Set B']));
  });

  it('warns, without refusing, when a set is outside its programme size bounds', async () => {
    const set = (
      await t.call({ method: 'GET', url: `/api/sets/${w.setB}`, cookie: w.cookies.coordinator })
    ).json();
    expect(set.memberCount).toBe(1);
    expect(set.sizeWarning).toMatchObject({ kind: 'too-small', bounds: { min: 4, max: 8 } });
  });

  it('hides contact details of people a member only shares a set with', async () => {
    const person = (
      await t.call({ method: 'GET', url: `/api/people/${w.people.memberA2}`, cookie: w.cookies.memberA })
    ).json();
    expect(person.name).toBe('memberA2 person');
    expect(person).not.toHaveProperty('email');
  });

  it('explains a refusal in words, with the refused action for clients, never the code in the sentence', async () => {
    const refused = await t.call({
      method: 'GET',
      url: `/api/sets/${w.setA}/concerns`,
      cookie: w.cookies.coordinator,
    });
    expect(refused.statusCode).toBe(403);
    const body = refused.json();
    expect(body.action).toBe('concern.listProposals');
    expect(body.detail).toBe(
      'Only the set can see the concerns proposed for sharing. Ask your programme coordinator or host admin if you think you should be able to.',
    );
    expect(body.detail).not.toContain('concern.');
  });
});
