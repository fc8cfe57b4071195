/**
 * Growth benchmark (issue 12 part 5):
 *   npm run bench -- scale [--store sqlite|postgres] [--factor F] [--quick] [--reps N] [--pg-url URL]
 *
 * One host. First a small data set: one programme of 10 sets of 8 people with five years of monthly
 * meetings (each held one with a whole live log, its attendance and 8 sent mails) and two to come; the
 * hot reads of one of its members and of its coordinator are timed (in process, through the HTTP
 * routes: app.inject). Then the host grows around them to F x (1,000 programmes, 10,000 sets, 80,000
 * people, five years of meetings, events and mails), bulk-seeded in multi-row inserts, and the same
 * reads are timed again: each must stay within 2x (p50). Then a migration on the large data set is
 * timed (the latest one, 0017: a column and two indexes on the meeting and outbox tables, run by the
 * real migrator after stepping it down), and the scheduler's compaction and outbox pruning run once,
 * with the event log's and outbox's sizes before and after. `--quick` is --factor 0.01.
 * F = 1 is the issue's full size (600,000 meetings, ~20 million events): hours of seeding on a small
 * machine; the figures in docs/performance.md say which factor they were measured at.
 * Ends with one `BENCH scale {json}` line.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { defaultAgenda } from '../src/domain/meeting/agenda.ts';
import { aSetup, Room, stage } from '../src/domain/meeting/test-support.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { compactEndedMeetings, pruneOutbox } from '../src/server/features/meetings/compaction.ts';
import { closeContext, createContext } from '../src/server/runtime.ts';
import { sqlitePath } from '../src/server/store/db.ts';
import { migrateToLatest } from '../src/server/store/migrate.ts';
import * as latest from '../src/server/store/migrations/0017_log_compaction.ts';
import { commandLine } from './common/command-line.ts';
import { scratchDatabase } from './common/scratch-database.ts';
import { signedSessionCookie } from './live/seed.ts';

const { flag, option } = commandLine();
const storeKind = option('--store') ?? 'sqlite';
const factor = Number(option('--factor') ?? (flag('--quick') ? 0.01 : 1));
const reps = Number(option('--reps') ?? 30);
const pgAdminUrl = option('--pg-url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => process.stderr.write(`${line}\n`);

const full = { programmes: 1000, setsPerProgramme: 10, peoplePerSet: 8 };
const years = 5;
const dayMs = 24 * 3_600_000;
const now = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

// ---- one held meeting's live log, as a template ------------------------------------------------

/** A whole meeting of 8 (P0 facilitates, P1 presents): the room traffic a real one has, then the end. */
function templateMeeting() {
  const people = Array.from({ length: 8 }, (_, k) => `@P${k}`);
  const setup = aSetup({
    meetingId: '@M',
    setId: '@S',
    facilitatorIds: ['@P0'],
    participants: people.map((personId, k) => ({
      personId,
      name: `Person ${k}`,
      role: k === 0 ? 'facilitator' : 'member',
    })),
    openActions: [],
    problems: [{ problemId: '@Q', ownerId: '@P1', title: 'Volunteers leave', statement: 'They leave.' }],
  });
  const room = new Room(setup).joinAll();
  room
    .do('@P0', { type: 'meeting.start' })
    .do('@P0', { type: 'stage.goto', index: stage.bidding })
    .do('@P1', { type: 'bid.place', minutes: 30, urgency: 'high' })
    .do('@P0', { type: 'presenter.order', personIds: ['@P1'] })
    .do('@P0', { type: 'stage.goto', index: stage.presentations })
    .do('@P0', { type: 'presenter.goto', index: 0, step: 'presenting' })
    .later(10)
    .do('@P0', { type: 'presenter.goto', index: 0, step: 'questioning' });
  for (let k = 2; k < 8; k++) {
    room
      .do(`@P${k}`, { type: 'hand.raise' })
      .later(1)
      .do(`@P${k}`, { type: 'question.add', text: `What have you tried, ${k}?` }, { questionId: `q${k}-@M` })
      .do(`@P${k}`, { type: 'hand.lower' });
  }
  room
    .do('@P0', { type: 'timer.pause' })
    .later(2)
    .do('@P0', { type: 'timer.resume' })
    .do('@P7', { type: 'presence.leave' })
    .do('@P7', { type: 'presence.join' })
    .do('@P0', { type: 'presenter.goto', index: 0, step: 'actions' })
    .do('@P1', { type: 'action.add', text: 'Phone the chair' }, { actionId: 'a-@M' })
    .later(20)
    .do('@P0', { type: 'meeting.end' });
  const t0 = Date.parse(room.events[0]!.at);
  return {
    setupJson: JSON.stringify(setup),
    events: room.events.map((e) => ({
      seq: e.seq,
      offsetMs: Date.parse(e.at) - t0,
      actor: e.actorId,
      commandJson: JSON.stringify(e.command),
      idsJson: e.ids ? JSON.stringify(e.ids) : null,
    })),
  };
}
const template = templateMeeting();

