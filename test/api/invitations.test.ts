import { afterEach, describe, expect, it } from 'vitest';
import { cookieHeader, createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { setUpHost } from '../support/world.ts';

const linkPattern = /http:\/\/localhost:3000\/invitation\/([\w-]+)/;

describe.each(storeKinds)('invitations on %s', (kind) => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
  });

  async function hostWithPerson(overrides = {}) {
    smtp = await startSmtpCatcher();
    t = await createTestApp(kind, { smtpUrl: smtp.url, ...overrides }, { startMailWorker: true });
    const admin = await setUpHost(t);
    const person = (
      await t.call({
        method: 'POST',
        url: `/api/hosts/${admin.hostId}/people`,
        cookie: admin.cookie,
        payload: { name: 'Mina Member', email: 'mina@example.org', timeZone: 'America/New_York' },
      })
    ).json();
    return { admin, person };
  }

  it('mails an invitation whose link lets the person choose a password and arrive signed in', async () => {
    const { admin, person } = await hostWithPerson();
    expect(person.status).toBe('not-invited');
    const invite = await t!.call({
      method: 'POST',
      url: `/api/people/${person.id}/invitation`,
      cookie: admin.cookie,
    });
    expect(invite.statusCode).toBe(201);
    const mail = await smtp!.waitFor((m) => m.envelope.to.includes('mina@example.org'), 10_000);
    expect(mail.subject).toContain('Ada Admin invites you to Test Host');
    expect(mail.html).toContain('Accept the invitation');
    const token = linkPattern.exec(mail.text ?? '')![1]!;

    const listed = (
      await t!.call({ method: 'GET', url: `/api/people/${person.id}`, cookie: admin.cookie })
    ).json();
    expect(listed.status).toBe('invited');
    const described = await t!.call({ method: 'GET', url: `/api/invitations/${token}` });
    expect(described.json()).toMatchObject({
      name: 'Mina Member',
      email: 'mina@example.org',
      hostName: 'Test Host',
    });

    const accepted = await t!.call({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'mina chooses well' },
    });
    expect(accepted.statusCode).toBe(201);
    const me = (await t!.call({ method: 'GET', url: '/api/me', cookie: cookieHeader(accepted) })).json();
    expect(me.person).toMatchObject({ name: 'Mina Member', status: 'active' });
    expect(await t!.signIn('mina@example.org', 'mina chooses well')).toContain('session_token');

    const reused = await t!.call({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'someone else now' },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().detail).toMatch(/already been used/);
  });

  it('refuses an expired invitation without creating an account', async () => {
    const { admin, person } = await hostWithPerson({ invitationTtlHours: 0 });
    await t!.call({ method: 'POST', url: `/api/people/${person.id}/invitation`, cookie: admin.cookie });
    const mail = await smtp!.waitFor(undefined, 10_000);
    const token = linkPattern.exec(mail.text ?? '')![1]!;
    const expired = await t!.call({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { password: 'too late for this' },
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toMatch(/expired/);
    expect(
      await t!.ctx.store.plain
        .selectFrom('user')
        .select('email')
        .where('email', '=', 'mina@example.org')
        .execute(),
    ).toEqual([]);
  });

  it('answers 404 to a made-up token and never creates an account for it', async () => {
    await hostWithPerson();
    const response = await t!.call({
      method: 'POST',
      url: `/api/invitations/${'x'.repeat(43)}/accept`,
      payload: { password: 'guessing tokens' },
    });
    expect(response.statusCode).toBe(404);
    expect((await t!.ctx.store.plain.selectFrom('user').select('id').execute()).length).toBe(1);
  });

  it('sends a fresh link on re-invitation and retires the old one', async () => {
    const { admin, person } = await hostWithPerson();
    await t!.call({ method: 'POST', url: `/api/people/${person.id}/invitation`, cookie: admin.cookie });
    const first = linkPattern.exec((await smtp!.waitFor(undefined, 10_000)).text ?? '')![1]!;
    smtp!.clear();
    await t!.call({ method: 'POST', url: `/api/people/${person.id}/invitation`, cookie: admin.cookie });
    const second = linkPattern.exec((await smtp!.waitFor(undefined, 10_000)).text ?? '')![1]!;
    expect(second).not.toBe(first);
    expect((await t!.call({ method: 'GET', url: `/api/invitations/${first}` })).statusCode).toBe(410);
    expect((await t!.call({ method: 'GET', url: `/api/invitations/${second}` })).statusCode).toBe(200);
  });

  it('shows the admin the mail it sent, without the private link', async () => {
    const { admin, person } = await hostWithPerson();
    await t!.call({ method: 'POST', url: `/api/people/${person.id}/invitation`, cookie: admin.cookie });
    await smtp!.waitFor(undefined, 10_000);
    // The SMTP server has the message a moment before the outbox records it as sent.
    const outbox = async () =>
      (await t!.call({ method: 'GET', url: `/api/hosts/${admin.hostId}/mail`, cookie: admin.cookie })).json();
    let list = await outbox();
    for (let i = 0; i < 50 && list.mails[0]?.status !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      list = await outbox();
    }
    expect(list.delivery).toBe('smtp');
    expect(list.mails).toHaveLength(1);
    expect(list.mails[0]).toMatchObject({ to: 'mina@example.org', kind: 'invitation', status: 'sent' });
    const one = (
      await t!.call({
        method: 'GET',
        url: `/api/hosts/${admin.hostId}/mail/${list.mails[0].id}`,
        cookie: admin.cookie,
      })
    ).json();
    expect(one.text).toContain('[private link withheld]');
    expect(one.text).not.toMatch(linkPattern);
  });
});
