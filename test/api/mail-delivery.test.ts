import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/server/mail/outbox.ts';
import { closeContext, createContext } from '../../src/server/runtime.ts';
import { createTestApp, type TestApp, testConfig } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';
import { setUpHost } from '../support/world.ts';

async function queue(t: TestApp, hostId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await enqueueMail(
      t.ctx.store.plain,
      {
        hostId,
        to: `person${i}@example.org`,
        subject: `Mail ${i}`,
        text: `Hello ${i}`,
        html: `<p>Hello ${i}</p>`,
        kind: 'test',
      },
      new Date(),
    );
  }
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(storeKinds)('mail delivery on %s', (kind) => {
  let t: TestApp | undefined;
  let smtp: SmtpCatcher | undefined;
  afterEach(async () => {
    await t?.close();
    await smtp?.stop();
    t = undefined;
  });

  it('keeps mail while the SMTP server is down and delivers each exactly once when it is back', async () => {
    smtp = await startSmtpCatcher();
    await smtp.stop();
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: true });
    const { hostId } = await setUpHost(t);
    await queue(t, hostId, 5);
    t.ctx.mail.wake();
    await until(async () => {
      const rows = await t!.ctx.store.plain.selectFrom('mail_outbox').select('attempts').execute();
      return rows.every((r) => r.attempts >= 1);
    });
    const failedOnce = await t.ctx.store.plain
      .selectFrom('mail_outbox')
      .select(['status', 'last_error'])
      .execute();
    expect(failedOnce.every((r) => r.status === 'pending' && r.last_error)).toBe(true);
    await smtp.start();
    await until(() => smtp!.messages.length >= 5);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual([
      'Mail 0',
      'Mail 1',
      'Mail 2',
      'Mail 3',
      'Mail 4',
    ]);
    const statuses = await t.ctx.store.plain.selectFrom('mail_outbox').select('status').execute();
    expect(statuses.every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends each mail once even with two server processes delivering from one database', async () => {
    smtp = await startSmtpCatcher();
    t = await createTestApp(kind, { smtpUrl: smtp.url }, { startMailWorker: false });
    const { hostId } = await setUpHost(t);
    await queue(t, hostId, 30);
    const second = await createContext(testConfig(t.database, { smtpUrl: smtp.url }), {
      migrate: false,
      startMailWorker: false,
    });
    try {
      if (kind === 'sqlite') {
        // SQLite is one file on one machine: a second process opens the same file.
        expect(second.store.kind).toBe('sqlite');
      }
      const sent = await Promise.all([
        t.ctx.mail.deliverDue(),
        second.mail.deliverDue(),
        t.ctx.mail.deliverDue(),
        second.mail.deliverDue(),
      ]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(30);
      await until(() => smtp!.messages.length >= 30);
      await new Promise((r) => setTimeout(r, 300));
      expect(smtp.messages).toHaveLength(30);
      expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(30);
    } finally {
      await closeContext(second);
    }
  });
});

describe('mail without SMTP', () => {
  it('writes each mail as an .eml file under DATA_DIR/outbox', async () => {
    const t = await createTestApp('sqlite', { smtpUrl: undefined }, { startMailWorker: false });
    try {
      const { hostId } = await setUpHost(t);
      await queue(t, hostId, 2);
      expect(await t.ctx.mail.deliverDue()).toBe(2);
      const folder = path.join(t.database.dataDir, 'outbox');
      const files = (await readdir(folder)).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(2);
      const content = await readFile(path.join(folder, files[0]!), 'utf8');
      expect(content).toMatch(/^Subject: Mail \d/m);
      expect(content).toMatch(/^To: person\d@example.org/m);
    } finally {
      await t.close();
    }
  });

  it.each(storeKinds)(
    'calls a mail written to a file "written", never "sent", in the outbox (%s)',
    async (kind) => {
      const t = await createTestApp(kind, { smtpUrl: undefined }, { startMailWorker: false });
      try {
        const { hostId, cookie } = await setUpHost(t);
        await queue(t, hostId, 1);
        expect(await t.ctx.mail.deliverDue()).toBe(1);
        const list = (await t.call({ method: 'GET', url: `/api/hosts/${hostId}/mail`, cookie })).json();
        expect(list.delivery).toBe('files');
        expect(list.mails[0]).toMatchObject({ subject: 'Mail 0', status: 'written' });
        const one = (
          await t.call({ method: 'GET', url: `/api/hosts/${hostId}/mail/${list.mails[0].id}`, cookie })
        ).json();
        expect(one.status).toBe('written');
      } finally {
        await t.close();
      }
    },
  );
});