// ---- bulk seeding --------------------------------------------------------------------------------

type Row = Record<string, unknown>;
class Batch {
  rows = new Map<string, Row[]>();
  count = 0;
  constructor(private readonly db: Kysely<any>) {}
  add(table: string, row: Row) {
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    list.push(row);
    this.count++;
  }
  /** Multi-row inserts in one transaction, parents before children (the order tables were first added). */
  async flush() {
    const rows = this.rows;
    this.rows = new Map();
    this.count = 0;
    await this.db.transaction().execute(async (trx) => {
      for (const [table, list] of rows) {
        const per = Math.max(1, Math.floor(8000 / Object.keys(list[0]!).length));
        for (let i = 0; i < list.length; i += per) {
          await trx
            .insertInto(table)
            .values(list.slice(i, i + per))
            .execute();
        }
      }
    });
  }
}

const counts = { programmes: 0, sets: 0, people: 0, meetings: 0, events: 0, mails: 0 };

/** One programme with its sets, people, five years of meetings (logs, attendance, mail). */
function seedProgramme(
  b: Batch,
  hostId: string,
  pg: boolean,
): { programmeId: string; sets: { setId: string; people: string[] }[] } {
  const programmeId = randomUUID();
  const stamp = iso(now - years * 365 * dayMs);
  b.add('programme', {
    id: programmeId,
    host_id: hostId,
    name: `Programme ${counts.programmes}`,
    purpose: '',
    theme: '',
    starts_on: null,
    ends_on: null,
    status: 'running',
    min_set_size: 4,
    max_set_size: 8,
    archived_at: null,
    agenda_json: null,
    created_at: stamp,
    updated_at: stamp,
  });
  counts.programmes++;
  const agenda = JSON.stringify(defaultAgenda());
  const sets: { setId: string; people: string[] }[] = [];
  for (let s = 0; s < full.setsPerProgramme; s++) {
    const setId = randomUUID();
    counts.sets++;
    b.add('learning_set', {
      id: setId,
      programme_id: programmeId,
      name: `Set ${counts.sets}`,
      theme: '',
      mode: 'facilitated',
      archived_at: null,
      agenda_json: null,
      created_at: stamp,
      updated_at: stamp,
    });
    const people: string[] = [];
    for (let k = 0; k < full.peoplePerSet; k++) {
      const personId = randomUUID();
      counts.people++;
      people.push(personId);
      b.add('person', {
        id: personId,
        host_id: hostId,
        user_id: null,
        name: `Person ${counts.people}`,
        email: `p${counts.people}-${randomBytes(3).toString('hex')}@scale.example`,
        organisation_id: null,
        job_role: '',
        time_zone: 'Europe/London',
        language: 'en',
        archived_at: null,
        created_at: stamp,
        updated_at: stamp,
      });
      b.add('set_membership', {
        set_id: setId,
        person_id: personId,
        role: k === 0 ? 'facilitator' : 'member',
        created_at: stamp,
      });
    }
    sets.push({ setId, people });
    // Monthly for five years, then two to come.
    for (let m = -years * 12; m <= 2; m++) {
      if (m === 0) continue;
      const start = now + m * 30 * dayMs;
      const held = m < 0;
      const meetingId = randomUUID();
      counts.meetings++;
      const map = (token: string) =>
        token === '@M'
          ? meetingId
          : token === '@S'
            ? setId
            : token === '@Q'
              ? `${meetingId}-problem`
              : people[Number(token.slice(2))]!;
      const fill = (text: string) => text.replace(/@(P\d|M|S|Q)/g, map);
      b.add('meeting', {
        id: meetingId,
        set_id: setId,
        starts_at: iso(start),
        ends_at: iso(start + 3 * 3_600_000),
        time_zone: 'Europe/London',
        place: '',
        video_url: '',
        status: held ? 'ended' : 'scheduled',
        agenda_json: agenda,
        setup_json: held ? fill(template.setupJson) : null,
        sequence: 0,
        series_id: null,
        created_at: iso(start - 30 * dayMs),
        updated_at: iso(held ? start + 3 * 3_600_000 : start - 30 * dayMs),
      });
      if (!held) continue;
      for (const e of template.events) {
        counts.events++;
        b.add('meeting_event', {
          meeting_id: meetingId,
          seq: e.seq,
          at: iso(start + e.offsetMs),
          actor_id: map(e.actor),
          client_command_id: null,
          command_json: fill(e.commandJson),
          ids_json: e.idsJson ? fill(e.idsJson) : null,
        });
      }
      for (const personId of people) {
        b.add('meeting_attendance', {
          meeting_id: meetingId,
          person_id: personId,
          status: 'present',
          apology_note: '',
          updated_at: iso(start),
        });
        counts.mails++;
        b.add('mail_outbox', {
          id: randomUUID(),
          host_id: hostId,
          to_address: 'member@scale.example',
          subject: 'Your set meets soon',
          text_body: 'Your set meets next week.',
          html_body: '<p>Your set meets next week.</p>',
          kind: 'meeting-reminder',
          status: 'sent',
          attempts: 1,
          next_attempt_at: iso(start - 7 * dayMs),
          claimed_until: null,
          last_error: null,
          created_at: iso(start - 7 * dayMs),
          sent_at: iso(start - 7 * dayMs),
        });
      }
    }
  }
  void pg;
  return { programmeId, sets };
}

