import { randomUUID } from 'node:crypto';
import { createCredentialAccount } from '../auth/accounts.ts';
import { loadActor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { insertPerson } from '../features/people/queries.ts';
import { createSeries } from '../features/series/service.ts';
import { createAdmin, isSetUp } from '../features/setup/service.ts';

export const demoPassword = 'revans-demo-2026';

interface DemoPerson {
  name: string;
  email: string;
  organisation: string;
  jobRole: string;
  timeZone: string;
}

const organisations = [
  'Oxfam',
  'ActionAid',
  'Christian Aid',
  'Save the Children',
  'WaterAid',
  'CAFOD',
  'Tearfund',
];

/** Nine NGO staff working on organisational learning, as in the seed's BOND programme. */
const participants: DemoPerson[] = [
  {
    name: 'Amara Okafor',
    email: 'amara@demo.revans.test',
    organisation: 'Oxfam',
    jobRole: 'Learning adviser',
    timeZone: 'Europe/London',
  },
  {
    name: 'Ben Hughes',
    email: 'ben@demo.revans.test',
    organisation: 'ActionAid',
    jobRole: 'Knowledge manager',
    timeZone: 'Europe/London',
  },
  {
    name: 'Chloé Martin',
    email: 'chloe@demo.revans.test',
    organisation: 'Christian Aid',
    jobRole: 'Staff development lead',
    timeZone: 'Europe/Paris',
  },
  {
    name: 'Dev Patel',
    email: 'dev@demo.revans.test',
    organisation: 'Save the Children',
    jobRole: 'Organisational learning officer',
    timeZone: 'Europe/London',
  },
  {
    name: 'Esther Mensah',
    email: 'esther@demo.revans.test',
    organisation: 'WaterAid',
    jobRole: 'Learning adviser',
    timeZone: 'Africa/Accra',
  },
  {
    name: 'Finn O’Brien',
    email: 'finn@demo.revans.test',
    organisation: 'CAFOD',
    jobRole: 'Knowledge manager',
    timeZone: 'Europe/Dublin',
  },
  {
    name: 'Grace Lee',
    email: 'grace@demo.revans.test',
    organisation: 'Tearfund',
    jobRole: 'HR development manager',
    timeZone: 'Europe/London',
  },
  {
    name: 'Hassan Ali',
    email: 'hassan@demo.revans.test',
    organisation: 'Oxfam',
    jobRole: 'MEL coordinator',
    timeZone: 'Africa/Nairobi',
  },
  {
    name: 'Ines Duarte',
    email: 'ines@demo.revans.test',
    organisation: 'ActionAid',
    jobRole: 'Learning partner',
    timeZone: 'Europe/Lisbon',
  },
];

const facilitators: DemoPerson[] = [
  {
    name: 'Rosa Fielding',
    email: 'rosa@demo.revans.test',
    organisation: 'BOND',
    jobRole: 'Set adviser',
    timeZone: 'Europe/London',
  },
  {
    name: 'Tom Achebe',
    email: 'tom@demo.revans.test',
    organisation: 'BOND',
    jobRole: 'Set adviser',
    timeZone: 'Europe/London',
  },
];
const coordinator: DemoPerson = {
  name: 'Carol Whitfield',
  email: 'carol@demo.revans.test',
  organisation: 'BOND',
  jobRole: 'Programme coordinator',
  timeZone: 'Europe/London',
};
export const demoAdminEmail = 'admin@demo.revans.test';

const dayMs = 24 * 60 * 60 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The demo's year, from the day it is loaded: the programme starts on the Monday at least a week ahead
 * and runs 48 weeks, so whoever tries the demo finds meetings ahead of them, whenever they try it.
 */
export function demoCalendar(now: Date) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const daysToMonday = (8 - new Date(today).getUTCDay()) % 7;
  const monday = today + (daysToMonday + 7) * dayMs;
  return {
    startsOn: isoDay(monday),
    endsOn: isoDay(monday + (48 * 7 - 3) * dayMs),
    firstMeeting: {
      setA: `${isoDay(monday + 2 * dayMs)}T10:00`,
      setB: `${isoDay(monday + 3 * dayMs)}T13:30`,
    },
  };
}

export interface DemoLogin {
  role: string;
  name: string;
  email: string;
}

