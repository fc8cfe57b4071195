// Proves the test harness itself: real databases on both stores and a real SMTP peer.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, storeKinds, testDatabaseServerUrl } from '../support/databases.ts';
import { extractLink, type SmtpCatcher, startSmtpCatcher } from '../support/smtp.ts';

describe.each(storeKinds)('a fresh %s test database', (kind) => {
  it('answers a query and is gone after drop()', async () => {
    const db = await createTestDatabase(kind);
    expect(existsSync(db.dataDir)).toBe(true);
    if (kind === 'sqlite') {
      expect(db.databaseUrl).toBeUndefined();
      const sqlite = new Database(join(db.dataDir, 'revans.sqlite'));
      expect(sqlite.prepare('select 1 as one').get()).toEqual({ one: 1 });
      sqlite.close();
    } else {
      expect(db.databaseUrl).toMatch(/\/revans_t_[0-9a-f]{12}$/);
      // Left open on purpose: drop() must still succeed.
      const client = new pg.Client({ connectionString: db.databaseUrl });
      client.on('error', () => {});
      await client.connect();
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    }
    await db.drop();
    expect(existsSync(db.dataDir)).toBe(false);
    if (kind === 'postgres') {
      const admin = new pg.Client({ connectionString: testDatabaseServerUrl() });
      await admin.connect();
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [
        new URL(db.databaseUrl!).pathname.slice(1),
      ]);
      await admin.end();
      expect(rowCount).toBe(0);
    }
  });
});

describe('the SMTP catcher', () => {
  let smtp: SmtpCatcher;
  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  afterAll(() => smtp.stop());

  const send = (subject: string) =>
    nodemailer.createTransport({ url: smtp.url, ignoreTLS: true }).sendMail({
      from: 'Revans <noreply@revans.test>',
      to: 'ada@example.test',
      bcc: 'coordinator@example.test',
      subject,
      text: 'Confirm your place: https://revans.test/enrol/confirm?token=abc123',
      html: '<p><a href="https://revans.test/enrol/confirm?token=abc123&amp;x=1">Confirm your place</a></p>',
    });

  it('receives a mail sent through nodemailer, parsed', async () => {
    await send('Welcome to the programme');
    const mail = await smtp.waitFor((m) => m.subject === 'Welcome to the programme');
    expect(mail.from?.value).toEqual([{ name: 'Revans', address: 'noreply@revans.test' }]);
    expect(mail.envelope.to).toEqual(['ada@example.test', 'coordinator@example.test']);
    expect(mail.text).toContain('Confirm your place');
    expect(extractLink(mail, /\/enrol\/confirm\?token=/)).toBe(
      'https://revans.test/enrol/confirm?token=abc123',
    );
    expect(() => extractLink(mail, /\/nowhere/)).toThrow(/no link matching/);
  });

  it('refuses mail while stopped and receives it again on the same port after start()', async () => {
    const port = smtp.port;
    await smtp.stop();
    expect(smtp.running).toBe(false);
    await expect(send('While down')).rejects.toThrow(/ECONNREFUSED/);
    await smtp.start();
    expect(smtp.port).toBe(port);
    await send('After restart');
    await expect(smtp.waitFor((m) => m.subject === 'After restart')).resolves.toBeTruthy();
    expect(smtp.messages.map((m) => m.subject)).not.toContain('While down');
  });

  it('says what arrived when the awaited mail does not', async () => {
    await expect(smtp.waitFor((m) => m.subject === 'Never sent', 200)).rejects.toThrow(/Received: "Welcome/);
  });
});
