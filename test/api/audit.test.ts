import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/contract/audit.ts';
import { purgeAuditTrail } from '../../src/server/audit/service.ts';
import { createTestApp, type TestApp, testPassword } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { openQuestioning, type RoomAtQuestioning } from '../support/questioning.ts';
import { buildWorld, type World } from '../support/world.ts';

const _intake = { real: true, current: true, openEnded: true, mineToActOn: true };
// Set content written during the test: none of it may ever reach the audit trail.
const secrets = {
  title: 'Zebra-secret: the board never reads the papers',
  story: 'Walrus-secret: papers go unread for months.',
  question: 'Okapi-secret: what would make the papers worth reading?',
  journal: 'Narwhal-secret: I learnt to listen.',
};

describe.each(storeKinds)('the audit trail, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let frozenAt: Date | null = null;
  let meetingId: string;
  let room: RoomAtQuestioning | undefined;

  const list = async (query: Record<string, string | number> = {}, cookie = w.cookies.admin) => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const response = await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/audit?${search}`, cookie });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { events: AuditEvent[]; next: string | null };
  };
  const latest = async (action: string) => (await list({ action, limit: 1 })).events[0];

  beforeAll(async () => {
    t = await createTestApp(kind, {}, { now: () => frozenAt ?? new Date() });
    w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    room?.close();
    await t.close();
  });

  it('records the first sign-in of first-run setup', async () => {
    const first = (await list({ action: 'auth.signIn', actor: w.people.admin, limit: 500 })).events.at(-1);
    expect(first).toMatchObject({ actorId: w.people.admin, details: { firstSignIn: true } });
  });

  it('records sign-ins, failed sign-ins and sign-outs with who, when and from where', async () => {
    const before = Date.now();
    const cookie = await t.signIn('membera@example.org');
    const signIn = await latest('auth.signIn');
    expect(signIn).toMatchObject({
      actorId: w.people.memberA,
      actorLabel: 'memberA person <membera@example.org>',
      outcome: 'success',
      targetType: 'person',
      targetId: w.people.memberA,
      ip: '127.0.0.1',
    });
    expect(Date.parse(signIn!.at)).toBeGreaterThanOrEqual(before - 1000);

    const wrong = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'membera@example.org', password: 'not the password at all' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(await latest('auth.signInFailed')).toMatchObject({
      actorId: null,
      actorLabel: 'membera@example.org',
      outcome: 'failure',
      targetId: w.people.memberA,
      details: { knownAddress: true },
    });
    await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'nobody@example.org', password: testPassword },
    });
    expect(await latest('auth.signInFailed')).toMatchObject({
      actorLabel: 'nobody@example.org',
      targetId: null,
      details: { knownAddress: false },
    });

    const out = await t.call({ method: 'POST', url: '/api/auth/sign-out', payload: {}, cookie });
    expect(out.statusCode).toBe(200);
    expect(await latest('auth.signOut')).toMatchObject({ actorId: w.people.memberA, outcome: 'success' });
  });

  it('records role and membership changes, programme lifecycle, settings and people', async () => {
    const admin = w.cookies.admin;
    const as = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
      const response = await t.call({ method, url, cookie: admin, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    };
    await as('PUT', `/api/people/${w.people.outsider}/host-admin`, { admin: true });
    expect(await latest('hostAdmin.granted')).toMatchObject({
      actorId: w.people.admin,
      actorLabel: 'Ada Admin <admin@example.org>',
      targetId: w.people.outsider,
      targetLabel: 'outsider person <outsider@example.org>',
      // From where: the request's address, carried by the actor to the service that records the change.
      ip: '127.0.0.1',
    });
    await as('PUT', `/api/people/${w.people.outsider}/host-admin`, { admin: false });
    expect(await latest('hostAdmin.revoked')).toMatchObject({ targetId: w.people.outsider });

    await as('POST', `/api/programmes/${w.programmeId}/coordinators`, { personId: w.people.memberB });
    expect(await latest('coordinator.added')).toMatchObject({
      targetId: w.people.memberB,
      details: { programmeId: w.programmeId },
    });
    await as('DELETE', `/api/programmes/${w.programmeId}/coordinators/${w.people.memberB}`);
    expect(await latest('coordinator.removed')).toMatchObject({ targetId: w.people.memberB });

    await as('POST', `/api/sets/${w.setB}/members`, { personId: w.people.outsider, role: 'member' });
    expect(await latest('membership.added')).toMatchObject({
      targetId: w.people.outsider,
      details: { setId: w.setB, role: 'member' },
    });
    await as('PATCH', `/api/sets/${w.setB}/members/${w.people.outsider}`, { role: 'facilitator' });
    expect(await latest('membership.roleChanged')).toMatchObject({ details: { role: 'facilitator' } });
    await as('DELETE', `/api/sets/${w.setB}/members/${w.people.outsider}`);
    expect(await latest('membership.removed')).toMatchObject({ details: { role: 'facilitator' } });

    const programme = await as('POST', `/api/hosts/${w.hostId}/programmes`, {
      name: 'Audited programme',
      status: 'draft',
    });
    expect(await latest('programme.created')).toMatchObject({
      targetId: programme.id,
      targetLabel: 'Audited programme',
      ip: '127.0.0.1',
    });
    await as('PATCH', `/api/programmes/${programme.id}`, { status: 'recruiting' });
    expect(await latest('programme.statusChanged')).toMatchObject({
      targetId: programme.id,
      details: { from: 'draft', to: 'recruiting' },
    });
    await as('PATCH', `/api/programmes/${programme.id}`, { archived: true });
    expect(await latest('programme.archived')).toMatchObject({ targetId: programme.id });

    await as('PATCH', `/api/hosts/${w.hostId}`, { name: 'Audited Host' });
    expect(await latest('host.settingsChanged')).toMatchObject({
      details: { nameBefore: 'Test Host', name: 'Audited Host' },
    });

    await as('DELETE', `/api/people/${w.people.otherCoordinator}/sessions`);
    expect(await latest('person.signedOut')).toMatchObject({ targetId: w.people.otherCoordinator });
    await as('PATCH', `/api/people/${w.people.otherCoordinator}`, { archived: true });
    expect(await latest('person.archived')).toMatchObject({ targetId: w.people.otherCoordinator });
  });

  it('records nothing when the change fails: the event shares its transaction', async () => {
    const count = (await list({ action: 'coordinator.removed', limit: 500 })).events.length;
    const response = await t.call({
      method: 'DELETE',
      url: `/api/programmes/${w.programmeId}/coordinators/${w.people.memberB}`,
      cookie: w.cookies.admin,
    });
    expect(response.statusCode).toBe(404);
    expect((await list({ action: 'coordinator.removed', limit: 500 })).events).toHaveLength(count);
  });

  it('records an exported meeting record, and holds no set content after a meeting', async () => {
    room = await openQuestioning(t, w, { title: secrets.title, story: secrets.story });
    meetingId = room.meetingId;
    const { facilitator: f, asker: q, run } = room;
    await run(q, { type: 'question.add', text: secrets.question });
    await run(f, { type: 'meeting.end' });
    const journal = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/journal`,
      cookie: w.cookies.memberA,
      payload: { meetingId, answers: { myself: secrets.journal }, visibility: 'set' },
    });
    expect(journal.statusCode, journal.body).toBe(201);

    const record = await t.call({
      method: 'GET',
      url: `/api/meetings/${meetingId}/record.md`,
      cookie: w.cookies.memberA,
    });
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain(secrets.question);
    expect(await latest('record.exported')).toMatchObject({
      actorId: w.people.memberA,
      targetType: 'meeting',
      targetId: meetingId,
      details: { format: 'markdown', setId: w.setA },
    });

    // Every column of every row, read straight from the table.
    const rows = await t.ctx.store.plain.selectFrom('audit_event').selectAll().execute();
    expect(rows.length).toBeGreaterThan(20);
    const everything = JSON.stringify(rows);
    for (const text of Object.values(secrets)) expect(everything).not.toContain(text.split(':')[0]);
  });

  it('filters by action, actor, target and date, newest first, a page at a time', async () => {
    const mine = await list({ actor: w.people.memberA, limit: 500 });
    expect(mine.events.length).toBeGreaterThan(1);
    expect(mine.events.every((e) => e.actorId === w.people.memberA)).toBe(true);
    const times = mine.events.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);

    const byWords = await list({ actor: 'ADA ADMIN', limit: 500 });
    expect(byWords.events.length).toBeGreaterThan(5);
    expect(byWords.events.every((e) => e.actorLabel.startsWith('Ada Admin'))).toBe(true);

    const aboutOutsider = await list({ target: w.people.outsider, limit: 500 });
    expect(new Set(aboutOutsider.events.map((e) => e.targetId))).toEqual(new Set([w.people.outsider]));
    const byTargetWords = await list({ target: 'audited programme', limit: 500 });
    expect(byTargetWords.events.map((e) => e.action).sort()).toEqual([
      'programme.archived',
      'programme.created',
      'programme.statusChanged',
    ]);

    const today = new Date().toISOString().slice(0, 10);
    expect((await list({ from: today, to: today, limit: 5 })).events).toHaveLength(5);
    expect((await list({ to: '2020-01-01' })).events).toHaveLength(0);
    const backwards = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/audit?from=2027-01-02&to=2027-01-01`,
      cookie: w.cookies.admin,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'validation-failed' });

    const all = await list({ limit: 500 });
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page = await list({ limit: 7, ...(next ? { before: next } : {}) });
      seen.push(...page.events.map((e) => e.id));
      next = page.next;
    } while (next);
    expect(seen).toEqual(all.events.map((e) => e.id));
  });

  it('exports the filtered trail as CSV, and records the export', async () => {
    const response = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/audit.csv?action=membership.added`,
      cookie: w.cookies.admin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-trail-/);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,actor,actorId,action,targetType,targetId,target,outcome,ip,details');
    const added = (await list({ action: 'membership.added', limit: 500 })).events;
    expect(lines).toHaveLength(added.length + 1);
    expect(lines.slice(1).every((l) => l.includes(',membership.added,'))).toBe(true);
    expect(await latest('audit.exported')).toMatchObject({
      actorId: w.people.admin,
      details: { events: added.length, action: 'membership.added' },
    });
  });

  it('after an erasure keeps what was done and by which id, but not the person’s name or address', async () => {
    const before = (await list({ target: w.people.outsider, limit: 500 })).events.length;
    expect(before).toBeGreaterThan(3);
    const erased = await t.call({
      method: 'POST',
      url: `/api/people/${w.people.outsider}/erasure`,
      cookie: w.cookies.admin,
      payload: { mode: 'remove', confirmName: 'outsider person' },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const about = (await list({ target: w.people.outsider, limit: 500 })).events;
    expect(about).toHaveLength(before + 1);
    expect(about[0]).toMatchObject({ action: 'person.erased', actorId: w.people.admin });
    expect(new Set(about.map((e) => e.targetLabel))).toEqual(new Set(['a former member (erased)']));
    const everything = JSON.stringify(
      await t.ctx.store.plain.selectFrom('audit_event').selectAll().execute(),
    );
    expect(everything).not.toContain('outsider person');
    expect(everything).not.toContain('outsider@example.org');
  });

  it('is for host admins only', async () => {
    for (const role of ['coordinator', 'memberA', 'facilitatorA'] as const) {
      for (const url of [`/api/hosts/${w.hostId}/audit`, `/api/hosts/${w.hostId}/audit.csv`]) {
        const response = await t.call({ method: 'GET', url, cookie: w.cookies[role] });
        expect(response.statusCode, `${role} ${url}`).toBe(403);
      }
      const settings = await t.call({
        method: 'PUT',
        url: `/api/hosts/${w.hostId}/audit/settings`,
        cookie: w.cookies[role],
        payload: { retentionDays: 1 },
      });
      expect(settings.statusCode).toBe(403);
    }
    const anonymous = await t.call({ method: 'GET', url: `/api/hosts/${w.hostId}/audit` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('cannot be changed: no route changes it, and the database refuses updates and deletes', async () => {
    const one = (await list({ limit: 1 })).events[0]!;
    const patch = await t.call({
      method: 'PATCH',
      url: `/api/hosts/${w.hostId}/audit`,
      cookie: w.cookies.admin,
      payload: {},
    });
    expect(patch.statusCode).toBe(404);
    await expect(
      sql`update audit_event set actor_label = 'someone else' where id = ${one.id}`.execute(
        t.ctx.store.plain,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_event where id = ${one.id}`.execute(t.ctx.store.plain),
    ).rejects.toThrow(/append-only/);
    expect((await list({ limit: 1 })).events[0]).toEqual(one);
  });

  it('keeps events for the host’s retention, then the purge drops the older ones', async () => {
    const settings = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/audit/settings`,
      cookie: w.cookies.admin,
    });
    expect(settings.json()).toEqual({ retentionDays: 365 });
    const tooLong = await t.call({
      method: 'PUT',
      url: `/api/hosts/${w.hostId}/audit/settings`,
      cookie: w.cookies.admin,
      payload: { retentionDays: 0 },
    });
    expect(tooLong.statusCode).toBe(400);
    const changed = await t.call({
      method: 'PUT',
      url: `/api/hosts/${w.hostId}/audit/settings`,
      cookie: w.cookies.admin,
      payload: { retentionDays: 2 },
    });
    expect(changed.json()).toEqual({ retentionDays: 2 });
    expect(await latest('audit.settingsChanged')).toMatchObject({
      details: { retentionDaysBefore: 365, retentionDays: 2 },
    });
    const before = (await list({ limit: 500 })).events.length;

    // Nothing is old enough yet.
    expect(await purgeAuditTrail(t.ctx)).toBe(0);
    // Something happens "three days later": it stays. The clock stands still, so the purge lands in the
    // same millisecond and the trail still lists it after the change it kept.
    frozenAt = new Date(Date.now() + 3 * 86_400_000);
    await t.call({
      method: 'PATCH',
      url: `/api/hosts/${w.hostId}`,
      cookie: w.cookies.admin,
      payload: { name: 'Later Host' },
    });
    expect(await purgeAuditTrail(t.ctx)).toBe(before);
    const left = (await list({ limit: 500 })).events;
    expect(left.map((e) => e.action)).toEqual(['audit.purged', 'host.settingsChanged']);
    expect(left[0]).toMatchObject({ actorId: null, actorLabel: 'Revans', details: { events: before } });
    frozenAt = null;
  });
});
