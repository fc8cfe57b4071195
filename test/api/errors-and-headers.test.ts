import http from 'node:http';
import net from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testOrigin, testPassword } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, setUpHost, type World } from '../support/world.ts';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request over a real socket, as a client sends it: nothing normalised by a test helper. */
function request(
  base: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(options.path, base);
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: { origin: testOrigin, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Raw bytes on a socket: for what an HTTP client library would refuse to send. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
    socket.write(text);
  });
}

function expectSecurityHeaders(headers: http.IncomingHttpHeaders | Record<string, string>) {
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
}

function expectProblem(answer: RawAnswer, status: number, code?: string) {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(answer.body);
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^urn:revans:problem:/) });
  expect(body.detail).toMatch(/\w+ \w+/);
  if (code) expect(body.code).toBe(code);
  expectSecurityHeaders(answer.headers);
  return body;
}

describe.each(storeKinds)(
  'every error a client can cause is problem+json with the security headers, on %s',
  (kind) => {
    let t: TestApp;
    let w: World;
    let base: string;
    let port: number;

    beforeAll(async () => {
      t = await createTestApp(kind);
      w = await buildWorld(t);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as { port: number }).port;
      base = `http://127.0.0.1:${port}`;
    });
    afterAll(() => t.close());

    const signedIn = (headers: Record<string, string> = {}) => ({ cookie: w.cookies.admin, ...headers });

    it('an unknown API address', async () => {
      expectProblem(
        await request(base, { path: '/api/no-such-thing', headers: signedIn() }),
        404,
        'not-found',
      );
    });

    it('an over-long path parameter', async () => {
      const answer = await request(base, { path: `/api/sets/${'a'.repeat(5000)}`, headers: signedIn() });
      const body = expectProblem(answer, 414, 'validation-failed');
      // The answer does not echo the address back.
      expect(answer.body).not.toContain('aaaa');
      expect(body.detail).toMatch(/too long/);
      const unknown = await request(base, { path: `/api/nothing/${'b'.repeat(150)}`, headers: signedIn() });
      expect(unknown.body.length).toBeLessThan(400);
      expectProblem(unknown, 404, 'not-found');
    });

    it('over-long headers (431)', async () => {
      const answer = await rawRequest(
        port,
        `GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`,
      );
      const [head, body] = answer.split('\r\n\r\n');
      const lines = head!.split('\r\n');
      expect(lines[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
      const headers = Object.fromEntries(
        lines
          .slice(1)
          .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      expect(headers['content-type']).toMatch(/^application\/problem\+json/);
      expectSecurityHeaders(headers);
      expect(JSON.parse(body!)).toMatchObject({ status: 431, code: 'validation-failed' });
    });

    it('an unsupported media type is 415, not "body is required"', async () => {
      for (const type of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
        const answer = await request(base, {
          method: 'POST',
          path: `/api/hosts/${w.hostId}/organisations`,
          headers: signedIn({ 'content-type': type }),
          body: 'name=Oxfam',
        });
        expectProblem(answer, 415, 'unsupported-media-type');
      }
    });

    it('malformed JSON', async () => {
      const answer = await request(base, {
        method: 'POST',
        path: `/api/hosts/${w.hostId}/organisations`,
        headers: signedIn({ 'content-type': 'application/json' }),
        body: '{"name": "Oxfam"',
      });
      expectProblem(answer, 400, 'invalid-json');
    });

    it('a wrong password, from the accounts library', async () => {
      const answer = await request(base, {
        method: 'POST',
        path: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'membera@example.org', password: 'certainly not it' }),
      });
      const body = expectProblem(answer, 401, 'unauthenticated');
      expect(body.detail).toMatch(/email address or password is not right/);
    });

    it('a used password reset token, from the accounts library', async () => {
      const asked = await request(base, {
        method: 'POST',
        path: '/api/auth/request-password-reset',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'memberb@example.org', redirectTo: '/reset-password' }),
      });
      expect(asked.status).toBe(200);
      const mail = await t.ctx.store.plain
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', 'memberb@example.org')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const token = /reset-password\?token=([\w-]+)/.exec(mail.text_body)![1]!;
      const reset = () =>
        request(base, {
          method: 'POST',
          path: '/api/auth/reset-password',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ newPassword: 'a brand new password', token }),
        });
      expect((await reset()).status).toBe(200);
      const again = await reset();
      const body = expectProblem(again, 400, 'validation-failed');
      expect(body.detail).toMatch(/already been used or has expired/);
    });

    it('a request from another site', async () => {
      const answer = await request(base, {
        method: 'POST',
        path: `/api/hosts/${w.hostId}/organisations`,
        headers: signedIn({ 'content-type': 'application/json', origin: 'https://evil.example' }),
        body: JSON.stringify({ name: 'Evil' }),
      });
      expectProblem(answer, 403, 'cross-site-request');
    });

    it('signing in answers the user but not the session token, which stays in its HttpOnly cookie', async () => {
      const answer = await request(base, {
        method: 'POST',
        path: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'membera@example.org', password: testPassword }),
      });
      expect(answer.status).toBe(200);
      const body = JSON.parse(answer.body);
      expect(body.user.email).toBe('membera@example.org');
      expect(body).not.toHaveProperty('token');
      const cookie = String(answer.headers['set-cookie']);
      const token = /revans\.session_token=([^.;]+)/.exec(cookie)![1]!;
      expect(answer.body).not.toContain(token);
      expect(cookie).toMatch(/HttpOnly/i);
      expectSecurityHeaders(answer.headers);
    });

    it('on http: no HSTS; connect-src names this host’s own socket address, not any ws: host', async () => {
      const answer = await request(base, { path: '/healthz' });
      expect(answer.headers['strict-transport-security']).toBeUndefined();
      const csp = String(answer.headers['content-security-policy']);
      const connect = /connect-src ([^;]+)/.exec(csp)![1]!.split(' ');
      expect(connect).toContain("'self'");
      expect(connect).toContain('ws://localhost:3000');
      expect(connect).not.toContain('ws:');
      expect(connect).not.toContain('wss:');
      const openapi = JSON.parse((await request(base, { path: '/api/openapi.json' })).body);
      expect(openapi.components.securitySchemes.session).toEqual({
        type: 'apiKey',
        in: 'cookie',
        name: 'revans.session_token',
      });
    });
  },
);

