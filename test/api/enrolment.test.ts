import { afterEach, describe, expect, it } from 'vitest';
import { cookieHeader, createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { buildWorld, type World } from '../support/world.ts';
import { answers, openLink, setStatus } from './enrolment-support.ts';

const invitationLink = /http:\/\/localhost:3000\/invitation\/([\w-]+)/;
const applyLink = /http:\/\/localhost:3000\/apply\/([\w-]+)/;

describe.each(storeKinds)('voluntary enrolment on %s', (kind) => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  let w: World;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
  });

  async function start() {
    smtp = await startSmtpCatcher();
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: true });
    w = await buildWorld(t);
    return t;
  }
  const coordinator = () => w.cookies.coordinator;

  it('walks the programme lifecycle one explicit step at a time', async () => {
    const t = await start();
    const skip = await setStatus(t, w.programmeId, coordinator(), 'running');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toMatch(/draft can only become recruiting/);
    const details = await t.call({
      method: 'PATCH',
      url: `/api/programmes/${w.programmeId}`,
      cookie: coordinator(),
      payload: {
        status: 'recruiting',
        meetingCadence: 'Every 6 weeks, 3 hours, online',
        participation: 'Six meetings over nine months and an hour of reading before each.',
      },
    });
    expect(details.json()).toMatchObject({
      status: 'recruiting',
      meetingCadence: 'Every 6 weeks, 3 hours, online',
      nextStatuses: ['draft', 'forming'],
    });
    expect((await setStatus(t, w.programmeId, coordinator(), 'forming')).json().status).toBe('forming');
    const toRunning = await setStatus(t, w.programmeId, coordinator(), 'running');
    expect(toRunning.statusCode).toBe(409);
    expect(toRunning.json().detail).toMatch(/publish/);
    expect((await setStatus(t, w.programmeId, w.cookies.memberA, 'recruiting')).statusCode).toBe(403);
    const created = await t.call({
      method: 'POST',
      url: `/api/hosts/${w.hostId}/programmes`,
      cookie: w.cookies.admin,
      payload: { name: 'Born running', status: 'running' },
    });
    expect(created.statusCode).toBe(400);
  });

  it('takes an anonymous application through the open link with consent, and accepts it with an account invitation', async () => {
    const t = await start();
    await setStatus(t, w.programmeId, coordinator(), 'recruiting');
    const token = await openLink(t, w.programmeId, coordinator());

    const form = await t.call({ method: 'GET', url: `/api/apply/${token}` });
    expect(form.statusCode).toBe(200);
    expect(form.json().programme.name).toBe('Learning Practitioners');
    const consent = form.json().consent;
    expect(consent.confidentiality).toMatch(/stays in my set/);

    const noConsent = await t.call({
      method: 'POST',
      url: `/api/apply/${token}`,
      payload: answers({
        name: 'Nia Newcomer',
        email: 'nia@example.org',
        consent: { version: consent.version, groundRules: true, confidentiality: false, dataUse: true },
      }),
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.consent.confidentiality',
    ]);
    const noName = await t.call({ method: 'POST', url: `/api/apply/${token}`, payload: answers() });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().detail).toMatch(/name and email/);
    const oldWording = await t.call({
      method: 'POST',
      url: `/api/apply/${token}`,
      payload: answers({ name: 'Nia Newcomer', email: 'nia@example.org' }, '2019-1'),
    });
    expect(oldWording.statusCode).toBe(409);

    const applied = await t.call({
      method: 'POST',
      url: `/api/apply/${token}`,
      payload: answers({
        name: 'Nia Newcomer',
        email: 'Nia@Example.org',
        mustAvoid: ['memberb@example.org'],
      }),
    });
    expect(applied.statusCode).toBe(201);
    await smtp!.waitFor((m) => m.subject === 'Your application to Learning Practitioners', 10_000);
    const again = await t.call({
      method: 'POST',
      url: `/api/apply/${token}`,
      payload: answers({ name: 'Nia Again', email: 'nia@example.org' }),
    });
    expect(again.statusCode).toBe(409);

    const list = await t.call({
      method: 'GET',
      url: `/api/programmes/${w.programmeId}/applications`,
      cookie: coordinator(),
    });
    const [application] = list.json();
    expect(application).toMatchObject({
      name: 'Nia Newcomer',
      email: 'nia@example.org',
      status: 'submitted',
      availability: ['mon-am', 'wed-pm'],
      mustAvoid: ['memberb@example.org'],
      consent: { version: consent.version },
    });
    expect(application.consent.wording).toContain(consent.confidentiality);
    expect(application.consent.wording).toContain(consent.dataUse);
    // DESIGN: the facilitator and other members never see an application.
    for (const role of ['facilitatorA', 'memberA', 'otherCoordinator'] as const) {
      const seen = await t.call({
        method: 'GET',
        url: `/api/applications/${application.id}`,
        cookie: w.cookies[role],
      });
      expect(seen.statusCode).toBe(404);
    }
    const listAsMember = await t.call({
      method: 'GET',
      url: `/api/programmes/${w.programmeId}/applications`,
      cookie: w.cookies.memberA,
    });
    expect(listAsMember.statusCode).toBe(403);

    const accepted = await t.call({
      method: 'POST',
      url: `/api/applications/${application.id}/decision`,
      cookie: coordinator(),
      payload: { decision: 'accept' },
    });
    expect(accepted.json().status).toBe('accepted');
    const mail = await smtp!.waitFor(
      (m) => m.subject === 'You are accepted onto Learning Practitioners',
      10_000,
    );
    expect(mail.html).toContain('Create your account');
    const inviteToken = invitationLink.exec(mail.text ?? '')![1]!;
    const account = await t.call({
      method: 'POST',
      url: `/api/invitations/${inviteToken}/accept`,
      payload: { password: 'nia chooses well' },
    });
    expect(account.statusCode).toBe(201);
    const mine = await t.call({
      method: 'GET',
      url: `/api/programmes/${w.programmeId}/my-application`,
      cookie: cookieHeader(account),
    });
    expect(mine.json()).toMatchObject({
      status: 'accepted',
      organisation: 'Oxfam',
      consent: { version: consent.version },
    });
    const again2 = await t.call({
      method: 'POST',
      url: `/api/applications/${application.id}/decision`,
      cookie: coordinator(),
      payload: { decision: 'accept' },
    });
    expect(again2.statusCode).toBe(409);
  });

  it('invites by email, wait-lists and declines with an email each time, and the revoked link stops working', async () => {
    const t = await start();
    await setStatus(t, w.programmeId, coordinator(), 'recruiting');
    const invited = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/application-invitations`,
      cookie: coordinator(),
      payload: { name: 'Ines Invited', email: 'ines@example.org' },
    });
    expect(invited.statusCode).toBe(201);
    const mail = await smtp!.waitFor((m) => m.envelope.to.includes('ines@example.org'), 10_000);
    expect(mail.subject).toBe('coordinator person invites you to apply to Learning Practitioners');
    const token = applyLink.exec(mail.text ?? '')![1]!;
    expect((await t.call({ method: 'GET', url: `/api/apply/${token}` })).json().invited).toEqual({
      name: 'Ines Invited',
      email: 'ines@example.org',
    });
    const applied = await t.call({ method: 'POST', url: `/api/apply/${token}`, payload: answers() });
    expect(applied.statusCode).toBe(201);
    expect((await t.call({ method: 'GET', url: `/api/apply/${token}` })).statusCode).toBe(410);

    // A signed-in person applies as themselves.
    const link = await openLink(t, w.programmeId, coordinator());
    const own = await t.call({
      method: 'POST',
      url: `/api/apply/${link}`,
      cookie: w.cookies.outsider,
      payload: answers({ organisation: 'WaterAid' }),
    });
    expect(own.statusCode).toBe(201);
    const outsiderApp = await t.call({
      method: 'GET',
      url: `/api/programmes/${w.programmeId}/my-application`,
      cookie: w.cookies.outsider,
    });
    expect(outsiderApp.json()).toMatchObject({ email: 'outsider@example.org', status: 'submitted' });

    const wait = await t.call({
      method: 'POST',
      url: `/api/applications/${applied.json().applicationId}/decision`,
      cookie: coordinator(),
      payload: { decision: 'waitlist' },
    });
    expect(wait.json().status).toBe('waitlisted');
    await smtp!.waitFor(
      (m) => m.subject === 'You are on the waiting list for Learning Practitioners',
      10_000,
    );
    await t.call({
      method: 'POST',
      url: `/api/applications/${outsiderApp.json().id}/decision`,
      cookie: coordinator(),
      payload: { decision: 'decline' },
    });
    const declined = await smtp!.waitFor(
      (m) =>
        m.envelope.to.includes('outsider@example.org') &&
        m.subject === 'Your application to Learning Practitioners' &&
        /cannot/.test(m.text ?? ''),
      10_000,
    );
    expect(declined.text).toMatch(/cannot offer you a place/);

    await t.call({
      method: 'DELETE',
      url: `/api/programmes/${w.programmeId}/application-link`,
      cookie: coordinator(),
    });
    expect((await t.call({ method: 'GET', url: `/api/apply/${link}` })).statusCode).toBe(404);
    const fresh = await openLink(t, w.programmeId, coordinator());
    await setStatus(t, w.programmeId, coordinator(), 'forming');
    const closed = await t.call({
      method: 'POST',
      url: `/api/apply/${fresh}`,
      payload: answers({ name: 'Late', email: 'late@example.org' }),
    });
    expect(closed.statusCode).toBe(410);
    expect(closed.json().detail).toMatch(/not taking applications/);
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/programmes/${w.programmeId}/application-link`,
          cookie: coordinator(),
        })
      ).json().works,
    ).toBe(false);
  });

  it('lets a member withdraw at any time: they leave the roster, their journal stays theirs', async () => {
    const t = await start();
    const entry = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/journal`,
      cookie: w.cookies.memberA,
      payload: { answers: { myProblem: 'What I learned' } },
    });
    const withdrawn = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/withdrawal`,
      cookie: w.cookies.memberA,
    });
    expect(withdrawn.statusCode).toBe(200);
    const roster = await t.call({ method: 'GET', url: `/api/sets/${w.setA}`, cookie: coordinator() });
    expect(JSON.stringify(roster.json())).not.toContain(w.people.memberA);
    expect(
      (await t.call({ method: 'GET', url: `/api/sets/${w.setA}`, cookie: w.cookies.memberA })).statusCode,
    ).toBe(404);
    expect(entry.statusCode).toBe(201);
    {
      const kept = await t.ctx.store.plain
        .selectFrom('journal_entry')
        .select('author_id')
        .where('id', '=', entry.json().id)
        .executeTakeFirst();
      expect(kept?.author_id).toBe(w.people.memberA);
    }
    const again = await t.call({
      method: 'POST',
      url: `/api/programmes/${w.programmeId}/withdrawal`,
      cookie: w.cookies.memberA,
    });
    expect(again.statusCode).toBe(404);
  });
});
