import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import type { MailAttachment } from './outbox.ts';

export interface MailMessage {
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[] | undefined;
  headers?: Record<string, string> | undefined;
}

export interface MailTransport {
  readonly description: string;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

function toNodemailer(message: MailMessage) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // A stable Message-ID lets receivers recognise a retried mail as the same mail.
    messageId: `<${message.id}@revans.outbox>`,
    ...(message.attachments?.length
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        }
      : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  };
}

type TransportOptions = Parameters<typeof import('nodemailer').createTransport>[0];

/**
 * The mail library, its transport made at the first mail rather than at start: a server that has not sent
 * one yet (most of the day) does not carry the library's memory.
 */
function lazyTransporter(options: TransportOptions): { get(): Promise<Transporter>; close(): void } {
  let made: Promise<Transporter> | undefined;
  return {
    get: () => {
      made ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(options));
      return made;
    },
    close: () => {
      void made?.then((transporter) => transporter.close()).catch(() => {});
    },
  };
}

/** SMTP when SMTP_URL is set; otherwise each mail becomes an .eml file under DATA_DIR/outbox. */
export function createMailTransport(options: {
  smtpUrl: string | undefined;
  dataDir: string;
}): MailTransport {
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    const transporter = lazyTransporter({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
      secure: url.protocol === 'smtps:',
      ignoreTLS: url.searchParams.get('ignoreTLS') === 'true' || url.hostname === '127.0.0.1',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as TransportOptions);
    return {
      description: `SMTP ${url.hostname}:${url.port}`,
      async send(message) {
        await (await transporter.get()).sendMail(toNodemailer(message));
      },
      close: () => transporter.close(),
    };
  }
  const folder = path.join(options.dataDir, 'outbox');
  const streamer = lazyTransporter({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  } as TransportOptions);
  return {
    description: `files in ${folder}`,
    async send(message) {
      // nodemailer types the stream transport's result generically; with `buffer: true` it carries the message.
      const info = (await (await streamer.get()).sendMail(toNodemailer(message))) as unknown as {
        message: Buffer;
      };
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, `${message.id}.eml`), info.message);
    },
    close: () => streamer.close(),
  };
}
