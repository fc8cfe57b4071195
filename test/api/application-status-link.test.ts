import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { buildWorld, type World } from '../support/world.ts';
import { answers, openLink, setStatus } from './enrolment-support.ts';

const statusLink = /http:\/\/localhost:3000\/your-application\/([\w-]+)/;
const invitationLink = /http:\/\/localhost:3000\/invitation\/([\w-]+)/;

/**
 * Someone who applies through the open link has no account until accepted: the acknowledgement mail
 * carries a private link where they see their application's status and can withdraw it.
 */
describe.each(storeKinds)('the private "your application" link on %s', (kind) => {
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
    await setStatus(t, w.programmeId, w.cookies.coordinator, 'recruiting');
    return t;
  }

  /** Applies anonymously through the open link; returns the application's id and the mailed token. */
  async function apply(t: TestApp, who: { name: string; email: string }) {
    const seen = new Set(smtp!.messages);
    const link = await openLink(t, w.programmeId, w.cookies.coordinator);
    const applied = await t.call({ method: 'POST', url: `/api/apply/${link}`, payload: answers(who) });
    expect(applied.statusCode).toBe(201);
    const mail = await smtp!.waitFor(
      (m) =>
        !seen.has(m) &&
        m.envelope.to.includes(who.email) &&
        m.subject === 'Your application to Learning Practitioners',
      10_000,
    );
    expect(mail.text).toMatch(/withdraw it there at any time/);
    expect(mail.html).toContain('See or withdraw your application');
    const token = statusLink.exec(mail.text ?? '')?.[1];
    expect(token, 'the acknowledgement carries the private link').toBeTruthy();
    return { id: applied.json().applicationId as string, token: token! };
  }

  const row = (t: TestApp, id: string) =>
    t.ctx.store.plain.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const consents = (t: TestApp, id: string) =>
    t.ctx.store.plain.selectFrom('consent').selectAll().where('application_id', '=', id).execute();
  const coordinatorList = async (t: TestApp) =>
    (
      await t.call({
        method: 'GET',
        url: `/api/programmes/${w.programmeId}/applications`,
        cookie: w.cookies.coordinator,
      })
    ).json() as { id: string; status: string; consent: { withdrawnAt: string | null } }[];

  it('mails the link, shows the status, withdraws once (then 409), and the coordinator sees it withdrawn', async () => {
    const t = await start();
    const { id, token } = await apply(t, { name: 'Nia Newcomer', email: 'nia@example.org' });

    // Stored only as a hash.
    const stored = await row(t, id);
    expect(stored.status_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const page = await t.call({ method: 'GET', url: `/api/your-application/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      programme: { name: 'Learning Practitioners', hostName: 'Test Host' },
      name: 'Nia Newcomer',
      status: 'submitted',
      withdrawnAt: null,
      canWithdraw: true,
    });
    // The link travels by email: it shows no answers.
    expect(page.json()).not.toHaveProperty('organisation');
    expect(page.json()).not.toHaveProperty('email');

    await t.call({
      method: 'POST',
      url: `/api/applications/${id}/decision`,
      cookie: w.cookies.coordinator,
      payload: { decision: 'waitlist' },
    });
    expect((await t.call({ method: 'GET', url: `/api/your-application/${token}` })).json().status).toBe(
      'waitlisted',
    );

    const withdrawn = await t.call({ method: 'POST', url: `/api/your-application/${token}/withdrawal` });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(withdrawn.json().withdrawnAt).toBeTruthy();
    const after = await row(t, id);
    expect((await consents(t, id)).every((c) => c.withdrawn_at)).toBe(true);

    const again = await t.call({ method: 'POST', url: `/api/your-application/${token}/withdrawal` });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().detail).toMatch(/already withdrawn/);
    expect(await row(t, id)).toEqual(after);
    expect((await t.call({ method: 'GET', url: `/api/your-application/${token}` })).json()).toMatchObject({
      status: 'withdrawn',
      canWithdraw: false,
    });

    const [listed] = (await coordinatorList(t)).filter((a) => a.id === id);
    expect(listed).toMatchObject({ status: 'withdrawn' });
    expect(listed!.consent.withdrawnAt).toBeTruthy();
    // A withdrawn application takes no decision.
    const decided = await t.call({
      method: 'POST',
      url: `/api/applications/${id}/decision`,
      cookie: w.cookies.coordinator,
      payload: { decision: 'accept' },
    });
    expect(decided.statusCode).toBe(409);
  });

  it('answers a wrong, mangled or replaced token with a 404 problem and changes nothing', async () => {
    const t = await start();
    const { id, token } = await apply(t, { name: 'Nia Newcomer', email: 'nia@example.org' });
    const before = await row(t, id);
    const beforeConsents = await consents(t, id);
    for (const bad of [`${token.slice(0, -2)}xx`, 'not-a-token', encodeURIComponent('💥 and spaces')]) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await t.call({
          method,
          url: method === 'GET' ? `/api/your-application/${bad}` : `/api/your-application/${bad}/withdrawal`,
        });
        expect(response.statusCode, `${method} ${bad}`).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().detail).toMatch(/link .*does not work/);
      }
    }
    expect(await row(t, id)).toEqual(before);
    expect(await consents(t, id)).toEqual(beforeConsents);
    expect((await coordinatorList(t)).find((a) => a.id === id)?.status).toBe('submitted');

    // Withdraw, then apply again: the new acknowledgement has a fresh link and the old one stops working.
    await t.call({ method: 'POST', url: `/api/your-application/${token}/withdrawal` });
    const second = await apply(t, { name: 'Nia Newcomer', email: 'nia@example.org' });
    expect(second.id).toBe(id);
    expect(second.token).not.toBe(token);
    expect((await t.call({ method: 'GET', url: `/api/your-application/${token}` })).statusCode).toBe(404);
    expect(
      (await t.call({ method: 'GET', url: `/api/your-application/${second.token}` })).json().status,
    ).toBe('submitted');

    // Two presses at once: exactly one withdraws, the other is told it already happened.
    const both = await Promise.all(
      [1, 2].map(() => t.call({ method: 'POST', url: `/api/your-application/${second.token}/withdrawal` })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await row(t, id)).status).toBe('withdrawn');
  });

  it('shows an acceptance, lets an accepted applicant still withdraw, and expires once they have an account', async () => {
    const t = await start();
    const nia = await apply(t, { name: 'Nia Newcomer', email: 'nia@example.org' });
    const omar = await apply(t, { name: 'Omar Other', email: 'omar@example.org' });
    for (const a of [nia, omar])
      await t.call({
        method: 'POST',
        url: `/api/applications/${a.id}/decision`,
        cookie: w.cookies.coordinator,
        payload: { decision: 'accept' },
      });
    expect((await t.call({ method: 'GET', url: `/api/your-application/${nia.token}` })).json().status).toBe(
      'accepted',
    );

    // Omar, accepted but without an account yet, changes his mind: withdrawn like any withdrawal.
    const out = await t.call({ method: 'POST', url: `/api/your-application/${omar.token}/withdrawal` });
    expect(out.json().status).toBe('withdrawn');
    expect((await coordinatorList(t)).find((a) => a.id === omar.id)?.status).toBe('withdrawn');

    // Nia chooses a password: from now on she signs in, and the mailed link has done its job.
    const mail = await smtp!.waitFor(
      (m) => m.envelope.to.includes('nia@example.org') && /accepted onto/.test(m.subject ?? ''),
      10_000,
    );
    const invite = invitationLink.exec(mail.text ?? '')![1]!;
    const account = await t.call({
      method: 'POST',
      url: `/api/invitations/${invite}/accept`,
      payload: { password: 'nia chooses well' },
    });
    expect(account.statusCode).toBe(201);
    const expired = await t.call({ method: 'GET', url: `/api/your-application/${nia.token}` });
    expect(expired.statusCode).toBe(404);
    expect(expired.json().detail).toMatch(/expired.*Sign in/);
    const before = await row(t, nia.id);
    const refused = await t.call({ method: 'POST', url: `/api/your-application/${nia.token}/withdrawal` });
    expect(refused.statusCode).toBe(404);
    expect(await row(t, nia.id)).toEqual(before);
  });
});