describe('on https (PUBLIC_URL https://revans.example.org)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { publicUrl: 'https://revans.example.org' });
  });
  afterAll(() => t.close());

  it('sends HSTS, names only wss://revans.example.org for sockets, and documents the __Secure- cookie', async () => {
    const answer = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const connect = /connect-src ([^;]+)/.exec(String(answer.headers['content-security-policy']))![1]!;
    expect(connect.split(' ')).toEqual(["'self'", 'wss://revans.example.org']);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(openapi.components.securitySchemes.session.name).toBe('__Secure-revans.session_token');
  });
});

describe.each(storeKinds)('a flood of sign-in attempts, on %s', (kind) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { signInRateLimit: { max: 3, windowSeconds: 60 } });
    // First-run setup makes the admin's account without signing in.
    await setUpHost(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  });
  afterAll(() => t.close());

  /** A fingerprint of everything stored: it changes with any insert, update or delete. */
  async function fingerprint(): Promise<string> {
    if (kind === 'sqlite') {
      const row = await sql<{ n: number }>`select total_changes() as n`.execute(t.ctx.store.plain);
      return String(row.rows[0]!.n);
    }
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(
      t.ctx.store.plain,
    );
    const parts: string[] = [];
    for (const { name } of tables.rows) {
      const row = await sql<{ h: string | null }>`
        select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h
        from ${sql.table(name)} x`.execute(t.ctx.store.plain);
      parts.push(`${name}:${row.rows[0]!.h}`);
    }
    return parts.join(',');
  }

  const attempt = () =>
    request(base, {
      method: 'POST',
      path: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: 'guess guess guess' }),
    });

  it('refuses attempts over the limit with 429 problem+json and Retry-After, writing nothing', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const before = await fingerprint();
    for (let i = 0; i < 20; i++) {
      const answer = await attempt();
      const body = expectProblem(answer, 429, 'rate-limited');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(body.detail).toMatch(/Too many sign-in attempts/);
    }
    expect(await fingerprint()).toBe(before);
    // The right password from the same address is refused too, until the window ends.
    const right = await request(base, {
      method: 'POST',
      path: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.org', password: testPassword }),
    });
    expect(right.status).toBe(429);
  });

  it('leaves the same address’s other requests alone', async () => {
    const health = await request(base, { path: '/healthz' });
    expect(health.status).toBe(200);
    const session = await request(base, { path: '/api/auth/get-session' });
    expect(session.status).toBe(200);
  });
});