/** Loads the demo host into an empty installation; every account shares `demoPassword`. */
export async function seedDemo(
  ctx: AppContext,
  onStep: (label: string) => void = () => {},
): Promise<DemoLogin[]> {
  if (await isSetUp(ctx))
    throw new Error('This Revans is already set up; the demo needs an empty data directory or database.');
  const { hostId } = await createAdmin(ctx, {
    hostName: 'BOND Learning Practitioners',
    adminName: 'Alex Admin',
    email: demoAdminEmail,
    password: demoPassword,
    timeZone: 'Europe/London',
    language: 'en',
  });
  onStep('host and admin');
  const db = ctx.store.plain;
  const now = ctx.now().toISOString();
  const orgIds = new Map<string, string>();
  for (const name of [...organisations, 'BOND']) {
    const id = randomUUID();
    orgIds.set(name, id);
    await db
      .insertInto('organisation')
      .values({ id, host_id: hostId, name, archived_at: null, created_at: now, updated_at: now })
      .execute();
  }
  onStep('organisations');
  const personIds = new Map<string, string>();
  const userIds = new Map<string, string>();
  for (const p of [...participants, ...facilitators, coordinator]) {
    const userId = await createCredentialAccount(ctx, {
      email: p.email,
      name: p.name,
      password: demoPassword,
    });
    const id = randomUUID();
    personIds.set(p.email, id);
    userIds.set(p.email, userId);
    await insertPerson(ctx.db, {
      id,
      hostId,
      userId,
      name: p.name,
      email: p.email,
      organisationId: orgIds.get(p.organisation) ?? null,
      jobRole: p.jobRole,
      timeZone: p.timeZone,
      language: 'en',
      at: now,
    });
    onStep(p.name);
  }
  const calendar = demoCalendar(ctx.now());
  const programmeId = randomUUID();
  await db
    .insertInto('programme')
    .values({
      id: programmeId,
      host_id: hostId,
      name: 'Learning Practitioners Initiative',
      purpose:
        'A year of action learning for NGO staff working on organisational learning, knowledge management and staff development.',
      theme: 'Organisational learning',
      starts_on: calendar.startsOn,
      ends_on: calendar.endsOn,
      status: 'running',
      min_set_size: 4,
      max_set_size: 8,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('programme_coordinator')
    .values({ programme_id: programmeId, person_id: personIds.get(coordinator.email)!, created_at: now })
    .execute();
  const sets = [
    {
      name: 'Set A: Knowledge sharing',
      theme: 'Knowledge management',
      facilitator: facilitators[0]!,
      members: participants.slice(0, 4),
      meetings: {
        firstLocal: calendar.firstMeeting.setA,
        place: 'BOND, Society Building, 8 All Saints Street, London',
        videoUrl: '',
      },
    },
    {
      name: 'Set B: Learning organisations',
      theme: 'Staff development',
      facilitator: facilitators[1]!,
      members: participants.slice(4),
      // Set B's members work from Accra to Nairobi: it meets by video, at an hour that suits them all.
      meetings: {
        firstLocal: calendar.firstMeeting.setB,
        place: '',
        videoUrl: 'https://meet.example.org/bond-set-b',
      },
    },
  ];
  for (const set of sets) {
    const setId = randomUUID();
    await db
      .insertInto('learning_set')
      .values({
        id: setId,
        programme_id: programmeId,
        name: set.name,
        theme: set.theme,
        mode: 'facilitated',
        archived_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const rows = [
      { person_id: personIds.get(set.facilitator.email)!, role: 'facilitator' as const },
      ...set.members.map((m) => ({ person_id: personIds.get(m.email)!, role: 'member' as const })),
    ];
    for (const row of rows)
      await db
        .insertInto('set_membership')
        .values({ set_id: setId, ...row, created_at: now })
        .execute();
    // Scheduled as the facilitator would, so the meetings, their invitations and the calendar feeds are
    // what the app itself makes.
    const facilitator = await loadActor(ctx.store.plain, userIds.get(set.facilitator.email)!);
    await createSeries(ctx, facilitator!.actor, setId, {
      ...set.meetings,
      timeZone: set.facilitator.timeZone,
      durationMinutes: 180,
      pattern: { frequency: 'weekly', interval: 4 },
    });
    onStep(set.name);
  }
  return [
    { role: 'host admin', name: 'Alex Admin', email: demoAdminEmail },
    { role: 'programme coordinator', name: coordinator.name, email: coordinator.email },
    { role: 'facilitator of Set A', name: facilitators[0]!.name, email: facilitators[0]!.email },
    { role: 'facilitator of Set B', name: facilitators[1]!.name, email: facilitators[1]!.email },
    ...sets.flatMap((s) =>
      s.members.map((m) => ({ role: `member of ${s.name.split(':')[0]}`, name: m.name, email: m.email })),
    ),
  ];
}
