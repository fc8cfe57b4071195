import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import type { MeetingEvent } from '../../domain/meeting/types.ts';
import { type BusSignal, PostgresBus } from './bus.ts';

const quiet = pino({ level: 'silent' });

function event(seq: number, text: string): MeetingEvent {
  return { seq, at: '2027-01-20T10:00:00.000Z', actorId: 'p1', command: { type: 'checkin.say', text } };
}

describe('the live bus between processes on one PostgreSQL', () => {
  let database: TestDatabase;
  let a: PostgresBus;
  let b: PostgresBus;
  const heardByB: BusSignal[] = [];
  const heardByA: BusSignal[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    a = new PostgresBus(database.databaseUrl ?? '', quiet);
    b = new PostgresBus(database.databaseUrl ?? '', quiet);
    await Promise.all([a.start(), b.start()]);
    a.onSignal((s) => heardByA.push(s));
    b.onSignal((s) => heardByB.push(s));
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
  });

  const until = async (done: () => boolean) => {
    for (let waited = 0; !done(); waited += 10) {
      if (waited > 10_000) throw new Error('the signals did not arrive within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('delivers a burst of events to the other process whole and in order, and to its own at once', async () => {
    heardByA.length = 0;
    heardByB.length = 0;
    // Far more than one notification holds (8,000 bytes): the burst is split, never truncated.
    const burst: BusSignal[] = Array.from({ length: 300 }, (_, i) => ({
      kind: 'meeting',
      meetingId: 'm1',
      seq: i + 1,
      event: event(i + 1, `Check-in number ${i + 1}: é, 日本, 🙂`),
      clientCommandId: `c${i + 1}`,
    }));
    const taken = burst.map((signal) => a.publish(signal));
    expect(heardByA).toEqual(burst);
    await Promise.all(taken);
    await until(() => heardByB.length === burst.length);
    expect(heardByB).toEqual(burst);
  });

  it('sends an event too large for one notification as a bare signal, read from the log instead', async () => {
    heardByB.length = 0;
    const large: BusSignal = {
      kind: 'meeting',
      meetingId: 'm2',
      seq: 7,
      event: event(7, '日本語'.repeat(3000)),
      clientCommandId: 'big',
    };
    const small: BusSignal = {
      kind: 'meeting',
      meetingId: 'm2',
      seq: 8,
      event: event(8, 'Fine'),
      clientCommandId: null,
    };
    await Promise.all([a.publish(large), a.publish(small)]);
    await until(() => heardByB.length === 2);
    expect(heardByB).toEqual([{ kind: 'meeting', meetingId: 'm2', seq: 7 }, small]);
  });

  it('ignores a notification it cannot read and still hears the next, including the older one-signal form', async () => {
    heardByB.length = 0;
    const other = new pg.Client({ connectionString: database.databaseUrl });
    await other.connect();
    try {
      await other.query(`select pg_notify('revans_live', 'not json at all')`);
      const older = { kind: 'revoke', setId: 's1', personId: 'p2' } satisfies BusSignal;
      await other.query(`select pg_notify('revans_live', $1)`, [
        JSON.stringify({ origin: 'an older node', signal: older }),
      ]);
      await a.publish({ kind: 'session-ended', sessionId: 'x', userId: 'u' });
      await until(() => heardByB.length === 2);
      expect(heardByB).toEqual([older, { kind: 'session-ended', sessionId: 'x', userId: 'u' }]);
    } finally {
      await other.end();
    }
  });
});
