import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importParticipants, parseParticipantsCsv } from '../../src/server/features/enrolment/import.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

const run = promisify(execFile);
const header =
  'name,email,organisation,role,themes,languages,time_zone,availability,hopes,must_avoid,facilitator';

describe.each(storeKinds)('importing participants on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const applications = () =>
    t.call({
      method: 'GET',
      url: `/api/programmes/${w.programmeId}/applications`,
      cookie: w.cookies.coordinator,
    });

  it('offers the template for download to those who run the programme, and the template imports as is', async () => {
    const template = await t.call({
      method: 'GET',
      url: `/api/programmes/${w.programmeId}/participants-template.csv`,
      cookie: w.cookies.coordinator,
    });
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toMatch(/text\/csv/);
    expect(template.body.split('\r\n')[0]).toBe(header);
    expect(
      (
        await t.call({
          method: 'GET',
          url: `/api/programmes/${w.programmeId}/participants-template.csv`,
          cookie: w.cookies.memberA,
        })
      ).statusCode,
    ).toBe(403);
    const parsed = parseParticipantsCsv(template.body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.email)).toEqual(['ana@example.org', 'ben@example.org']);
  });

  it('reports every bad row and imports nothing when any row is bad', async () => {
    const csv = [
      header,
      'Ana Ruiz,ana@example.org,Acme,Manager,funding,en,Europe/Madrid,mon-am,,,no',
      'No Email,,Acme,Manager,,en,Europe/Madrid,,,,no',
      'Bad Zone,bad@example.org,Acme,Manager,,en,Mars/Olympus,someday,,,maybe',
      'Ana Twice,ANA@example.org,Acme,Manager,,en,,,,,',
    ].join('\n');
    const { rows, errors } = parseParticipantsCsv(csv);
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(errors[1]!.messages.join(' ')).toMatch(/time zone.*availability.*facilitator/s);
    expect(errors[2]!.messages[0]).toMatch(/already on line 2/);
    expect(parseParticipantsCsv('name,email\nA,a@example.org').errors[0]!.messages[0]).toMatch(
      /missing columns/,
    );
  });

  it('imports accepted participants in one go, and none when one clashes with an application already there', async () => {
    const good = parseParticipantsCsv(
      [
        header,
        'Ana Ruiz,ana@example.org,Acme Trust,Manager,funding; volunteers,en; es,Europe/Madrid,mon-am; WED-PM,,,no',
        'Ben Okafor,ben@example.org,Bright Futures,Set adviser,,en,Africa/Lagos,,,,yes',
      ].join('\n'),
    );
    const result = await importParticipants(t.ctx, w.programmeId, good.rows);
    expect(result).toEqual({ imported: 2, errors: [] });
    const list = (await applications()).json();
    expect(list.find((a: { email: string }) => a.email === 'ana@example.org')).toMatchObject({
      status: 'accepted',
      source: 'import',
      themes: ['funding', 'volunteers'],
      availability: ['mon-am', 'wed-pm'],
    });
    expect(list.find((a: { email: string }) => a.email === 'ben@example.org').asFacilitator).toBe(true);

    const clash = parseParticipantsCsv(
      [header, 'Cy New,cy@example.org,Acme,,,en,,,,,', 'Ana Again,ana@example.org,Acme,,,en,,,,,'].join('\n'),
    );
    const refused = await importParticipants(t.ctx, w.programmeId, clash.rows);
    expect(refused.imported).toBe(0);
    expect(refused.errors.map((e) => e.line)).toEqual([3]);
    const after = (await applications()).json();
    expect(after.map((a: { email: string }) => a.email)).not.toContain('cy@example.org');
  });

  it('runs as `revans import-participants` and says what was wrong, row by row', {
    timeout: 120_000,
  }, async () => {
    const file = join(t.database.dataDir, 'people.csv');
    await writeFile(file, [header, 'Dee,dee@example.org,Acme,,,en,,tue-xx,,,'].join('\n'));
    const cli = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
        cwd: process.cwd(),
        env: {
          ...process.env,
          ...t.database.env,
          AUTH_SECRET: 'test-secret-that-is-long-enough-for-better-auth',
        },
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const bad = await cli(['import-participants', file, '--programme', w.programmeId]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 2: availability must list slots/);
    await writeFile(file, [header, 'Dee,dee@example.org,Acme,,,en,,tue-am,,,'].join('\n'));
    const ok = await cli(['import-participants', file, '--programme', w.programmeId]);
    expect(ok.stdout).toMatch(/Imported 1 participants/);
    expect(JSON.stringify((await applications()).json())).toContain('dee@example.org');
  });
});
