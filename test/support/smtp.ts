// A real SMTP peer for tests: accepts every mail on 127.0.0.1 and keeps it parsed in memory.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = ParsedMail & {
  /** SMTP envelope, which also shows Bcc recipients that headers do not. */
  envelope: { from: string | undefined; to: string[] };
};

export interface SmtpCatcher {
  /** smtp://127.0.0.1:PORT, stable across stop()/start(). */
  readonly url: string;
  readonly port: number;
  readonly running: boolean;
  /** Every mail received so far, in arrival order. */
  readonly messages: CaughtMail[];
  /** The first received mail (past or future) matching predicate; rejects after timeoutMs. */
  waitFor(predicate?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  clear(): void;
  /** Stops listening (the port stays reserved for start()); resolves once connections are closed. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  const waiters = new Set<(mail: CaughtMail) => void>();
  let server: SMTPServer | undefined;
  let port = 0;

  const listen = async () => {
    const s = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 500,
      onAuth: (auth, _session, cb) => cb(null, { user: auth.username ?? 'anonymous' }),
      onData(stream, session, cb) {
        simpleParser(stream).then(
          (parsed) => {
            const mail: CaughtMail = Object.assign(parsed, {
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
                to: session.envelope.rcptTo.map((r) => r.address),
              },
            });
            messages.push(mail);
            for (const w of waiters) w(mail);
            cb();
          },
          (error: Error) => cb(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        s.off('error', reject);
        resolve();
      });
    });
    s.on('error', () => {}); // client resets must not crash the test process
    port = (s.server.address() as AddressInfo).port;
    server = s;
  };

  await listen();

  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get running() {
      return server !== undefined;
    },
    messages,
    waitFor(predicate = () => true, timeoutMs = 10_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (mail: CaughtMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => `"${m.subject}" to ${m.envelope.to.join(', ')}`).join('; ');
          reject(new Error(`No matching mail arrived within ${timeoutMs} ms. Received: ${seen || 'none'}.`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    clear() {
      messages.length = 0;
    },
    async stop() {
      const s = server;
      if (!s) return;
      server = undefined;
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async start() {
      if (!server) await listen();
    },
  };
}

/** The first link in the mail's text or HTML whose URL matches pattern; throws when there is none. */
export function extractLink(mail: ParsedMail, pattern: RegExp): string {
  const html = typeof mail.html === 'string' ? mail.html : '';
  const hrefs = [...html.matchAll(/href\s*=\s*["']([^"']+)["']/gi)].map((m) => decodeEntities(m[1]!));
  const bare = [...`${mail.text ?? ''}\n${html}`.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)].map((m) =>
    decodeEntities(m[0]),
  );
  const link = [...bare, ...hrefs].find((url) => url.search(pattern) >= 0);
  if (!link) throw new Error(`Mail "${mail.subject}" has no link matching ${pattern}.`);
  return link;
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&#x3D;|&#61;/g, '=');
}
