/**
 * The server as operators run it (bin/revans.mjs: the esbuild bundle in dist/server on plain node)
 * starts its worker threads from the modules built beside the bundle, not from the TypeScript
 * sources that every other test runs.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import { sqlitePath } from '../../src/server/store/db.ts';
import { createTestApp, type TestApp, testConfig } from '../support/app.ts';
import { liveClient, type TestLiveClient } from '../support/live.ts';
import { pdfText } from '../support/pdf-text.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { buildWorld, type World } from '../support/world.ts';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The meeting's events in the database file itself, leaving its write-ahead log aside: a copy of the
 * file alone holds only what a checkpoint has copied back into it.
 */
function checkpointedEvents(dataDir: string, meetingId: string): number {
  const scratch = mkdtempSync(path.join(tmpdir(), 'revans-checkpointed-'));
  try {
    const copy = path.join(scratch, 'copy.sqlite');
    copyFileSync(sqlitePath(dataDir), copy);
    const db = new SqliteDatabase(copy);
    try {
      // Before the first checkpoint the file may not even hold the tables yet.
      const table = db.prepare("select 1 from sqlite_master where name = 'meeting_event'").get();
      if (!table) return 0;
      const row = db.prepare('select count(*) as n from meeting_event where meeting_id = ?').get(meetingId);
      return (row as { n: number }).n;
    } finally {
      db.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('the bundled server and its worker threads, on SQLite', () => {
  let t: TestApp;
  let w: World;
  let server: ServerProcess | undefined;
  let meetingId: string;
  const clients: TestLiveClient[] = [];

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    w = await buildWorld(t);
    const meeting = await t.call({
      method: 'POST',
      url: `/api/sets/${w.setA}/meetings`,
      cookie: w.cookies.facilitatorA,
      payload: { localStart: '2027-01-20T10:00', timeZone: 'Europe/London' },
    });
    meetingId = meeting.json().id;
    const config = testConfig(t.database);
    server = await startServerProcess({
      DATA_DIR: t.database.dataDir,
      AUTH_SECRET: config.authSecret,
      PUBLIC_URL: config.publicUrl,
    });
  }, 90_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.kill();
    await t.close();
  });

  it('builds each thread beside the bundle', () => {
    const built = readdirSync(path.join(root, 'dist/server'));
    expect(built).toEqual(
      expect.arrayContaining([
        'revans.mjs',
        'pdf.thread.mjs',
        'log-writer.thread.mjs',
        'checkpointer.thread.mjs',
      ]),
    );
  });

  it('commits live events on the log writer thread and copies them into the database on the checkpointer thread', {
    timeout: 60_000,
  }, async () => {
    const facilitator = liveClient(server!.url, meetingId, w.cookies.facilitatorA);
    const member = liveClient(server!.url, meetingId, w.cookies.memberA);
    clients.push(facilitator, member);
    await facilitator.until((s) => s.present.length === 2, 15_000);
    const run = async (client: TestLiveClient, command: MeetingCommand) => {
      client.send(command);
      const status = await client.untilStatus((s) => s.pending === 0);
      expect(status.lastRefusal, JSON.stringify(command)).toBeNull();
      expect(status.error, JSON.stringify(command)).toBeNull();
    };
    await run(facilitator, { type: 'meeting.start' });
    await run(facilitator, { type: 'stage.goto', index: 1 });
    await run(member, { type: 'checkin.say', text: 'Written by the thread.' });
    await run(facilitator, { type: 'meeting.end' });
    const last = (await member.until((s) => s.status === 'ended')).lastSeq;
    // The server's own connection leaves checkpoints to the thread: only it copies these back.
    const deadline = Date.now() + 15_000;
    while (checkpointedEvents(t.database.dataDir, meetingId) < last && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(checkpointedEvents(t.database.dataDir, meetingId)).toBe(last);
  });

  it('lays out a PDF on the PDF thread', { timeout: 60_000 }, async () => {
    const response = await fetch(`${server!.url}/api/meetings/${meetingId}/record.pdf`, {
      headers: { cookie: w.cookies.memberA },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('Written by the thread.');
  });

  it('logged no error on the way', () => {
    const errors = server!
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line));
    expect(errors).toEqual([]);
  });
});
