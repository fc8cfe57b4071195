import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.ts';

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

/** Writes the mail in the caller's transaction, so it exists exactly when the change that caused it does. */
export async function enqueueMail(
  db: Kysely<Database> | Transaction<Database>,
  mail: OutgoingMail,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('mail_outbox')
    .values({
      id,
      host_id: mail.hostId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      kind: mail.kind,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      claimed_until: null,
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
      attachments_json: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      headers_json: mail.headers && Object.keys(mail.headers).length ? JSON.stringify(mail.headers) : null,
    })
    .execute();
  return id;
}
