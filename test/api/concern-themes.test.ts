// Themes and votes: the coordinator groups the programme's shared concerns into themes (from Revans's
// suggestion or by hand); participants prioritise them with a fixed number of anonymous votes, and the
// counts show only once voting has closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

interface Board {
  concerns: { id: string; statement: string; setName: string | null; themeId: string | null }[];
  themes: { id: string; name: string; position: number; concernIds: string[] }[];
  voting: { status: string; votesPerPerson: number; voters: number };
  myVotes: { themeId: string; votes: number }[] | null;
  results: { shown: boolean; reason: string | null; totals: { themeId: string; votes: number }[] };
}

describe.each(storeKinds)('themes and votes, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let clock = new Date('2027-03-01T09:00:00.000Z');
  const call = (role: Role, method: string, url: string, payload?: object) =>
    t.call({ method: method as 'GET', url, cookie: w.cookies[role], ...(payload ? { payload } : {}) });
  const ok = async (role: Role, method: string, url: string, payload?: object): Promise<Board> => {
    const response = await call(role, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const board = (role: Role = 'coordinator') => ok(role, 'GET', `/api/programmes/${w.programmeId}/concerns`);
  const idOf = (b: Board, start: string) => b.concerns.find((c) => c.statement.startsWith(start))!.id;
  let unshared: string;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => clock });
    w = await buildWorld(t);
    const propose = async (role: Role, setId: string, statement: string) => {
      const r = await call(role, 'POST', `/api/sets/${setId}/concerns`, { statement });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    await propose('memberA', w.setA, 'Short-term donor funding makes it hard to plan beyond a year.');
    await propose('memberA2', w.setA, 'Volunteers burn out and leave after a few months.');
    await propose('memberB', w.setB, 'Donors change their funding priorities faster than we can adapt.');
    await propose('memberB', w.setB, 'Recruiting and retaining volunteers in rural areas.');
    await propose('facilitatorA', w.setA, 'Partnerships with local government stall when officials change.');
    clock = new Date('2027-03-05T09:00:00.000Z');
    unshared = await propose('memberA', w.setA, 'Board members rarely read the reports we write.');
  });
  afterAll(() => t.close());

  it('suggests a grouping to those who run the programme, and says why', async () => {
    const response = await call('coordinator', 'GET', `/api/programmes/${w.programmeId}/themes/suggestion`);
    expect(response.statusCode, response.body).toBe(200);
    const suggestion = response.json();
    expect(suggestion.themes).toHaveLength(2);
    const words = suggestion.themes.map((x: { sharedWords: string[] }) => x.sharedWords);
    expect(words).toContainEqual(expect.arrayContaining(['volunteers']));
    expect(words).toContainEqual(expect.arrayContaining(['funding']));
    expect(suggestion.alone).toHaveLength(1);
    // The unshared proposal takes no part in it.
    expect(response.body).not.toContain(unshared);
    for (const [role, status] of [
      ['admin', 200],
      ['memberA', 403],
      ['facilitatorA', 403],
      ['otherCoordinator', 404],
      ['outsider', 404],
    ] as const)
      expect(
        (await call(role, 'GET', `/api/programmes/${w.programmeId}/themes/suggestion`)).statusCode,
        role,
      ).toBe(status);
  });

  it('accepts the suggestion, renames, splits, merges and moves by hand', async () => {
    const suggestion = (
      await call('coordinator', 'GET', `/api/programmes/${w.programmeId}/themes/suggestion`)
    ).json();
    let b = await ok('coordinator', 'PUT', `/api/programmes/${w.programmeId}/themes`, {
      themes: suggestion.themes.map((x: { name: string; concernIds: string[] }) => ({
        name: x.name,
        concernIds: x.concernIds,
      })),
    });
    expect(b.themes.map((x) => x.concernIds.length)).toEqual([2, 2]);
    const funding = b.themes.find((x) => x.concernIds.includes(idOf(b, 'Short-term')))!;
    b = await ok('coordinator', 'PATCH', `/api/themes/${funding.id}`, { name: 'Money that lasts' });
    expect(b.themes.map((x) => x.name)).toContain('Money that lasts');
    const clash = await call('coordinator', 'PATCH', `/api/themes/${funding.id}`, {
      name: b.themes.find((x) => x.id !== funding.id)!.name.toUpperCase(),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().detail).toMatch(/already a theme called/);
    // Split: one concern of a theme into a new one.
    b = await ok('coordinator', 'POST', `/api/programmes/${w.programmeId}/themes`, {
      name: 'Donor behaviour',
      concernIds: [idOf(b, 'Donors change')],
    });
    expect(b.themes.find((x) => x.name === 'Money that lasts')!.concernIds).toEqual([idOf(b, 'Short-term')]);
    // Merge it back.
    const split = b.themes.find((x) => x.name === 'Donor behaviour')!;
    b = await ok('coordinator', 'POST', `/api/themes/${split.id}/merge`, { intoThemeId: funding.id });
    expect(b.themes).toHaveLength(2);
    expect(b.themes.find((x) => x.id === funding.id)!.concernIds).toHaveLength(2);
    // Move the one left alone into a theme, and out again, and in again.
    const partnership = idOf(b, 'Partnerships');
    b = await ok('coordinator', 'PUT', `/api/concerns/${partnership}/theme`, { themeId: funding.id });
    expect(b.concerns.find((c) => c.id === partnership)!.themeId).toBe(funding.id);
    b = await ok('coordinator', 'PUT', `/api/concerns/${partnership}/theme`, { themeId: null });
    expect(b.concerns.find((c) => c.id === partnership)!.themeId).toBeNull();
    // Reorder: the second theme first.
    const second = b.themes[1]!;
    b = await ok('coordinator', 'PATCH', `/api/themes/${second.id}`, { position: 0 });
    expect(b.themes[0]!.id).toBe(second.id);
    // Participants see the themes; they cannot change them.
    expect((await board('memberB')).themes.map((x) => x.name)).toEqual(b.themes.map((x) => x.name));
    expect((await call('memberA', 'PATCH', `/api/themes/${second.id}`, { name: 'Mine' })).statusCode).toBe(
      403,
    );
    expect((await call('otherCoordinator', 'DELETE', `/api/themes/${second.id}`)).statusCode).toBe(404);
  });

  it('answers a proposal not yet shared as unknown, even to the coordinator and the admin', async () => {
    const { themes } = await board();
    for (const role of ['coordinator', 'admin'] as Role[]) {
      const move = await call(role, 'PUT', `/api/concerns/${unshared}/theme`, { themeId: themes[0]!.id });
      expect(move.statusCode, role).toBe(404);
      const inTheme = await call(role, 'POST', `/api/programmes/${w.programmeId}/themes`, {
        name: `Probe ${role}`,
        concernIds: [unshared],
      });
      expect(inTheme.statusCode).toBe(409);
      expect(inTheme.json().detail).toBe(
        "Some of these concerns are not among the programme's shared concerns. Reload the page and try again.",
      );
    }
  });

  it('refuses votes before voting opens, with a sentence to act on', async () => {
    const { themes } = await board();
    const early = await call('memberA', 'PUT', `/api/programmes/${w.programmeId}/votes/mine`, {
      votes: [{ themeId: themes[0]!.id, votes: 1 }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe(
      'Voting on the themes has not opened yet. Your coordinator opens it once the themes are ready.',
    );
    expect(
      (await call('memberA', 'PATCH', `/api/programmes/${w.programmeId}/voting`, { status: 'open' }))
        .statusCode,
    ).toBe(403);
  });

  it('takes votes up to the limit, refuses one over, and shows no counts while open', async () => {
    let b = await ok('coordinator', 'PATCH', `/api/programmes/${w.programmeId}/voting`, {
      status: 'open',
      votesPerPerson: 3,
    });
    expect(b.voting).toEqual({ status: 'open', votesPerPerson: 3, voters: 0 });
    const [first, second] = b.themes;
    const vote = (role: Role, votes: { themeId: string; votes: number }[]) =>
      call(role, 'PUT', `/api/programmes/${w.programmeId}/votes/mine`, { votes });
    const over = await vote('memberA', [
      { themeId: first!.id, votes: 2 },
      { themeId: second!.id, votes: 2 },
    ]);
    expect(over.statusCode).toBe(400);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json().detail).toBe(
      'You have 3 votes in all and gave 4. Take 1 off a theme and send them again.',
    );
    b = (
      await vote('memberA', [
        { themeId: first!.id, votes: 2 },
        { themeId: second!.id, votes: 1 },
      ])
    ).json();
    expect(b.myVotes).toEqual(
      expect.arrayContaining([
        { themeId: first!.id, votes: 2 },
        { themeId: second!.id, votes: 1 },
      ]),
    );
    // Stacked on one theme is allowed; a change replaces what was given.
    b = (await vote('memberB', [{ themeId: second!.id, votes: 3 }])).json();
    expect(b.myVotes).toEqual([{ themeId: second!.id, votes: 3 }]);
    expect(b.voting.voters).toBe(2);
    // Nobody sees counts while voting is open: not the coordinator, not the admin.
    for (const role of ['coordinator', 'admin', 'memberA'] as Role[]) {
      const seen = await board(role);
      expect(seen.results).toMatchObject({ shown: false, reason: 'not-closed', totals: [] });
    }
    // Another voter's board shows only their own votes.
    expect((await board('memberA2')).myVotes).toEqual([]);
    // Those who run the programme do not vote.
    expect((await vote('coordinator', [{ themeId: first!.id, votes: 1 }])).statusCode).toBe(403);
    // Themes are fixed while voting is open.
    const rename = await call('coordinator', 'PATCH', `/api/themes/${first!.id}`, { name: 'Renamed' });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().detail).toMatch(/Voting on these themes is open/);
    const limit = await call('coordinator', 'PATCH', `/api/programmes/${w.programmeId}/voting`, {
      votesPerPerson: 5,
    });
    expect(limit.statusCode).toBe(409);
  });

  it('hides counts after closing when too few voted; shows them once enough did', async () => {
    let b = await ok('coordinator', 'PATCH', `/api/programmes/${w.programmeId}/voting`, { status: 'closed' });
    expect(b.results).toMatchObject({ shown: false, reason: 'too-few-voters' });
    const late = await call('memberA2', 'PUT', `/api/programmes/${w.programmeId}/votes/mine`, {
      votes: [{ themeId: b.themes[0]!.id, votes: 1 }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe(
      'Voting on the themes has closed, so votes can no longer be given or changed.',
    );
    await ok('coordinator', 'PATCH', `/api/programmes/${w.programmeId}/voting`, { status: 'open' });
    const [first, second] = b.themes;
    await ok('memberA2', 'PUT', `/api/programmes/${w.programmeId}/votes/mine`, {
      votes: [{ themeId: first!.id, votes: 1 }],
    });
    b = await ok('coordinator', 'PATCH', `/api/programmes/${w.programmeId}/voting`, { status: 'closed' });
    expect(b.voting.voters).toBe(3);
    expect(b.results.shown).toBe(true);
    expect(b.results.totals).toEqual(
      expect.arrayContaining([
        { themeId: first!.id, votes: 3 },
        { themeId: second!.id, votes: 4 },
      ]),
    );
    expect((await board('memberB')).results.totals).toEqual(b.results.totals);
  });

  it('never shows who voted for what, and stores no one’s name or id with a vote', async () => {
    const voters = [w.people.memberA, w.people.memberA2, w.people.memberB];
    for (const role of ['coordinator', 'admin'] as Role[]) {
      const response = await call(role, 'GET', `/api/programmes/${w.programmeId}/concerns`);
      expect(response.json().myVotes).toBeNull();
      for (const id of voters) expect(response.body).not.toContain(id);
      expect(response.body).not.toMatch(/member[AB]2? person/);
    }
    const rows = await t.ctx.store.plain.selectFrom('theme_vote').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const id of voters) expect(stored).not.toContain(id);
    expect(Object.keys(rows[0]!).sort()).toEqual(['programme_id', 'theme_id', 'voter_key', 'votes']);
  });

  it('starts again on request: the votes are cleared and the themes can change', async () => {
    let b = await ok('coordinator', 'PATCH', `/api/programmes/${w.programmeId}/voting`, {
      status: 'not-open',
      votesPerPerson: 2,
    });
    expect(b.voting).toEqual({ status: 'not-open', votesPerPerson: 2, voters: 0 });
    expect(b.results).toMatchObject({ shown: false, totals: [] });
    b = await ok('coordinator', 'DELETE', `/api/themes/${b.themes[0]!.id}`);
    expect(b.themes).toHaveLength(1);
    expect(b.concerns.filter((c) => c.themeId === null).length).toBeGreaterThanOrEqual(2);
  });
});
