import { afterEach, describe, expect, it } from 'vitest';
import { scoreAssignment } from '../../src/domain/grouping/index.ts';
import { cookieHeader, createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { buildWorld, type World } from '../support/world.ts';
import { answers, openLink, setStatus } from './enrolment-support.ts';

const invitationLink = /http:\/\/localhost:3000\/invitation\/([\w-]+)/;
const orgs = ['Oxfam', 'ActionAid', 'WaterAid', 'Save the Children', 'CARE', 'Plan'];

describe.each(storeKinds)('forming sets on %s', (kind) => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
  });

  /** Eight applicants and two facilitators apply through the open link and are accepted. */
  async function acceptedProgramme(): Promise<{ t: TestApp; w: World }> {
    smtp = await startSmtpCatcher();
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: true });
    const w = await buildWorld(t);
    const c = w.cookies.coordinator;
    await t.call({
      method: 'PATCH',
      url: `/api/programmes/${w.programmeId}`,
      cookie: c,
      payload: { status: 'recruiting', setSize: { min: 3, max: 5 }, meetingCadence: 'Every 6 weeks' },
    });
    const token = await openLink(t, w.programmeId, c);
    for (let i = 0; i < 10; i++) {
      const response = await t.call({
        method: 'POST',
        url: `/api/apply/${token}`,
        payload: answers({
          name: `Applicant ${i}`,
          email: `applicant${i}@example.org`,
          organisation: orgs[i % orgs.length],
          mustAvoid: i === 0 ? ['Applicant 1'] : [],
        }),
      });
      expect(response.statusCode).toBe(201);
    }
    const list = (
      await t.call({ method: 'GET', url: `/api/programmes/${w.programmeId}/applications`, cookie: c })
    ).json();
    for (const [i, a] of list.entries()) {
      const decided = await t.call({
        method: 'POST',
        url: `/api/applications/${a.id}/decision`,
        cookie: c,
        payload: { decision: 'accept', asFacilitator: i >= 8 },
      });
      expect(decided.statusCode).toBe(200);
    }
    return { t, w };
  }

  it('proposes sets, rescored on a move, keeps a locked set on re-run and publishes them with emails', async () => {
    const { t, w } = await acceptedProgramme();
    const c = w.cookies.coordinator;
    const early = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/formation-runs`,
      cookie: c,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/forming/);
    await setStatus(t, w.programmeId, c, 'forming');

    const created = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/formation-runs`,
      cookie: c,
      payload: { seed: 7 },
    });
    expect(created.statusCode).toBe(201);
    const run = created.json();
    expect(run.sets).toHaveLength(2);
    expect(run.hardViolations).toBe(0);
    for (const set of run.sets) {
      expect(set.facilitators).toHaveLength(1);
      expect(set.explanation).toMatch(/Set/);
    }
    const byName = new Map<string, string>(
      run.people.map((p: { id: string; name: string }) => [p.name, p.id]),
    );
    const a0 = byName.get('Applicant 0')!;
    const a1 = byName.get('Applicant 1')!;
    const setOf = (r: typeof run, id: string) =>
      r.sets.findIndex((s: { members: string[] }) => s.members.includes(id));
    expect(setOf(run, a0)).not.toBe(setOf(run, a1));
    expect(
      (await t.call({ method: 'GET', url: `/api/formation-runs/${run.id}`, cookie: w.cookies.facilitatorA }))
        .statusCode,
    ).toBe(403);

    // Moving Applicant 1 in with Applicant 0 breaks their must-be-apart rule: the score and warnings say so at once.
    const moved = await t.call({
      method: 'POST',
      url: `/api/formation-runs/${run.id}/moves`,
      cookie: c,
      payload: { personId: a1, toSet: setOf(run, a0) },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().hardViolations).toBeGreaterThan(0);
    expect(moved.json().issues.map((i: { rule: string }) => i.rule)).toContain('must-avoid');
    expect(moved.json().score).not.toBe(run.score);
    // The run carries the engine's input: the browser rescores the same move to the same result.
    const local = scoreAssignment(run.input, {
      sets: run.sets.map((s: { members: string[]; facilitators: string[]; locked: boolean }, i: number) => ({
        members: i === setOf(run, a0) ? [...s.members, a1] : s.members.filter((id) => id !== a1),
        facilitators: s.facilitators,
        locked: s.locked,
      })),
    });
    expect(local.score).toBe(moved.json().score);
    expect(local.hardViolations).toBe(moved.json().hardViolations);
    const refused = await t.call({
      method: 'POST',
      url: `/api/formation-runs/${run.id}/publish`,
      cookie: c,
      payload: {},
    });
    expect(refused.statusCode).toBe(409);
    expect(
      (await t.call({ method: 'GET', url: `/api/programmes/${w.programmeId}`, cookie: c })).json().status,
    ).toBe('forming');

    // Lock the set Applicant 0 is in (with Applicant 1 moved back out), then re-run for the rest.
    const back = await t.call({
      method: 'POST',
      url: `/api/formation-runs/${run.id}/moves`,
      cookie: c,
      payload: { personId: a1, toSet: 1 - setOf(run, a0) },
    });
    expect(back.json().hardViolations).toBe(0);
    const lockedIndex = setOf(back.json(), a0);
    const locked = await t.call({
      method: 'PATCH',
      url: `/api/formation-runs/${run.id}/sets/${lockedIndex}`,
      cookie: c,
      payload: { locked: true },
    });
    const lockedSet = locked.json().sets[lockedIndex];
    expect(lockedSet.locked).toBe(true);
    const intoLocked = await t.call({
      method: 'POST',
      url: `/api/formation-runs/${run.id}/moves`,
      cookie: c,
      payload: { personId: a1, toSet: lockedIndex },
    });
    expect(intoLocked.statusCode).toBe(409);
    const rerun = await t.call({
      method: 'POST',
      url: `/api/formation-runs/${run.id}/rerun`,
      cookie: c,
      payload: { seed: 3 },
    });
    expect(rerun.json().sets[0]).toMatchObject({ locked: true, members: lockedSet.members });
    const listed = (
      await t.call({ method: 'GET', url: `/api/programmes/${w.programmeId}/formation-runs`, cookie: c })
    ).json();
    expect(listed).toHaveLength(1);

    const published = await t.call({
      method: 'POST',
      url: `/api/formation-runs/${run.id}/publish`,
      cookie: c,
      payload: { setNames: ['Kestrel', 'Heron'] },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().sets.map((s: { name: string }) => s.name)).toEqual(['Kestrel', 'Heron']);
    // The audit trail records who published, for which programme, how many sets and people.
    const trail = await t.call({
      method: 'GET',
      url: `/api/hosts/${w.hostId}/audit?action=formation.published`,
      cookie: w.cookies.admin,
    });
    const sizes = published
      .json()
      .sets.map(
        (s: { members: string[]; facilitators: string[] }) => s.members.length + s.facilitators.length,
      );
    expect(trail.json().events).toEqual([
      expect.objectContaining({
        actorId: w.people.coordinator,
        targetType: 'programme',
        targetId: w.programmeId,
        details: expect.objectContaining({ runId: run.id, sets: 2, people: sizes[0] + sizes[1] }),
      }),
    ]);
    expect(
      (await t.call({ method: 'GET', url: `/api/programmes/${w.programmeId}`, cookie: c })).json().status,
    ).toBe('running');
    expect(
      (await t.call({ method: 'POST', url: `/api/formation-runs/${run.id}/publish`, cookie: c, payload: {} }))
        .statusCode,
    ).toBe(409);

    // Applicant 0 is told by email, creates an account, sees the set and accepts its ground rules.
    const mail = await smtp!.waitFor(
      (m) =>
        m.envelope.to.includes('applicant0@example.org') && m.subject === 'Your action learning set: Kestrel',
      10_000,
    );
    expect(mail.text).toMatch(/ground rules/);
    const token = invitationLink.exec(mail.text ?? '')![1]!;
    const account = await t.call({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'applicant zero pass' },
    });
    const cookie = cookieHeader(account);
    const setId = published.json().sets[0].id;
    expect((await t.call({ method: 'GET', url: `/api/sets/${setId}`, cookie })).json().name).toBe('Kestrel');
    const rules = (await t.call({ method: 'GET', url: `/api/sets/${setId}/ground-rules`, cookie })).json();
    expect(rules).toMatchObject({ version: 1, needsMyAcceptance: true });
    await t.call({
      method: 'POST',
      url: `/api/sets/${setId}/ground-rules/acceptance`,
      cookie,
      payload: { version: 1 },
    });
    const status = (
      await t.call({ method: 'GET', url: `/api/sets/${setId}/ground-rules`, cookie: c })
    ).json();
    expect(status.members.find((m: { personId: string }) => m.personId === a0).acceptedCurrent).toBe(true);
  });
});
