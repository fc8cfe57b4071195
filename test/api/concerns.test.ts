// Issues of common concern: a set shares a concern with its programme only by its consent (nobody objects
// within the period, or everyone present in the live room approves); until then nobody outside the set
// sees it. Then the coordinator groups shared concerns into themes and participants vote, anonymously.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import { buildWorld, type Role, type World } from '../support/world.ts';

const start = new Date('2027-03-01T09:00:00.000Z');
const hours = (n: number) => n * 3_600_000;

interface Proposal {
  id: string;
  statement: string;
  status: string;
  state: string;
  consentBy: string;
  sharedAt: string | null;
  sharedHow: string | null;
  objections: { personId: string; name: string }[];
  proposer: { personId: string; name: string };
}

function harness() {
  const h = {
    t: undefined as unknown as TestApp,
    w: undefined as unknown as World,
    clock: start,
    at(iso: string | Date) {
      h.clock = new Date(iso);
    },
    later(ms: number) {
      h.clock = new Date(h.clock.getTime() + ms);
    },
    call(role: Role, method: string, url: string, payload?: object) {
      return h.t.call({
        method: method as 'GET',
        url,
        cookie: h.w.cookies[role],
        ...(payload ? { payload } : {}),
      });
    },
    async propose(role: Role, statement: string, extra: object = {}, setId?: string): Promise<Proposal> {
      const response = await h.call(role, 'POST', `/api/sets/${setId ?? h.w.setA}/concerns`, {
        statement,
        ...extra,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    async setList(role: Role, setId?: string): Promise<Proposal[]> {
      const response = await h.call(role, 'GET', `/api/sets/${setId ?? h.w.setA}/concerns`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().proposals;
    },
    async shared(role: Role) {
      const response = await h.call(role, 'GET', `/api/programmes/${h.w.programmeId}/concerns`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as {
        concerns: { id: string; statement: string; setName: string | null; themeId: string | null }[];
        themes: { id: string; name: string; concernIds: string[] }[];
        voting: { status: string; votesPerPerson: number; voters: number };
        myVotes: { themeId: string; votes: number }[] | null;
        results: { shown: boolean; reason: string | null; totals: { themeId: string; votes: number }[] };
      };
    },
  };
  return h;
}

describe.each(storeKinds)('concerns shared by consent, on %s', (kind) => {
  const h = harness();
  beforeAll(async () => {
    h.t = await createTestApp(kind, {}, { now: () => h.clock });
    h.w = await buildWorld(h.t);
  });
  afterAll(() => h.t.close());

  it('lets nothing leave the set before it consents: outsiders get 404 and lists without it', async () => {
    h.at(start);
    const secret = 'Funding cycles are too short to plan staff development beyond a year.';
    const proposal = await h.propose('memberA', secret, { themeTag: 'Funding' });
    expect(proposal).toMatchObject({
      status: 'proposed',
      state: 'waiting',
      consentBy: '2027-03-04T09:00:00.000Z',
      proposer: { personId: h.w.people.memberA },
      mine: true,
    });
    // The set sees it, with its deadline.
    for (const role of ['memberA2', 'facilitatorA'] as Role[]) {
      const list = await h.setList(role);
      expect(list.map((p) => p.statement)).toContain(secret);
    }
    // Nobody outside the set: not the coordinator, not the admin, not another set.
    for (const [role, status] of [
      ['admin', 404],
      ['coordinator', 404],
      ['otherCoordinator', 404],
      ['memberB', 404],
      ['outsider', 404],
    ] as const) {
      const one = await h.call(role, 'GET', `/api/concerns/${proposal.id}`);
      expect(one.statusCode, role).toBe(status);
      expect(one.body).not.toContain('Funding cycles');
    }
    for (const [role, status] of [
      ['admin', 403],
      ['coordinator', 403],
      ['memberB', 404],
      ['otherCoordinator', 404],
    ] as const) {
      const list = await h.call(role, 'GET', `/api/sets/${h.w.setA}/concerns`);
      expect(list.statusCode, role).toBe(status);
      expect(list.body).not.toContain('Funding cycles');
    }
    for (const role of ['admin', 'coordinator', 'memberB'] as Role[]) {
      const board = await h.call(role, 'GET', `/api/programmes/${h.w.programmeId}/concerns`);
      expect(board.statusCode).toBe(200);
      expect(board.body).not.toContain('Funding cycles');
    }
    // A millisecond before the deadline it is still the set's.
    h.at('2027-03-04T08:59:59.999Z');
    expect((await h.shared('coordinator')).concerns.map((c) => c.id)).not.toContain(proposal.id);
    expect((await h.call('coordinator', 'GET', `/api/concerns/${proposal.id}`)).statusCode).toBe(404);
  });

  it('shares it at the deadline, as of the deadline, without the proposer’s name', async () => {
    h.at('2027-03-04T09:00:00.000Z');
    const board = await h.shared('coordinator');
    const concern = board.concerns.find((c) => c.statement.startsWith('Funding cycles'));
    expect(concern).toMatchObject({ setName: null, themeId: null });
    const asCoordinator = await h.call('coordinator', 'GET', `/api/programmes/${h.w.programmeId}/concerns`);
    expect(asCoordinator.body).not.toContain('memberA person');
    expect(asCoordinator.body).not.toContain(h.w.people.memberA);
    // Every participant of the programme sees it; the admin too; another programme's coordinator not.
    expect((await h.shared('memberB')).concerns.map((c) => c.id)).toContain(concern!.id);
    expect((await h.shared('admin')).concerns.map((c) => c.id)).toContain(concern!.id);
    expect(
      (await h.call('otherCoordinator', 'GET', `/api/programmes/${h.w.programmeId}/concerns`)).statusCode,
    ).toBe(404);
    // The set sees when and how it was shared: at the deadline itself, however late someone looked.
    h.later(hours(5));
    const mine = (await h.setList('memberA')).find((p) => p.id === concern!.id)!;
    expect(mine).toMatchObject({
      status: 'shared',
      state: 'shared',
      sharedAt: '2027-03-04T09:00:00.000Z',
      sharedHow: 'period',
    });
    // Still not readable as a proposal by anyone outside the set.
    expect((await h.call('coordinator', 'GET', `/api/concerns/${concern!.id}`)).statusCode).toBe(404);
  });

  it('is shared once: a second look changes nothing', async () => {
    const rows = async () =>
      h.t.ctx.store.plain
        .selectFrom('concern')
        .select(['id', 'status', 'shared_at', 'updated_at'])
        .where('status', '=', 'shared')
        .orderBy('id')
        .execute();
    const before = await rows();
    h.later(hours(24));
    await h.shared('coordinator');
    await h.setList('memberA');
    expect(await rows()).toEqual(before);
  });

  it('holds a concern someone objects to, past its deadline, and refuses to share it', async () => {
    h.at('2027-03-10T09:00:00.000Z');
    const p = await h.propose(
      'memberA',
      'Partnerships with local government stall whenever officials change.',
    );
    const objected = await h.call('memberA2', 'PUT', `/api/concerns/${p.id}/objection`);
    expect(objected.statusCode, objected.body).toBe(200);
    expect(objected.json()).toMatchObject({
      state: 'held',
      iObject: true,
      objections: [{ personId: h.w.people.memberA2, name: 'memberA2 person' }],
    });
    // Who objected is for the set: the proposer and facilitator see it.
    expect((await h.setList('facilitatorA')).find((x) => x.id === p.id)!.objections).toHaveLength(1);
    h.at('2027-03-20T09:00:00.000Z');
    const held = (await h.setList('memberA')).find((x) => x.id === p.id)!;
    expect(held).toMatchObject({ status: 'proposed', state: 'held' });
    expect((await h.shared('coordinator')).concerns.map((c) => c.id)).not.toContain(p.id);
  });

  it('shares at once when the last objection is withdrawn after the period', async () => {
    h.at('2027-03-21T12:00:00.000Z');
    const p = (await h.setList('memberA')).find((x) => x.statement.startsWith('Partnerships'))!;
    // Another objection first: withdrawing one of two still holds it.
    expect((await h.call('facilitatorA', 'PUT', `/api/concerns/${p.id}/objection`)).statusCode).toBe(200);
    const one = await h.call('memberA2', 'DELETE', `/api/concerns/${p.id}/objection`);
    expect(one.json()).toMatchObject({ state: 'held', iObject: false });
    const last = await h.call('facilitatorA', 'DELETE', `/api/concerns/${p.id}/objection`);
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({
      status: 'shared',
      sharedAt: '2027-03-21T12:00:00.000Z',
      sharedHow: 'period',
      objections: [],
    });
    expect((await h.shared('coordinator')).concerns.map((c) => c.id)).toContain(p.id);
  });

  it('shares at the deadline when an objection is withdrawn before it', async () => {
    h.at('2027-04-01T09:00:00.000Z');
    const p = await h.propose('memberA2', 'Volunteers burn out and leave after a few months.', {
      showSetName: true,
    });
    await h.call('memberA', 'PUT', `/api/concerns/${p.id}/objection`);
    h.at('2027-04-02T09:00:00.000Z');
    const withdrawn = await h.call('memberA', 'DELETE', `/api/concerns/${p.id}/objection`);
    expect(withdrawn.json()).toMatchObject({ state: 'waiting', status: 'proposed' });
    h.at('2027-04-04T09:00:00.000Z');
    const board = await h.shared('memberB');
    expect(board.concerns.find((c) => c.id === p.id)).toMatchObject({ setName: 'Set A' });
    expect((await h.call('memberA', 'GET', `/api/concerns/${p.id}`)).json()).toMatchObject({
      sharedAt: '2027-04-04T09:00:00.000Z',
    });
  });

  it('refuses objecting, editing and withdrawing once shared, with a sentence', async () => {
    const board = await h.shared('memberA');
    const id = board.concerns[0]!.id;
    for (const [method, url, payload] of [
      ['PUT', `/api/concerns/${id}/objection`, undefined],
      ['PATCH', `/api/concerns/${id}`, { themeTag: 'Other' }],
    ] as const) {
      const response = await h.call('memberA', method, url, payload);
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toMatch(/already been shared with the programme/);
    }
  });

  it('starts the period again when the proposer changes the words, and tells the set', async () => {
    h.at('2027-05-01T09:00:00.000Z');
    const p = await h.propose('memberA', 'Reporting to several donors in different formats eats our time.');
    h.at('2027-05-03T09:00:00.000Z');
    const edited = await h.call('memberA', 'PATCH', `/api/concerns/${p.id}`, {
      statement: 'Reporting to many donors, each in its own format, eats our time.',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      consentBy: '2027-05-06T09:00:00.000Z',
      state: 'waiting',
    });
    // Only the proposer changes it.
    expect((await h.call('memberA2', 'PATCH', `/api/concerns/${p.id}`, { themeTag: 'x' })).statusCode).toBe(
      403,
    );
    // The first deadline passes: still the set's.
    h.at('2027-05-04T10:00:00.000Z');
    expect((await h.shared('coordinator')).concerns.map((c) => c.id)).not.toContain(p.id);
    const mails = await h.t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['to_address', 'kind', 'text_body'])
      .where('kind', 'in', ['concernProposed', 'concernChanged'])
      .where('text_body', 'like', '%own format%')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([
      'facilitatora@example.org',
      'membera2@example.org',
    ]);
    expect(mails.every((m) => m.kind === 'concernChanged')).toBe(true);
  });

  it('lets the proposer withdraw before sharing; it is then gone for the set as well', async () => {
    const p = await h.propose('memberA', 'Board members rarely read the reports we write for them.');
    expect((await h.call('facilitatorA', 'DELETE', `/api/concerns/${p.id}`)).statusCode).toBe(403);
    expect((await h.call('memberA', 'DELETE', `/api/concerns/${p.id}`)).statusCode).toBe(204);
    expect((await h.call('memberA', 'GET', `/api/concerns/${p.id}`)).statusCode).toBe(404);
    expect((await h.setList('memberA2')).map((x) => x.id)).not.toContain(p.id);
    h.later(hours(24 * 10));
    expect((await h.shared('coordinator')).concerns.map((c) => c.id)).not.toContain(p.id);
  });

  it('lets the facilitator set the period, within bounds, for proposals made from then on', async () => {
    h.at('2027-06-01T09:00:00.000Z');
    expect(
      (await h.call('memberA', 'PUT', `/api/sets/${h.w.setA}/concern-settings`, { objectionDays: 5 }))
        .statusCode,
    ).toBe(403);
    const tooLong = await h.call('facilitatorA', 'PUT', `/api/sets/${h.w.setA}/concern-settings`, {
      objectionDays: 30,
    });
    expect(tooLong.statusCode).toBe(400);
    const set = await h.call('facilitatorA', 'PUT', `/api/sets/${h.w.setA}/concern-settings`, {
      objectionDays: 5,
    });
    expect(set.json()).toMatchObject({ objectionDays: 5 });
    const p = await h.propose('memberA2', 'Head office decides our targets without asking field staff.');
    expect(p.consentBy).toBe('2027-06-06T09:00:00.000Z');
  });

  it('refuses a statement too short or too long, naming the field', async () => {
    const short = await h.call('memberA', 'POST', `/api/sets/${h.w.setA}/concerns`, { statement: 'Money' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.statement');
    const long = await h.call('memberA', 'POST', `/api/sets/${h.w.setA}/concerns`, {
      statement: 'x'.repeat(501),
    });
    expect(long.statusCode).toBe(400);
  });

  it('keeps the statement out of the admin’s outbox view; the recipient’s mail carries it', async () => {
    const list = await h.call('admin', 'GET', `/api/hosts/${h.w.hostId}/mail`);
    const mail = list.json().mails.find((m: { kind: string }) => m.kind === 'concernProposed');
    expect(mail).toBeDefined();
    const one = await h.call('admin', 'GET', `/api/hosts/${h.w.hostId}/mail/${mail.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toMatch(/Funding cycles|Partnerships|Volunteers|donors|Head office|Board members/);
    expect(one.json().text).toContain('[set content withheld: only the recipient reads it]');
    const stored = await h.t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('id', '=', mail.id)
      .executeTakeFirstOrThrow();
    expect(stored.text_body).toMatch(/\uE000.+\uE001/);
  });
});

describe.each(storeKinds)('consent in the live room, on %s', (kind) => {
  const h = harness();
  let base: string;
  let meetingId: string;
  const clients: TestLiveClient[] = [];
  const byRole = new Map<Role, TestLiveClient>();
  const join = async (role: Role, count: number) => {
    const client = liveClient(base, meetingId, h.w.cookies[role]);
    clients.push(client);
    byRole.set(role, client);
    await client.until((s) => s.present.length === count);
    return client;
  };
  const room = async (role: Role) => {
    const response = await h.call(role, 'GET', `/api/meetings/${meetingId}/concerns`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const approve = (role: Role, id: string) =>
    h.call(role, 'PUT', `/api/concerns/${id}/approval`, { meetingId });

  beforeAll(async () => {
    // The live room ends a socket whose session has expired by the server's clock: keep it near today.
    h.at(new Date());
    h.t = await createTestApp(kind, {}, { now: () => h.clock });
    h.w = await buildWorld(h.t);
    await h.t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.t.app.server.address() as { port: number }).port}`;
    const tomorrow = new Date(h.clock.getTime() + hours(24)).toISOString().slice(0, 10);
    const meeting = await h.call('facilitatorA', 'POST', `/api/sets/${h.w.setA}/meetings`, {
      localStart: `${tomorrow}T10:00`,
      timeZone: 'UTC',
    });
    meetingId = meeting.json().id;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await h.t.close();
  });

  it('cannot approve before the meeting runs', async () => {
    const p = await h.propose('memberA', 'Short-term donor funding makes it hard to plan beyond a year.');
    const refused = await approve('memberA2', p.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/not running/);
  });

  it('needs enough of the set in the room, and everyone present to approve', async () => {
    await join('memberA', 1);
    const facilitatorRoom = await join('facilitatorA', 2);
    facilitatorRoom.send({ type: 'meeting.start' });
    await facilitatorRoom.until((s) => s.status === 'live');
    const [open] = (await room('memberA')).proposals;
    expect(open).toMatchObject({
      blockedBy: 'waiting-for-approvals',
      waitingFor: [{ name: 'facilitatorA person' }],
    });
    expect((await approve('memberB', open.id)).statusCode).toBe(404);
    expect((await approve('coordinator', open.id)).statusCode).toBe(404);
    // memberA2 is not in the room: their approval is refused, as it could not be "everyone present".
    const absent = await approve('memberA2', open.id);
    expect(absent.statusCode).toBe(409);
    expect(absent.json().detail).toMatch(/Join the meeting/);
    const second = await join('memberA2', 3);
    expect(second).toBeDefined();
    const partly = await approve('memberA2', open.id);
    expect(partly.statusCode, partly.body).toBe(200);
    expect(partly.json()).toMatchObject({ status: 'proposed' });
    const waiting = (await room('facilitatorA')).proposals[0];
    expect(waiting).toMatchObject({
      blockedBy: 'waiting-for-approvals',
      waitingFor: [{ name: 'facilitatorA person' }],
    });
    expect((await h.shared('coordinator')).concerns).toHaveLength(0);
    const all = await approve('facilitatorA', open.id);
    expect(all.json()).toMatchObject({
      status: 'shared',
      sharedHow: 'room',
      sharedAt: h.clock.toISOString(),
    });
    expect((await h.shared('coordinator')).concerns.map((c) => c.id)).toEqual([open.id]);
  });

  it('refuses to share at once a concern someone objects to', async () => {
    const p = await h.propose('memberA2', 'Volunteers burn out and leave after a few months.');
    await h.call('memberA', 'PUT', `/api/concerns/${p.id}/objection`);
    const refused = await approve('facilitatorA', p.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe(
      'memberA person objects to sharing this concern, so it cannot be shared. Talk it through; it can be shared once every objection is withdrawn.',
    );
    const own = await approve('memberA', p.id);
    expect(own.json().detail).toMatch(/Withdraw your objection first/);
    await h.call('memberA', 'DELETE', `/api/concerns/${p.id}/objection`);
    expect((await approve('memberA', p.id)).json()).toMatchObject({ status: 'proposed' });
    expect((await approve('facilitatorA', p.id)).json()).toMatchObject({
      status: 'shared',
      sharedHow: 'room',
    });
  });

  it('asks again after the words change: approvals were for the old words', async () => {
    const p = await h.propose('memberA', 'Keeping volunteers motivated without paying them.');
    await approve('memberA2', p.id);
    await h.call('memberA', 'PATCH', `/api/concerns/${p.id}`, {
      statement: 'Keeping unpaid volunteers motivated.',
    });
    const after = await approve('facilitatorA', p.id);
    expect(after.json()).toMatchObject({ status: 'proposed', approvals: [{ name: 'facilitatorA person' }] });
    const [row] = (await room('memberA')).proposals.filter((x: { id: string }) => x.id === p.id);
    expect(row.waitingFor.map((x: { name: string }) => x.name)).toEqual(['memberA2 person']);
  });

  it('stops counting someone who left the room', async () => {
    const p = await h.propose('memberA', 'Recruiting and retaining volunteers in rural areas.');
    // memberA2 leaves: two of three are still here, enough for the room.
    byRole.get('memberA2')!.close();
    await byRole.get('facilitatorA')!.until((s) => !s.present.includes(h.w.people.memberA2));
    const shared = await approve('facilitatorA', p.id);
    expect(shared.json()).toMatchObject({ status: 'shared', sharedHow: 'room' });
  });
});
