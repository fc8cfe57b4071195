import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSetup } from '../../src/server/live/setup.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

describe.each(storeKinds)('ground rules on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const rules = (role: keyof World['cookies']) =>
    t.call({ method: 'GET', url: `/api/sets/${w.setA}/ground-rules`, cookie: w.cookies[role] });
  const accept = (role: keyof World['cookies'], version: number) =>
    t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/ground-rules/acceptance`,
      cookie: w.cookies[role],
      payload: { version },
    });

  it('adopts a version, records each acceptance and asks again when the rules change', async () => {
    const proposal = (await rules('memberA')).json();
    expect(proposal.version).toBeNull();
    expect(proposal.rules.join(' ')).toMatch(/Confidentiality/);
    expect((await accept('memberA', 1)).statusCode).toBe(409);

    const edit = (role: keyof World['cookies'], basedOn: number | null, list: string[]) =>
      t.call({
        method: 'PUT',
        url: `/api/sets/${w.setA}/ground-rules`,
        cookie: w.cookies[role],
        payload: { rules: list, basedOn },
      });
    expect((await edit('memberA', null, ['Be on time.'])).statusCode).toBe(403);
    const v1 = await edit('facilitatorA', null, [...proposal.rules, 'Be on time.']);
    expect(v1.json()).toMatchObject({ version: 1, acceptedCount: 0 });

    const accepted = await accept('memberA', 1);
    expect(accepted.json()).toMatchObject({ acceptedCount: 1, needsMyAcceptance: false });
    const seenByCoordinator = (await rules('coordinator')).json();
    expect(
      seenByCoordinator.members.find((m: { personId: string }) => m.personId === w.people.memberA),
    ).toMatchObject({
      acceptedCurrent: true,
    });
    expect((await rules('memberA2')).json().needsMyAcceptance).toBe(true);

    expect((await edit('facilitatorA', null, ['Stale edit.'])).statusCode).toBe(409);
    const v2 = await edit('coordinator', 1, ['Be honest.', 'Confidentiality: what is said here stays here.']);
    expect(v2.json()).toMatchObject({ version: 2, acceptedCount: 0 });
    expect((await rules('memberA')).json()).toMatchObject({ needsMyAcceptance: true, version: 2 });
    expect((await accept('memberA', 1)).json().detail).toMatch(/version 2/);
    expect((await accept('memberA', 2)).json().acceptedCount).toBe(1);
    expect((await rules('memberA')).json().history.map((h: { version: number }) => h.version)).toEqual([
      2, 1,
    ]);
  });

  it('shows the set its own current version when a meeting opens', async () => {
    const meeting = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/meetings`,
      cookie: w.cookies.facilitatorA,
      payload: { localStart: '2027-04-07T10:00', timeZone: 'Europe/London' },
    });
    const setup = await meetingSetup(t.ctx, meeting.json().id);
    expect(setup.groundRules).toEqual(['Be honest.', 'Confidentiality: what is said here stays here.']);
  });

  it('shows the rules to the set and those who run the programme, to nobody else', async () => {
    expect((await rules('memberB')).statusCode).toBe(404);
    expect((await rules('outsider')).statusCode).toBe(404);
    expect((await rules('otherCoordinator')).statusCode).toBe(404);
    expect((await rules('admin')).statusCode).toBe(200);
    expect((await accept('coordinator', 1)).statusCode).toBe(403);
    const bad = await t.call({
      method: 'PUT',
      url: `/api/sets/${w.setA}/ground-rules`,
      cookie: w.cookies.facilitatorA,
      payload: { rules: [], basedOn: 'one' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
