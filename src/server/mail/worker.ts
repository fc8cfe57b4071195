import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database, MailOutboxTable } from '../store/schema.ts';
import { forDelivery } from './confidential.ts';
import type { MailTransport } from './transport.ts';

export interface MailWorkerOptions {
  db: Kysely<Database>;
  transport: MailTransport;
  from: string;
  logger: Logger;
  now: () => Date;
  baseDelayMs: number;
  maxAttempts: number;
  pollIntervalMs: number;
  /** How long a claim holds before another process may take the mail over. */
  claimMs?: number;
}

const maxDelayMs = 60 * 60 * 1000;

/** Delays grow 1x, 2x, 4x ... the base, capped at an hour. */
export function retryDelay(baseDelayMs: number, attempts: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers the outbox. Each mail is claimed with a conditional update before it is sent, so with several
 * server processes on one database a mail goes out once; a failed send is retried with backoff.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private wakeRequested = false;

  constructor(private readonly options: MailWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Called after a mail is queued, so it leaves at once instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.deliverDue()
        .then(() => undefined)
        .catch((error) => this.options.logger.error({ err: error }, 'mail delivery round failed'))
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const again = this.wakeRequested;
          this.wakeRequested = false;
          this.schedule(again ? 0 : this.options.pollIntervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  /** One round: claim and send every due mail. Returns how many were sent. */
  async deliverDue(): Promise<number> {
    const { db } = this.options;
    const now = this.options.now().toISOString();
    const due = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
        ]),
      )
      .orderBy('created_at')
      .limit(50)
      .execute();
    let sent = 0;
    for (const mail of due) {
      if (this.stopped) break;
      if (!(await this.claim(mail, now))) continue;
      if (await this.send(mail)) sent++;
    }
    return sent;
  }

  private async claim(mail: MailOutboxTable, now: string): Promise<boolean> {
    const claimedUntil = new Date(
      this.options.now().getTime() + (this.options.claimMs ?? 120_000),
    ).toISOString();
    const result = await this.options.db
      .updateTable('mail_outbox')
      .set({ status: 'sending', claimed_until: claimedUntil })
      .where('id', '=', mail.id)
      .where('status', '=', mail.status)
      .where((eb) =>
        mail.status === 'pending'
          ? eb('next_attempt_at', '<=', now)
          : eb('claimed_until', '=', mail.claimed_until),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private async send(mail: MailOutboxTable): Promise<boolean> {
    const { db, transport, logger } = this.options;
    try {
      await transport.send({
        id: mail.id,
        from: this.options.from,
        to: mail.to_address,
        subject: forDelivery(mail.subject),
        text: forDelivery(mail.text_body),
        html: forDelivery(mail.html_body),
        attachments: mail.attachments_json ? JSON.parse(mail.attachments_json) : undefined,
        headers: mail.headers_json ? JSON.parse(mail.headers_json) : undefined,
      });
      await db
        .updateTable('mail_outbox')
        .set({
          status: 'sent',
          sent_at: this.options.now().toISOString(),
          attempts: mail.attempts + 1,
          last_error: null,
        })
        .where('id', '=', mail.id)
        .execute();
      logger.info({ mailId: mail.id, kind: mail.kind }, 'mail sent');
      return true;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const failed = attempts >= this.options.maxAttempts;
      const next = new Date(this.options.now().getTime() + retryDelay(this.options.baseDelayMs, attempts));
      await db
        .updateTable('mail_outbox')
        .set({
          status: failed ? 'failed' : 'pending',
          attempts,
          next_attempt_at: next.toISOString(),
          claimed_until: null,
          last_error: String((error as Error).message ?? error).slice(0, 500),
        })
        .where('id', '=', mail.id)
        .execute();
      logger.warn({ mailId: mail.id, attempts, failed, err: error }, 'mail delivery failed');
      return false;
    }
  }
}
