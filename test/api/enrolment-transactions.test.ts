import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as contract from '../../src/contract/enrolment.ts';
import { withdraw } from '../../src/server/features/enrolment/decisions.ts';
import { transact } from '../../src/server/transact.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';
import { answers, openLink, setStatus } from './enrolment-support.ts';

describe.each(storeKinds)('enrolment as part of a larger unit of work on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const roster = async (setId: string) =>
    (
      await t.ctx.store.plain
        .selectFrom('set_membership')
        .select('person_id')
        .where('set_id', '=', setId)
        .execute()
    ).map((r) => r.person_id);

  it('leaves the sets untouched and closes no socket when a later step of the same transaction fails', async () => {
    const publish = vi.spyOn(t.ctx.bus, 'publish');
    try {
      await expect(
        transact(t.ctx, async (tx) => {
          await withdraw(tx, { programmeId: w.programmeId, personId: w.people.memberA });
          throw new Error('a later step fails');
        }),
      ).rejects.toThrow('a later step fails');
      expect(await roster(w.setA)).toContain(w.people.memberA);
      expect(publish).not.toHaveBeenCalled();

      await transact(t.ctx, (tx) => withdraw(tx, { programmeId: w.programmeId, personId: w.people.memberA }));
      expect(await roster(w.setA)).not.toContain(w.people.memberA);
      expect(publish).toHaveBeenCalledWith({ kind: 'revoke', setId: w.setA, personId: w.people.memberA });
    } finally {
      publish.mockRestore();
    }
  });

  it('answers a withdrawal by application with the application exactly as the contract describes it', async () => {
    await setStatus(t, w.programmeId, w.cookies.coordinator, 'recruiting');
    const link = await openLink(t, w.programmeId, w.cookies.coordinator);
    const applied = await t.call({
      method: 'POST',
      url: `/api/apply/${link}`,
      cookie: w.cookies.outsider,
      payload: answers(),
    });
    expect(applied.statusCode).toBe(201);
    const id = applied.json().applicationId;
    const out = await t.call({
      method: 'POST',
      url: `/api/applications/${id}/withdrawal`,
      cookie: w.cookies.outsider,
    });
    expect(out.statusCode).toBe(200);
    const body = contract.application.strict().parse(out.json());
    expect(body).toMatchObject({
      id,
      status: 'withdrawn',
      email: 'outsider@example.org',
      source: 'open-link',
    });
    expect(body.consent?.withdrawnAt).toBeTruthy();
  });
});
