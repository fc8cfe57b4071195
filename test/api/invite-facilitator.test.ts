import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';
import { setStatus } from './enrolment-support.ts';

/**
 * Issue 13, item 15: facilitators were enrolled through the participants' form (hopes, themes,
 * availability). Now a coordinator enrols them directly; formation places them as facilitators.
 */
describe.each(storeKinds)('inviting a facilitator to a programme, on %s', (kind) => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const invite = (cookie: string, payload: Record<string, unknown>, programmeId = w.programmeId) =>
    t.call({
      method: 'POST',
      url: `/api/programmes/${programmeId}/facilitator-invitations`,
      cookie,
      payload,
    });
  const mailsTo = (address: string) =>
    t.ctx.store.plain.selectFrom('mail_outbox').select('kind').where('to_address', '=', address).execute();

  it('refuses someone who does not coordinate the programme (it is not theirs to see)', async () => {
    const r = await invite(w.cookies.otherCoordinator, { name: 'No One', email: 'no.one@example.org' });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('enrols them as an accepted facilitator without the participant questions, and mails an invitation', async () => {
    const r = await invite(w.cookies.coordinator, {
      name: 'Fran Facilitator',
      email: 'fran@example.org',
      organisation: 'Riverside Council',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      status: 'accepted',
      asFacilitator: true,
      name: 'Fran Facilitator',
      organisation: 'Riverside Council',
      themes: [],
      hopes: '',
    });
    const person = await t.call({
      method: 'GET',
      url: `/api/people/${r.json().personId}`,
      cookie: w.cookies.admin,
    });
    expect(person.json()).toMatchObject({ status: 'invited', organisation: { name: 'Riverside Council' } });
    expect(await mailsTo('fran@example.org')).toEqual([{ kind: 'invitation' }]);
  });

  it('refuses the same email again with 409, adding nothing', async () => {
    const r = await invite(w.cookies.coordinator, { name: 'Fran Again', email: 'fran@example.org' });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).toBe(
      'fran@example.org already has an application to this programme; accept it as a facilitator there instead.',
    );
    expect(await mailsTo('fran@example.org')).toHaveLength(1);
  });

  it('links someone already here without a second account invitation, and formation places them as a facilitator', async () => {
    const r = await invite(w.cookies.coordinator, {
      name: 'facilitatorA person',
      email: 'facilitatorA@example.org',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().personId).toBe(w.people.facilitatorA);
    expect(await mailsTo('facilitatorA@example.org')).toHaveLength(0);

    await setStatus(t, w.programmeId, w.cookies.coordinator, 'recruiting');
    await setStatus(t, w.programmeId, w.cookies.coordinator, 'forming');
    const run = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/formation-runs`,
      cookie: w.cookies.coordinator,
      payload: {},
    });
    expect(run.statusCode, run.body).toBe(201);
    const people = run.json().people as { id: string; facilitator: boolean }[];
    expect(people.find((p) => p.id === r.json().personId)?.facilitator).toBe(true);
  });
});
