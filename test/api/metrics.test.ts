// An operator's scraper reads /metrics: request latency by route pattern, open live sockets, how long
// live events take to become durable, and the mail outbox's depth. Nobody else reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/server/mail/outbox.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import { buildWorld, type World } from '../support/world.ts';

const token = 'a-scraper-token-of-some-length';

/** The value of one sample line, e.g. `revans_live_sockets 2`. */
function sample(text: string, line: RegExp): number | undefined {
  const match = text.split('\n').find((l) => line.test(l));
  return match === undefined ? undefined : Number(match.split(' ').at(-1));
}

describe.each(storeKinds)('metrics for a Prometheus scraper, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  let base: string;
  const scrape = async () => {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { metricsToken: token });
    w = await buildWorld(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  });
  afterAll(() => t.close());

  it('refuses a scraper without the token, and is off when no token is set', async () => {
    const anonymous = await fetch(`${base}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await anonymous.json()).detail).toMatch(/METRICS_TOKEN/);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not-it' } });
    expect(wrong.status).toBe(401);
    const off = await createTestApp(kind);
    try {
      const response = await off.call({ method: 'GET', url: '/metrics' });
      expect(response.statusCode).toBe(404);
      expect(response.json().detail).toMatch(/Set METRICS_TOKEN/);
    } finally {
      await off.close();
    }
  });

  it('times requests by route pattern, never by the ids in the path', async () => {
    const read = await fetch(`${base}/api/sets/${w.setA}`, {
      headers: { cookie: w.cookies.memberA, origin: 'http://localhost:3000' },
    });
    expect(read.status).toBe(200);
    const text = await scrape();
    expect(
      sample(
        text,
        /^revans_http_request_duration_seconds_count\{method="GET",route="\/api\/sets\/:id",status="200"\}/,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(w.setA);
  });

  it('counts the busiest reads answered from memory and worked out (SQLite; none on PostgreSQL)', async () => {
    const hits = (text: string) => sample(text, /^revans_viewer_cache_answers_total\{result="hit"\}/) ?? 0;
    const before = hits(await scrape());
    // Many reads in a row: a background write (the mail worker's) between two of them only adds a miss.
    for (let i = 0; i < 20; i++) {
      const read = await fetch(`${base}/api/me`, {
        headers: { cookie: w.cookies.memberB, origin: 'http://localhost:3000' },
      });
      expect(read.status).toBe(200);
    }
    const after = hits(await scrape());
    if (kind === 'sqlite') expect(after - before).toBeGreaterThanOrEqual(1);
    else expect(after).toBe(0);
  });

  it('counts open live sockets and times live events until they are durable', async () => {
    const meeting = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/meetings`,
      cookie: w.cookies.facilitatorA,
      payload: { localStart: '2027-01-20T10:00', timeZone: 'Europe/London' },
    });
    expect(meeting.statusCode).toBe(201);
    const before = await scrape();
    expect(sample(before, /^revans_live_sockets /)).toBe(0);
    const appendsBefore = sample(before, /^revans_live_event_append_seconds_count /) ?? 0;
    const clients: TestLiveClient[] = [
      liveClient(base, meeting.json().id, w.cookies.memberA),
      liveClient(base, meeting.json().id, w.cookies.facilitatorA),
    ];
    try {
      await Promise.all(clients.map((c) => c.until((s) => s.lastSeq >= 0)));
      clients[0]!.send({ type: 'hand.raise' });
      await clients[1]!.until((s) => s.hands.length === 1);
      const during = await scrape();
      expect(sample(during, /^revans_live_sockets /)).toBe(2);
      expect(sample(during, /^revans_live_event_append_seconds_count /)).toBeGreaterThan(appendsBefore);
      expect(sample(during, /^revans_live_event_appends_waiting /)).toBe(0);
    } finally {
      for (const c of clients) c.close();
    }
  });

  it('shows the outbox depth: mails waiting to be sent', async () => {
    const depth = async () => sample(await scrape(), /^revans_mail_outbox_pending /)!;
    const before = await depth();
    // Queued without waking the mailer, so both stay pending while the scraper looks.
    for (const to of ['one@example.org', 'two@example.org'])
      await enqueueMail(
        t.ctx.store.plain,
        {
          hostId: w.hostId,
          to,
          subject: 'Hello',
          text: 'Hello',
          html: '<p>Hello</p>',
          kind: 'test',
        },
        t.ctx.now(),
      );
    expect(await depth()).toBe(before + 2);
  });
});
