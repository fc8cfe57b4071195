/**
 * `revans demo` loads a host anyone can try: every login it prints signs in with the demo password and
 * lands in the role it names, with the people's organisations and time zones as seeded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoLogin, demoCalendar, demoPassword, seedDemo } from '../../src/server/demo/seed.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';

describe.each(storeKinds)('the demo host on %s', (kind) => {
  let t: TestApp;
  let logins: DemoLogin[];
  beforeAll(async () => {
    t = await createTestApp(kind);
    logins = await seedDemo(t.ctx);
  });
  afterAll(async () => t?.close());

  const upcomingOf = async (email: string) => {
    const cookie = await t.signIn(email, demoPassword);
    const upcoming = await t.call({ method: 'GET', url: '/api/me/upcoming', cookie });
    expect(upcoming.statusCode, email).toBe(200);
    return { cookie, upcoming: upcoming.json() };
  };

  const meOf = async (email: string) => {
    const cookie = await t.signIn(email, demoPassword);
    const me = await t.call({ method: 'GET', url: '/api/me', cookie });
    expect(me.statusCode, email).toBe(200);
    return me.json();
  };

  it('signs every printed login in, each in the role it names', async () => {
    expect(logins.map((l) => l.role)).toEqual(
      expect.arrayContaining(['host admin', 'programme coordinator', 'facilitator of Set A']),
    );
    expect(logins.filter((l) => l.role.startsWith('member of '))).toHaveLength(9);
    for (const login of logins) {
      const me = await meOf(login.email);
      expect(me.person.name).toBe(login.name);
      if (login.role === 'host admin') expect(me.hostAdmin).toBe(true);
      if (login.role === 'programme coordinator') expect(me.coordinates).toHaveLength(1);
      const [, setName] = /^(?:facilitator|member) of (.+)$/.exec(login.role) ?? [];
      if (setName) {
        const role = login.role.startsWith('facilitator') ? 'facilitator' : 'member';
        expect(me.sets).toEqual([
          expect.objectContaining({ role, name: expect.stringMatching(new RegExp(`^${setName}`)) }),
        ]);
      }
    }
  });

  it('gives people their organisations and time zones', async () => {
    const chloe = await meOf('chloe@demo.revans.test');
    expect(chloe.person).toMatchObject({ timeZone: 'Europe/Paris', jobRole: 'Staff development lead' });
    expect(chloe.person.organisation?.name).toBe('Christian Aid');
  });

  it('schedules each set every four weeks from next week, so Upcoming shows meetings in each person’s time', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { cookie: amaraCookie, upcoming: amara } = await upcomingOf('amara@demo.revans.test');
    const { upcoming: chloe } = await upcomingOf('chloe@demo.revans.test');
    const { upcoming: hassan } = await upcomingOf('hassan@demo.revans.test');
    for (const upcoming of [amara, chloe, hassan]) expect(upcoming.meetings.length).toBeGreaterThan(0);
    const [first] = amara.meetings;
    expect(first.setName).toBe('Set A: Knowledge sharing');
    expect(first.localStart.slice(0, 10) > today).toBe(true);
    expect(first.localStart.slice(11)).toBe('10:00');
    expect(first.place).toMatch(/London/);
    // Chloé is in Set A too, and works in Paris: the same meeting, an hour later on her clock.
    expect(chloe.meetings[0]).toMatchObject({
      id: first.id,
      viewerLocalStart: expect.stringMatching(/T11:00$/),
    });
    // Set B meets by video at 13:30 London time: 16:30 in Nairobi.
    expect(hassan.meetings[0]).toMatchObject({
      setName: 'Set B: Learning organisations',
      videoUrl: expect.stringMatching(/^https:\/\//),
      viewerLocalStart: expect.stringMatching(/T16:30$/),
    });
    const weeks = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / (7 * 24 * 3600 * 1000);
    const sets = await t.call({ method: 'GET', url: `/api/sets/${first.setId}/series`, cookie: amaraCookie });
    expect(sets.statusCode).toBe(200);
    const meetings = sets.json()[0].meetings as { startsAt: string }[];
    expect(meetings.length).toBeGreaterThanOrEqual(11);
    expect(Math.round(weeks(meetings[0]!.startsAt, meetings[1]!.startsAt))).toBe(4);
  });

  it('places the programme’s year ahead of whatever day the demo is loaded', () => {
    for (const day of ['2026-12-08T23:30:00Z', '2027-02-28T09:00:00Z', '2028-06-05T00:00:00Z']) {
      const { startsOn, endsOn, firstMeeting } = demoCalendar(new Date(day));
      expect(new Date(`${startsOn}T00:00:00Z`).getUTCDay(), day).toBe(1);
      const lead = (Date.parse(startsOn) - Date.parse(day.slice(0, 10))) / (24 * 3600 * 1000);
      expect(lead).toBeGreaterThanOrEqual(7);
      expect(lead).toBeLessThan(14);
      expect(firstMeeting.setA.slice(0, 10) > startsOn, day).toBe(true);
      expect(firstMeeting.setB.slice(0, 10) > startsOn, day).toBe(true);
      expect(Date.parse(endsOn) - Date.parse(startsOn), day).toBe((48 * 7 - 3) * 24 * 3600 * 1000);
    }
  });

  it('refuses to load twice into the same installation', async () => {
    await expect(seedDemo(t.ctx)).rejects.toThrow(/already set up/);
  });
});
