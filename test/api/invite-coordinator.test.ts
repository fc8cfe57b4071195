import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/contract/audit.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

/** Issue 13, item 16b: a host admin invites a coordinator in one step, and a refusal leaves nothing behind. */
describe.each(storeKinds)('inviting a coordinator in one step, on %s', (kind) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const invite = (cookie: string, payload: Record<string, unknown>) =>
    t.call({ method: 'POST', url: `/api/hosts/${w.hostId}/coordinator-invitations`, cookie, payload });
  const mailsTo = (address: string) =>
    t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['subject', 'kind'])
      .where('to_address', '=', address)
      .execute();
  const peopleWith = (email: string) =>
    t.ctx.store.plain.selectFrom('person').select('id').where('email', '=', email).execute();
  const organisationsNamed = (name: string) =>
    t.ctx.store.plain.selectFrom('organisation').select('id').where('name', '=', name).execute();
  const audited = async (action: string, targetId: string) => {
    const r = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/audit?action=${action}&limit=20`,
      cookie: w.cookies.admin,
    });
    return (r.json() as { events: AuditEvent[] }).events.filter((e) => e.targetId === targetId);
  };

  it('refuses a coordinator: only host admins invite coordinators', async () => {
    const r = await invite(w.cookies.coordinator, { name: 'Nope', email: 'nope@example.org' });
    expect(r.statusCode).toBe(403);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await peopleWith('nope@example.org')).toHaveLength(0);
  });

  it('creates the person, a new organisation, the coordinator link, the flag and the invitation at once', async () => {
    const r = await invite(w.cookies.admin, {
      name: 'Cora Coordinator',
      email: 'cora@example.org',
      organisationName: 'Northfield Trust',
      programmeId: w.programmeId,
      mayStartProgrammes: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    const { person, invitationId } = r.json();
    expect(invitationId).toEqual(expect.any(String));
    expect(person).toMatchObject({
      name: 'Cora Coordinator',
      email: 'cora@example.org',
      status: 'invited',
      mayStartProgrammes: true,
      organisation: { name: 'Northfield Trust' },
    });
    expect(await organisationsNamed('Northfield Trust')).toHaveLength(1);
    const programme = (
      await t.call({ method: 'GET', url: `/api/programmes/${w.programmeId}`, cookie: w.cookies.admin })
    ).json();
    expect(programme.coordinators.map((c: { personId: string }) => c.personId)).toContain(person.id);
    const mails = await mailsTo('cora@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.kind).toBe('invitation');
    expect(await audited('person.created', person.id)).toHaveLength(1);
    expect(await audited('coordinator.added', person.id)).toHaveLength(1);
    expect(await audited('programmeStarter.granted', person.id)).toHaveLength(1);
  });

  it('reuses an existing organisation picked, and needs neither a programme nor the flag', async () => {
    const r = await invite(w.cookies.admin, {
      name: 'Olu Other',
      email: 'olu@example.org',
      organisationId: w.organisations[0],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().person).toMatchObject({
      mayStartProgrammes: false,
      organisation: { id: w.organisations[0] },
    });
    expect(await audited('coordinator.added', r.json().person.id)).toHaveLength(0);
    expect(await mailsTo('olu@example.org')).toHaveLength(1);
  });

  it('refuses an email already here with 409 and a clear sentence, creating nothing', async () => {
    const r = await invite(w.cookies.admin, {
      name: 'Cora Again',
      email: 'cora@example.org',
      organisationName: 'A Brand New Org',
      programmeId: w.otherProgrammeId,
      mayStartProgrammes: true,
    });
    expect(r.statusCode).toBe(409);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.json().detail).toBe(
      'Someone with the email address cora@example.org is already here: find them on the People page instead.',
    );
    expect(await peopleWith('cora@example.org')).toHaveLength(1);
    expect(await organisationsNamed('A Brand New Org')).toHaveLength(0);
    expect(await mailsTo('cora@example.org')).toHaveLength(1);
  });

  it('rolls everything back when a later step fails: an unknown programme leaves no person or organisation', async () => {
    const r = await invite(w.cookies.admin, {
      name: 'Pat Partial',
      email: 'pat@example.org',
      organisationName: 'Half Made Ltd',
      programmeId: '00000000-0000-4000-8000-000000000999',
    });
    expect(r.statusCode).toBe(400);
    expect(await peopleWith('pat@example.org')).toHaveLength(0);
    expect(await organisationsNamed('Half Made Ltd')).toHaveLength(0);
    expect(await mailsTo('pat@example.org')).toHaveLength(0);
  });
});
