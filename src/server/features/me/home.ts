/**
 * Home ("what's next"): one read gathering what waits for the signed-in person. Every part is limited to
 * the person's own sets, own actions and the programmes they run, and checked against the access map, so
 * nothing of one set ever shows to a member of another.
 */
import type { Home } from '../../../contract/home.ts';
import { can, type PersonActor, type SetResource } from '../../../domain/access.ts';
import { localIn } from '../../../domain/schedule/format.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { personResource } from '../resources.ts';

/** How long after a meeting its journal prompt stays on home. */
const journalPromptDays = 7;
const maxNextMeetings = 3;

export async function getHome(ctx: AppContext, actor: PersonActor): Promise<Home> {
  authorize(actor, 'person.readHome', await personResource(ctx.db, actor.personId));
  const db = ctx.db;
  const now = ctx.now();
  const nowIso = now.toISOString();
  const host = { type: 'host', hostId: actor.hostId } as const;

  // The person's sets that are still active, with what the access map needs to know about each.
  const sets = actor.setRoles.size
    ? await db
        .selectFrom('learningSet')
        .innerJoin('programme', 'programme.id', 'learningSet.programmeId')
        .select([
          'learningSet.id',
          'learningSet.name',
          'learningSet.mode',
          'learningSet.programmeId',
          'programme.status as programmeStatus',
        ])
        .where('learningSet.id', 'in', [...actor.setRoles.keys()])
        .where('learningSet.archivedAt', 'is', null)
        .where('programme.status', '!=', 'closed')
        .execute()
    : [];
  const setIds = sets.map((s) => s.id);
  const setName = new Map(sets.map((s) => [s.id, s.name]));
  const resourceOf = (s: (typeof sets)[number]): SetResource => ({
    type: 'set',
    hostId: actor.hostId,
    programmeId: s.programmeId,
    setId: s.id,
    selfFacilitated: s.mode === 'self_facilitated',
  });
  const stewarded = sets.filter((s) => can(actor, 'meeting.schedule', resourceOf(s)));
  const runs = (programmeId: string) =>
    can(actor, 'programme.runPoll', { type: 'programme', hostId: actor.hostId, programmeId });
  const mayReadOutbox = can(actor, 'host.readMailOutbox', host);

  const [
    person,
    meetings,
    actions,
    rulesVersions,
    acceptances,
    openPolls,
    endedMeetings,
    journal,
    runProgrammes,
  ] = await Promise.all([
    db.selectFrom('person').select('timeZone').where('id', '=', actor.personId).executeTakeFirstOrThrow(),
    setIds.length
      ? db
          .selectFrom('meeting')
          .leftJoin('meetingAttendance', (j) =>
            j
              .onRef('meetingAttendance.meetingId', '=', 'meeting.id')
              .on('meetingAttendance.personId', '=', actor.personId),
          )
          .select([
            'meeting.id',
            'meeting.setId',
            'meeting.startsAt',
            'meeting.endsAt',
            'meeting.place',
            'meeting.videoUrl',
            'meeting.status',
            'meetingAttendance.status as myStatus',
          ])
          .where('meeting.setId', 'in', setIds)
          .where((w) =>
            w.or([
              w('meeting.status', '=', 'live'),
              w.and([w('meeting.status', '=', 'scheduled'), w('meeting.endsAt', '>=', nowIso)]),
            ]),
          )
          .orderBy('meeting.startsAt')
          .execute()
      : [],
    setIds.length
      ? db
          .selectFrom('action')
          .select(['id', 'setId', 'text', 'dueOn'])
          .where('ownerId', '=', actor.personId)
          .where('status', '=', 'open')
          .where('setId', 'in', setIds)
          .execute()
      : [],
    setIds.length
      ? db
          .selectFrom('groundRulesVersion')
          .select(['id', 'setId', 'version'])
          .where('setId', 'in', setIds)
          .execute()
      : [],
    setIds.length
      ? db
          .selectFrom('groundRulesAcceptance')
          .innerJoin('groundRulesVersion', 'groundRulesVersion.id', 'groundRulesAcceptance.versionId')
          .innerJoin('setMembership', (j) =>
            j
              .onRef('setMembership.setId', '=', 'groundRulesVersion.setId')
              .onRef('setMembership.personId', '=', 'groundRulesAcceptance.personId'),
          )
          .select(['groundRulesAcceptance.versionId', 'groundRulesAcceptance.personId'])
          .where('groundRulesVersion.setId', 'in', setIds)
          .execute()
      : [],
    db
      .selectFrom('poll')
      .leftJoin('learningSet', 'learningSet.id', 'poll.setId')
      .select([
        'poll.id',
        'poll.title',
        'poll.setId',
        'poll.programmeId',
        'poll.createdBy',
        'learningSet.name as setName',
      ])
      .where('poll.hostId', '=', actor.hostId)
      .where('poll.status', '=', 'open')
      .orderBy('poll.createdAt')
      .execute(),
    setIds.length
      ? db
          .selectFrom('meeting')
          .select(['id', 'setId', 'endsAt', 'startsAt'])
          .where('setId', 'in', setIds)
          .where('status', '=', 'ended')
          .where('endsAt', '>=', new Date(now.getTime() - journalPromptDays * 86_400_000).toISOString())
          .orderBy('endsAt', 'desc')
          .limit(1)
          .execute()
      : [],
    db
      .selectFrom('journalEntry')
      .select(['setId', 'meetingId', 'createdAt'])
      .where('authorId', '=', actor.personId)
      .where('createdAt', '>=', new Date(now.getTime() - 2 * journalPromptDays * 86_400_000).toISOString())
      .execute(),
    actor.hostAdmin || actor.coordinatorOf.size
      ? db
          .selectFrom('programme')
          .select(['id', 'name', 'status'])
          .where('hostId', '=', actor.hostId)
          .where('archivedAt', 'is', null)
          .where('status', 'in', ['recruiting', 'forming', 'running'])
          .orderBy('name')
          .execute()
      : [],
  ]);
  const zone = person.timeZone;
  const today = localIn(now, zone).slice(0, 10);
  const stewardedIds = new Set(stewarded.map((s) => s.id));
  const programmesRun = runProgrammes.filter((p) =>
    can(actor, 'application.list', { type: 'programme', hostId: actor.hostId, programmeId: p.id }),
  );
  const programmeIds = programmesRun.map((p) => p.id);

  const [pollAnswers, applications, published, futureMeetings, memberCounts, failing] = await Promise.all([
    openPolls.length
      ? db
          .selectFrom('pollAnswer')
          .select(['pollId', 'personId'])
          .distinct()
          .where(
            'pollId',
            'in',
            openPolls.map((p) => p.id),
          )
          .execute()
      : [],
    programmeIds.length
      ? db
          .selectFrom('application')
          .select(['programmeId', (e) => e.fn.countAll<number>().as('count')])
          .where('programmeId', 'in', programmeIds)
          .where('status', '=', 'submitted')
          .groupBy('programmeId')
          .execute()
      : [],
    programmeIds.length
      ? db
          .selectFrom('formationRun')
          .select('programmeId')
          .where('programmeId', 'in', programmeIds)
          .where('status', '=', 'published')
          .execute()
      : [],
    stewarded.length
      ? db
          .selectFrom('meeting')
          .select('setId')
          .where(
            'setId',
            'in',
            stewarded.map((s) => s.id),
          )
          .where('status', 'in', ['scheduled', 'live'])
          .where('endsAt', '>=', nowIso)
          .execute()
      : [],
    stewarded.length
      ? db
          .selectFrom('setMembership')
          .select(['setId', 'personId'])
          .where(
            'setId',
            'in',
            stewarded.map((s) => s.id),
          )
          .execute()
      : [],
    mayReadOutbox
      ? db
          .selectFrom('mailOutbox')
          .select((e) => e.fn.countAll<number>().as('count'))
          .where('hostId', '=', actor.hostId)
          .where('status', '=', 'failed')
          .executeTakeFirstOrThrow()
      : null,
  ]);

  // The current ground-rules version of each set, and who has accepted it.
  const current = new Map<string, { id: string; version: number }>();
  for (const v of rulesVersions) {
    const seen = current.get(v.setId);
    if (!seen || v.version > seen.version) current.set(v.setId, { id: v.id, version: v.version });
  }
  const acceptedBy = (versionId: string) =>
    new Set(acceptances.filter((a) => a.versionId === versionId).map((a) => a.personId));

  const answeredBy = (pollId: string, personId: string) =>
    pollAnswers.some((a) => a.pollId === pollId && a.personId === personId);
  const answerCount = (pollId: string) => pollAnswers.filter((a) => a.pollId === pollId).length;

  const setSteps: Home['setSteps'] = [];
  for (const s of stewarded) {
    const base = { setId: s.id, setName: s.name };
    if (!futureMeetings.some((m) => m.setId === s.id))
      setSteps.push({ ...base, step: 'scheduleMeeting', count: 0 });
    const rules = current.get(s.id);
    if (!rules) setSteps.push({ ...base, step: 'adoptGroundRules', count: 0 });
    else {
      const accepted = acceptedBy(rules.id);
      const waiting = memberCounts.filter((m) => m.setId === s.id && !accepted.has(m.personId)).length;
      if (waiting > 0) setSteps.push({ ...base, step: 'groundRulesAcceptances', count: waiting });
    }
  }

  const ended = endedMeetings[0];
  const wroteSince =
    ended &&
    journal.some(
      (j) => j.setId === ended.setId && (j.meetingId === ended.id || j.createdAt >= ended.startsAt),
    );

  return {
    timeZone: zone,
    nextMeetings: meetings.slice(0, maxNextMeetings).map((m) => ({
      id: m.id,
      setId: m.setId,
      setName: setName.get(m.setId) ?? '',
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      videoUrl: m.videoUrl,
      status: m.status,
      live: m.status === 'live',
      myStatus: m.myStatus ?? 'expected',
    })),
    actions: actions
      .map((a) => ({
        id: a.id,
        setId: a.setId,
        setName: setName.get(a.setId) ?? '',
        text: a.text,
        dueOn: a.dueOn,
        overdue: a.dueOn !== null && a.dueOn < today,
      }))
      .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'))
      .slice(0, 10),
    groundRules: sets.flatMap((s) => {
      const rules = current.get(s.id);
      return rules && !acceptedBy(rules.id).has(actor.personId)
        ? [{ setId: s.id, setName: s.name, version: rules.version }]
        : [];
    }),
    pollsToAnswer: openPolls
      .filter((p) =>
        p.setId ? setName.has(p.setId) : actor.programmesOfSets.has(p.programmeId) && !runs(p.programmeId),
      )
      .filter((p) => !answeredBy(p.id, actor.personId))
      .map((p) => ({ id: p.id, title: p.title, setName: p.setName ?? null })),
    journalPrompt:
      ended && !wroteSince
        ? {
            meetingId: ended.id,
            setId: ended.setId,
            setName: setName.get(ended.setId) ?? '',
            endedAt: ended.endsAt,
          }
        : null,
    setSteps,
    pollsToConfirm: openPolls
      .filter((p) =>
        p.setId
          ? stewardedIds.has(p.setId) || (p.createdBy === actor.personId && setName.has(p.setId))
          : actor.coordinatorOf.has(p.programmeId) || (p.createdBy === actor.personId && runs(p.programmeId)),
      )
      .map((p) => ({ id: p.id, title: p.title, answers: answerCount(p.id), setName: p.setName ?? null })),
    applicationsWaiting: applications
      .map((a) => ({
        programmeId: a.programmeId,
        programmeName: programmesRun.find((p) => p.id === a.programmeId)?.name ?? '',
        count: Number(a.count),
      }))
      .filter((a) => a.count > 0),
    setsToForm: programmesRun
      .filter((p) => p.status === 'forming' && !published.some((r) => r.programmeId === p.id))
      .map((p) => ({ programmeId: p.id, programmeName: p.name })),
    failingMails: failing ? Number(failing.count) : null,
  };
}
