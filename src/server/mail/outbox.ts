import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import { camelCased } from '../store/db.ts';
import type { Database, DB } from '../store/schema.ts';

export interface OutgoingMail {
  hostId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: string;
  /** Text attachments, e.g. a meeting's .ics; sent as real MIME parts. */
  attachments?: MailAttachment[] | undefined;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string> | undefined;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Queues a mail in the work's transaction (see `transact`), so it exists exactly when the change that
 * caused it does, and wakes the mailer once that change has committed.
 */
export async function queueMail(ctx: AppContext, mail: OutgoingMail): Promise<string> {
  const id = await insertMail(ctx.db, mail, ctx.now());
  ctx.afterCommit(() => ctx.mail.wake());
  return id;
}

/**
 * Writes the mail with the caller's snake_case executor (the accounts library's hooks, and features not
 * yet on `ctx.db`); the caller wakes the mailer.
 */
export async function enqueueMail(
  db: Kysely<Database> | Transaction<Database>,
  mail: OutgoingMail,
  now: Date,
): Promise<string> {
  return insertMail(camelCased(db), mail, now);
}

async function insertMail(db: Kysely<DB>, mail: OutgoingMail, now: Date): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('mailOutbox')
    .values({
      id,
      hostId: mail.hostId,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      kind: mail.kind,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      claimedUntil: null,
      lastError: null,
      createdAt: now.toISOString(),
      sentAt: null,
      attachmentsJson: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      headersJson: mail.headers && Object.keys(mail.headers).length ? JSON.stringify(mail.headers) : null,
    })
    .execute();
  return id;
}