// ---- measuring ---------------------------------------------------------------------------------

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const r2 = (x: number) => Math.round(x * 100) / 100;

// ---- main ----------------------------------------------------------------------------------------

const dataDir = mkdtempSync(path.join(tmpdir(), 'revans-bench-scale-'));
const authSecret = randomBytes(36).toString('base64url');
const scratch =
  storeKind === 'postgres' ? await scratchDatabase(pgAdminUrl, 'revans_bench_scale') : undefined;
const databaseUrl = scratch?.url;
log(`scale bench on ${storeKind}, factor ${factor}, data in ${databaseUrl ?? dataDir}`);

const config = loadConfig(
  {},
  {
    dataDir,
    databaseUrl,
    authSecret,
    publicUrl: 'http://localhost:3000',
    logLevel: 'silent',
    apiRateLimit: { max: 1_000_000, windowSeconds: 60 },
    webDir: '/nonexistent-web-dir',
  },
);
const ctx = await createContext(config, { startMailWorker: false });
const app = await buildApp(ctx);
const db = ctx.store.plain as unknown as Kysely<any>;
const isPg = ctx.store.kind === 'postgres';

try {
  const hostId = randomUUID();
  const t0Seed = performance.now();
  await db
    .insertInto('host')
    .values({
      id: hostId,
      name: 'Scale Host',
      default_time_zone: 'Europe/London',
      default_language: 'en',
      created_at: iso(now),
      updated_at: iso(now),
    })
    .execute();

  // The small data set: one programme, and the two people whose pages are timed.
  const batch = new Batch(db);
  const target = seedProgramme(batch, hostId, isPg);
  const cookies: Record<string, string> = {};
  const ids = { member: target.sets[0]!.people[1]!, coordinator: randomUUID() };
  batch.add('person', {
    id: ids.coordinator,
    host_id: hostId,
    user_id: null,
    name: 'Coordinator',
    email: 'coordinator@scale.example',
    organisation_id: null,
    job_role: '',
    time_zone: 'Europe/London',
    language: 'en',
    archived_at: null,
    created_at: iso(now),
    updated_at: iso(now),
  });
  batch.add('programme_coordinator', {
    programme_id: target.programmeId,
    person_id: ids.coordinator,
    created_at: iso(now),
  });
  await batch.flush();
  for (const [role, personId] of Object.entries(ids)) {
    const userId = randomUUID();
    const token = randomBytes(24).toString('base64url').slice(0, 32);
    await db
      .insertInto('user')
      .values({
        id: userId,
        name: role,
        email: `${role}-user@scale.example`,
        emailVerified: isPg ? true : 1,
        image: null,
        createdAt: iso(now),
        updatedAt: iso(now),
      })
      .execute();
    await db
      .insertInto('session')
      .values({
        id: randomUUID(),
        expiresAt: iso(now + 29 * dayMs),
        token,
        createdAt: iso(now),
        updatedAt: iso(now),
        ipAddress: '127.0.0.1',
        userAgent: 'revans-bench',
        userId,
      })
      .execute();
    await db.updateTable('person').set({ user_id: userId }).where('id', '=', personId).execute();
    cookies[role] = signedSessionCookie(token, authSecret);
  }
  const setId = target.sets[0]!.setId;
  const pid = target.programmeId;
  const reads: { name: string; who: 'member' | 'coordinator'; url: string }[] = [
    { name: 'member /api/me', who: 'member', url: '/api/me' },
    { name: 'member upcoming', who: 'member', url: '/api/me/upcoming' },
    { name: 'member set page', who: 'member', url: `/api/sets/${setId}` },
    { name: 'member set meetings', who: 'member', url: `/api/sets/${setId}/meetings` },
    { name: 'member programme page', who: 'member', url: `/api/programmes/${pid}` },
    { name: 'coordinator programme page', who: 'coordinator', url: `/api/programmes/${pid}` },
    { name: 'coordinator programme sets', who: 'coordinator', url: `/api/programmes/${pid}/sets` },
    { name: 'coordinator programme calendar', who: 'coordinator', url: `/api/programmes/${pid}/calendar` },
    { name: 'coordinator programme pulses', who: 'coordinator', url: `/api/programmes/${pid}/pulses` },
  ];
  const timeReads = async (label: string) => {
    const out: Record<string, { p50Ms: number; p95Ms: number; status: number }> = {};
    for (const r of reads) {
      const call = () =>
        app.inject({
          method: 'GET',
          url: r.url,
          headers: { cookie: cookies[r.who]!, origin: 'http://localhost:3000' },
        });
      let status = 0;
      for (let i = 0; i < 3; i++) status = (await call()).statusCode;
      const times: number[] = [];
      for (let i = 0; i < reps; i++) {
        const t = performance.now();
        await call();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      out[r.name] = { p50Ms: r2(pct(times, 50)), p95Ms: r2(pct(times, 95)), status };
      log(`[${label}] ${r.name}: HTTP ${status}, p50 ${out[r.name]!.p50Ms} ms, p95 ${out[r.name]!.p95Ms} ms`);
    }
    return out;
  };
  const small = { ...counts };
  log(`small data set seeded: ${JSON.stringify(small)}`);
  const smallReads = await timeReads('small');

  // The host grows around them.
  const programmes = Math.max(1, Math.round(full.programmes * factor));
  const t0Bulk = performance.now();
  for (let p = 1; p < programmes; p++) {
    seedProgramme(batch, hostId, isPg);
    if (batch.count > 40_000) await batch.flush();
    if (p % 10 === 0)
      log(
        `seeded ${p}/${programmes} programmes (${counts.events} events) in ${Math.round((performance.now() - t0Bulk) / 1000)} s`,
      );
  }
  await batch.flush();
  if (isPg) await sql`analyze`.execute(db);
  const seedSeconds = Math.round((performance.now() - t0Seed) / 100) / 10;
  log(`large data set seeded in ${seedSeconds} s: ${JSON.stringify(counts)}`);
  const largeReads = await timeReads('large');

  // A migration on the large data set: the latest one, stepped down and run again by the migrator.
  await latest.down(db);
  await db.deleteFrom('kysely_migration').where('name', '=', '0017_log_compaction').execute();
  const t0Mig = performance.now();
  await migrateToLatest(db);
  const migrationSeconds = Math.round((performance.now() - t0Mig) / 100) / 10;
  log(`migration 0017 (a column and two indexes on meeting and mail_outbox) in ${migrationSeconds} s`);

  const rowsOf = async (table: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const bytesOf = async () => {
    if (isPg) {
      const q = await sql<{
        e: string;
        o: string;
        d: string;
      }>`select pg_total_relation_size('meeting_event') as e,
        pg_total_relation_size('mail_outbox') as o, pg_database_size(current_database()) as d`.execute(db);
      const r = q.rows[0]!;
      return {
        eventLogMiB: Math.round(Number(r.e) / 2 ** 20),
        outboxMiB: Math.round(Number(r.o) / 2 ** 20),
        databaseMiB: Math.round(Number(r.d) / 2 ** 20),
      };
    }
    const file = sqlitePath(dataDir);
    const size = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    return { databaseMiB: Math.round((size(file) + size(`${file}-wal`)) / 2 ** 20) };
  };
  const before = {
    events: await rowsOf('meeting_event'),
    mails: await rowsOf('mail_outbox'),
    ...(await bytesOf()),
  };
  const t0Compact = performance.now();
  const compacted = { meetings: 0, eventsRemoved: 0 };
  for (;;) {
    const round = await compactEndedMeetings(ctx, 5000);
    compacted.meetings += round.meetings;
    compacted.eventsRemoved += round.eventsRemoved;
    if (round.meetings === 0) break;
    log(`compacted ${compacted.meetings} meetings so far`);
  }
  const compactSeconds = Math.round((performance.now() - t0Compact) / 100) / 10;
  const t0Prune = performance.now();
  const pruned = await pruneOutbox(ctx);
  const pruneSeconds = Math.round((performance.now() - t0Prune) / 100) / 10;
  if (isPg) await sql`vacuum analyze`.execute(db);
  else await sql`vacuum`.execute(db);
  const after = {
    events: await rowsOf('meeting_event'),
    mails: await rowsOf('mail_outbox'),
    ...(await bytesOf()),
  };
  log(
    `compaction: ${compacted.meetings} meetings in ${compactSeconds} s; pruning ${pruned} mails in ${pruneSeconds} s`,
  );
  log(`event log ${before.events} -> ${after.events} rows; outbox ${before.mails} -> ${after.mails} rows`);
  const afterCompactionReads = await timeReads('large, compacted');

  const ratios = Object.fromEntries(
    reads.map((r) => [r.name, r2(largeReads[r.name]!.p50Ms / smallReads[r.name]!.p50Ms)]),
  );
  const worst = Math.max(...Object.values(ratios));
  const targets = {
    hotReadsWithin2x: worst <= 2,
    migrationUnderAMinute: migrationSeconds < 60,
    eventLogShrinks: after.events < before.events,
    outboxShrinks: after.mails < before.mails,
    everyReadOk: reads.every((r) => largeReads[r.name]!.status === 200),
  };
  const figures = {
    store: storeKind,
    factor,
    cpus: availableParallelism(),
    loadAverage: (await import('node:fs'))
      .readFileSync('/proc/loadavg', 'utf8')
      .split(' ')
      .slice(0, 3)
      .map(Number),
    small,
    large: counts,
    seedSeconds,
    reads: { small: smallReads, large: largeReads, largeCompacted: afterCompactionReads },
    ratioLargeToSmallP50: ratios,
    worstRatio: worst,
    migrationSeconds,
    compaction: { ...compacted, seconds: compactSeconds, before, after, mailsPruned: pruned, pruneSeconds },
    targets,
    pass: Object.values(targets).every(Boolean),
  };
  console.log(
    `growth at factor ${factor} on ${storeKind}: ${counts.programmes} programmes, ${counts.sets} sets, ${counts.people} people, ${counts.meetings} meetings, ${counts.events} events, ${counts.mails} mails`,
  );
  for (const r of reads) {
    console.log(
      `  ${r.name.padEnd(34)} small p50 ${String(smallReads[r.name]!.p50Ms).padStart(7)} ms  large ${String(largeReads[r.name]!.p50Ms).padStart(7)} ms  x${ratios[r.name]}`,
    );
  }
  console.log(
    `  migration ${migrationSeconds} s; event log ${before.events} -> ${after.events}; outbox ${before.mails} -> ${after.mails}`,
  );
  console.log(
    `  targets: ${Object.entries(targets)
      .map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`)
      .join(', ')}`,
  );
  console.log(`BENCH scale ${JSON.stringify(figures)}`);
} finally {
  await app.close();
  await closeContext(ctx);
  rmSync(dataDir, { recursive: true, force: true });
  if (scratch) await scratch.drop().catch(() => {});
}
