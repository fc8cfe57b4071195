/**
 * Seeds a fresh SQLite store for the live benchmark straight through Kysely (no HTTP): one host and
 * programme, N facilitated sets of 8 (1 facilitator + 7 members), one scheduled meeting per set, and a
 * better-auth user + session per person with the signed session cookie a browser would hold.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { defaultAgenda } from '../../src/domain/meeting/agenda.ts';
import { openStore } from '../../src/server/store/db.ts';
import { migrateToLatest } from '../../src/server/store/migrate.ts';

export const peoplePerMeeting = 8;
export const sessionCookieName = 'revans.session_token';

export interface SeededPerson {
  personId: string;
  /** The whole `Cookie` header value. */
  cookie: string;
}

export interface SeededMeeting {
  meetingId: string;
  setId: string;
  /** [facilitator, member 1 (the presenter), members 2..7 (the askers)] */
  people: SeededPerson[];
}

export interface Seeded {
  meetings: SeededMeeting[];
  presentationsIndex: number;
  seedMs: number;
}

/**
 * better-call signs cookies as `encodeURIComponent(value + '.' + base64(HMAC-SHA256(secret, value)))`
 * (node_modules/better-call/dist/crypto.mjs, signCookieValue); the verifier wants 44 base64 chars.
 */
export function signedSessionCookie(token: string, secret: string): string {
  const signature = createHmac('sha256', secret).update(token).digest('base64');
  return `${sessionCookieName}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** better-auth's own tokens are 32 alphanumerics; any unique string verifies the same way. */
function sessionToken(): string {
  return randomBytes(24).toString('base64url').slice(0, 32);
}

async function insertChunked(db: Kysely<any>, table: string, rows: Record<string, unknown>[]) {
  // SQLite allows 32,766 bound values per statement; stay well under it.
  const width = Object.keys(rows[0] ?? { x: 1 }).length;
  const per = Math.max(1, Math.floor(8000 / width));
  for (let i = 0; i < rows.length; i += per) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + per))
      .execute();
  }
}

export async function seedLiveWorld(options: {
  dataDir: string;
  /** PostgreSQL (a fresh, empty database); SQLite in dataDir without it. */
  databaseUrl?: string | undefined;
  meetings: number;
  authSecret: string;
}): Promise<Seeded> {
  const t0 = performance.now();
  const store = openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  try {
    await migrateToLatest(store.plain);
    const db = store.plain as unknown as Kysely<any>;
    const now = new Date();
    const iso = now.toISOString();
    // Sessions last 30 days and refresh after one (auth.ts): a fresh expiry means no refresh writes.
    const expiresAt = new Date(now.getTime() + 29 * 24 * 3600_000).toISOString();
    const hostId = randomUUID();
    const programmeId = randomUUID();
    const agenda = defaultAgenda();
    const presentationsIndex = agenda.findIndex((s) => s.key === 'presentations');

    const users: Record<string, unknown>[] = [];
    const sessions: Record<string, unknown>[] = [];
    const persons: Record<string, unknown>[] = [];
    const sets: Record<string, unknown>[] = [];
    const memberships: Record<string, unknown>[] = [];
    const meetingRows: Record<string, unknown>[] = [];
    const meetings: SeededMeeting[] = [];

    for (let m = 0; m < options.meetings; m++) {
      const setId = randomUUID();
      const meetingId = randomUUID();
      sets.push({
        id: setId,
        programme_id: programmeId,
        name: `Set ${m + 1}`,
        theme: '',
        mode: 'facilitated',
        archived_at: null,
        agenda_json: null,
        created_at: iso,
        updated_at: iso,
      });
      meetingRows.push({
        id: meetingId,
        set_id: setId,
        starts_at: iso,
        ends_at: new Date(now.getTime() + 3 * 3600_000).toISOString(),
        time_zone: 'Europe/London',
        place: '',
        video_url: '',
        status: 'scheduled',
        agenda_json: JSON.stringify(agenda),
        setup_json: null,
        sequence: 0,
        series_id: null,
        created_at: iso,
        updated_at: iso,
      });
      const people: SeededPerson[] = [];
      for (let k = 0; k < peoplePerMeeting; k++) {
        const userId = randomUUID();
        const personId = randomUUID();
        const email = `p${m}-${k}@bench.example`;
        const name = k === 0 ? `Facilitator ${m}` : `Member ${m}-${k}`;
        users.push({
          id: userId,
          name,
          email,
          emailVerified: store.kind === 'postgres' ? true : 1,
          image: null,
          createdAt: iso,
          updatedAt: iso,
        });
        const token = sessionToken();
        sessions.push({
          id: randomUUID(),
          expiresAt,
          token,
          createdAt: iso,
          updatedAt: iso,
          ipAddress: '127.0.0.1',
          userAgent: 'revans-bench',
          userId,
        });
        persons.push({
          id: personId,
          host_id: hostId,
          user_id: userId,
          name,
          email,
          organisation_id: null,
          job_role: 'Bench participant',
          time_zone: 'Europe/London',
          language: 'en',
          archived_at: null,
          created_at: iso,
          updated_at: iso,
        });
        memberships.push({
          set_id: setId,
          person_id: personId,
          role: k === 0 ? 'facilitator' : 'member',
          created_at: iso,
        });
        people.push({ personId, cookie: signedSessionCookie(token, options.authSecret) });
      }
      meetings.push({ meetingId, setId, people });
    }

    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('host')
        .values({
          id: hostId,
          name: 'Bench Host',
          default_time_zone: 'Europe/London',
          default_language: 'en',
          created_at: iso,
          updated_at: iso,
        })
        .execute();
      await trx
        .insertInto('programme')
        .values({
          id: programmeId,
          host_id: hostId,
          name: 'Live bench programme',
          purpose: '',
          theme: '',
          starts_on: null,
          ends_on: null,
          status: 'running',
          min_set_size: 4,
          max_set_size: 8,
          archived_at: null,
          agenda_json: null,
          created_at: iso,
          updated_at: iso,
        })
        .execute();
      await insertChunked(trx, 'user', users);
      await insertChunked(trx, 'session', sessions);
      await insertChunked(trx, 'person', persons);
      await insertChunked(trx, 'learning_set', sets);
      await insertChunked(trx, 'set_membership', memberships);
      await insertChunked(trx, 'meeting', meetingRows);
    });
    return { meetings, presentationsIndex, seedMs: Math.round(performance.now() - t0) };
  } finally {
    await store.destroy();
  }
}
