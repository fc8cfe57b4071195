import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Actor,
  abilitiesFor,
  actionsByResource,
  anonymous,
  can,
  type PersonResource,
  type ProgrammeResource,
  type SetResource,
} from './access.ts';
import { closedProblem } from './programme-lifecycle.ts';

const host = { type: 'host', hostId: 'H' } as const;
const programmeP: ProgrammeResource = { type: 'programme', hostId: 'H', programmeId: 'P' };
const setA: SetResource = { type: 'set', hostId: 'H', programmeId: 'P', setId: 'A' };
/** Alice is a member of set A; the table asks what each role may do to her record. */
const alice: PersonResource = { type: 'person', hostId: 'H', personId: 'alice', setIds: ['A'] };

function person(
  id: string,
  roles: Partial<Omit<Extract<Actor, { kind: 'person' }>, 'kind' | 'personId'>> = {},
): Actor {
  return {
    kind: 'person',
    personId: id,
    hostId: roles.hostId ?? 'H',
    hostAdmin: roles.hostAdmin ?? false,
    coordinatorOf: roles.coordinatorOf ?? new Set(),
    setRoles: roles.setRoles ?? new Map(),
    programmesOfSets: roles.programmesOfSets ?? new Set(),
    mayStartProgrammes: roles.mayStartProgrammes ?? false,
  };
}

const roles: Record<string, Actor> = {
  anonymous,
  otherHostAdmin: person('x', { hostId: 'OTHER', hostAdmin: true }),
  hostPerson: person('nobody'),
  alice: person('alice', { setRoles: new Map([['A', 'member']]), programmesOfSets: new Set(['P']) }),
  memberA: person('m', { setRoles: new Map([['A', 'member']]), programmesOfSets: new Set(['P']) }),
  facilitatorA: person('f', { setRoles: new Map([['A', 'facilitator']]), programmesOfSets: new Set(['P']) }),
  memberB: person('b', { setRoles: new Map([['B', 'member']]), programmesOfSets: new Set(['P']) }),
  coordinatorP: person('c', { coordinatorOf: new Set(['P']) }),
  coordinatorQ: person('q', { coordinatorOf: new Set(['Q']) }),
  /** A coordinator of Q whom a host admin lets start programmes. */
  starterQ: person('s', { coordinatorOf: new Set(['Q']), mayStartProgrammes: true }),
  hostAdmin: person('admin', { hostAdmin: true }),
};

/** Who may do each action: the roles listed may, every other role may not. */
const table: Record<Action, string> = {
  'host.read': 'hostPerson alice memberA facilitatorA memberB coordinatorP coordinatorQ starterQ hostAdmin',
  'host.update': 'hostAdmin',
  'host.readMailOutbox': 'hostAdmin',
  'audit.read': 'hostAdmin',
  'audit.export': 'hostAdmin',
  'audit.configure': 'hostAdmin',
  'host.configureRetention': 'hostAdmin',
  'host.configureSso': 'hostAdmin',
  'host.requireTwoFactor': 'hostAdmin',
  'organisation.list': 'coordinatorP coordinatorQ starterQ hostAdmin',
  'organisation.create': 'coordinatorP coordinatorQ starterQ hostAdmin',
  'organisation.update': 'coordinatorP coordinatorQ starterQ hostAdmin',
  'organisation.archive': 'hostAdmin',
  'person.list': 'coordinatorP coordinatorQ starterQ hostAdmin',
  'person.create': 'coordinatorP coordinatorQ starterQ hostAdmin',
  'person.inviteCoordinator': 'hostAdmin',
  'programme.list':
    'hostPerson alice memberA facilitatorA memberB coordinatorP coordinatorQ starterQ hostAdmin',
  'programme.create': 'starterQ hostAdmin',
  'person.read': 'alice memberA facilitatorA coordinatorP coordinatorQ starterQ hostAdmin',
  'person.readContact': 'alice coordinatorP coordinatorQ starterQ hostAdmin',
  'person.update': 'alice coordinatorP coordinatorQ starterQ hostAdmin',
  'person.invite': 'coordinatorP coordinatorQ starterQ hostAdmin',
  'person.archive': 'hostAdmin',
  'person.manageHostAdmin': 'hostAdmin',
  'person.manageProgrammeStarter': 'hostAdmin',
  'person.signOut': 'hostAdmin',
  /** Alice's signed-in devices: hers alone, not even a host admin's. */
  'session.list': 'alice',
  'session.end': 'alice',
  'person.configureCoach': 'alice',
  // Data rights: Alice downloads her own data only; a host admin (never she herself) erases her.
  'person.exportOwn': 'alice',
  'person.readHome': 'alice',
  'person.erase': 'hostAdmin',
  'programme.read': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'programme.readPeople': 'coordinatorP hostAdmin',
  'programme.update': 'coordinatorP hostAdmin',
  'programme.archive': 'coordinatorP hostAdmin',
  'programme.manageCoordinators': 'hostAdmin',
  'programme.close': 'coordinatorP hostAdmin',
  'programme.exportOwn': 'alice memberA facilitatorA memberB',
  'set.create': 'coordinatorP hostAdmin',
  'programme.readCalendar': 'coordinatorP hostAdmin',
  'programme.runPoll': 'coordinatorP hostAdmin',
  'programme.answerPoll': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'programme.readEvents': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'programme.manageEvents': 'coordinatorP hostAdmin',
  'programme.manageEnrolment': 'coordinatorP hostAdmin',
  'application.list': 'coordinatorP hostAdmin',
  'programme.formSets': 'coordinatorP hostAdmin',
  'programme.withdraw': 'alice memberA facilitatorA memberB',
  'set.readRoster': 'alice memberA facilitatorA coordinatorP hostAdmin',
  'set.update': 'coordinatorP hostAdmin',
  'set.archive': 'coordinatorP hostAdmin',
  'set.manageMembers': 'coordinatorP hostAdmin',
  'set.readContent': 'alice memberA facilitatorA',
  'set.writeContent': 'alice memberA facilitatorA',
  'set.readCounts': 'alice memberA facilitatorA coordinatorP hostAdmin',
  'meeting.readSchedule': 'alice memberA facilitatorA coordinatorP hostAdmin',
  'meeting.schedule': 'facilitatorA coordinatorP hostAdmin',
  'meeting.readAttendance': 'alice memberA facilitatorA coordinatorP hostAdmin',
  'meeting.recordAttendance': 'facilitatorA coordinatorP hostAdmin',
  'meeting.sendApologies': 'alice memberA facilitatorA',
  'meeting.runPoll': 'facilitatorA coordinatorP hostAdmin',
  'meeting.answerPoll': 'alice memberA facilitatorA',
  'meeting.join': 'alice memberA facilitatorA',
  'problem.create': 'alice memberA',
  'journal.create': 'alice memberA facilitatorA',
  'groundRules.read': 'alice memberA facilitatorA coordinatorP hostAdmin',
  'groundRules.update': 'facilitatorA coordinatorP hostAdmin',
  'groundRules.accept': 'alice memberA facilitatorA',
  'problem.read': 'alice memberA facilitatorA',
  'problem.update': 'alice',
  'action.read': 'alice memberA facilitatorA',
  'action.update': 'alice',
  'journal.read': 'alice',
  'journal.update': 'alice',
  /** Alice's application: hers, and her programme's coordinator's and host admin's; not her facilitator's. */
  'application.read': 'alice coordinatorP hostAdmin',
  'application.decide': 'coordinatorP hostAdmin',
  'application.withdraw': 'alice',
  // Concerns: a proposal is the set's until it agrees; once shared the programme reads it without names.
  'concern.listProposals': 'alice memberA facilitatorA',
  'concern.propose': 'alice memberA facilitatorA',
  'concern.configure': 'facilitatorA',
  'coach.readSettings': 'alice memberA facilitatorA',
  'set.configureCoach': 'facilitatorA',
  'coach.readShares': 'alice memberA facilitatorA',
  'coach.readOwnShares': 'alice memberA facilitatorA',
  /** Alice's proposal: her set reads it, objects and approves; only she changes or withdraws it. */
  'concern.read': 'alice memberA facilitatorA',
  'concern.update': 'alice',
  'concern.withdraw': 'alice',
  'concern.object': 'alice memberA facilitatorA',
  'concern.approve': 'alice memberA facilitatorA',
  'concern.readShared': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'theme.manage': 'coordinatorP hostAdmin',
  'vote.cast': 'alice memberA facilitatorA memberB',
  'vote.readOwn': 'alice memberA facilitatorA memberB',
  'vote.readCounts': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  // Feedback: pulses are answered by members, read as aggregates by their set; the programme's aggregates
  // are for whoever runs it. Reviews: answered by participants, reported to those who run the programme
  // (an unpublished review here), and to participants once published.
  'feedback.configure': 'hostAdmin',
  'pulse.answer': 'alice memberA',
  'pulse.readSet': 'alice memberA facilitatorA',
  'pulse.readProgramme': 'coordinatorP hostAdmin',
  'review.create': 'coordinatorP hostAdmin',
  'review.list': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'review.read': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'review.manage': 'coordinatorP hostAdmin',
  'review.answer': 'alice memberA facilitatorA memberB',
  'review.readReport': 'coordinatorP hostAdmin',
  'report.publish': 'coordinatorP hostAdmin',
  'report.readPublished': 'coordinatorP hostAdmin',
  'workshop.list': 'alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'workshop.create': 'coordinatorP hostAdmin',
  // The workshop below is facilitated by hostPerson, a person of the host outside its sets.
  'workshop.read': 'hostPerson alice memberA facilitatorA memberB coordinatorP hostAdmin',
  'workshop.manage': 'coordinatorP hostAdmin',
  'workshop.rsvp': 'alice memberA facilitatorA memberB',
  'workshop.readRsvpNames': 'hostPerson coordinatorP hostAdmin',
  'workshop.attendance': 'hostPerson coordinatorP hostAdmin',
  'workshop.notes': 'hostPerson coordinatorP hostAdmin',
  'workshopAction.create': 'alice memberA facilitatorA memberB',
  // Alice's own action from a workshop: hers alone.
  'workshopAction.read': 'alice',
  'workshopAction.update': 'alice',
};

const owned = { hostId: 'H', programmeId: 'P', setId: 'A', ownerId: 'alice' } as const;
const resourceFor = {
  host,
  person: alice,
  programme: programmeP,
  set: setA,
  problem: { type: 'problem', ...owned },
  action: { type: 'action', ...owned },
  /** Alice's private journal entry. */
  journal: { type: 'journal', ...owned, sharedWithSet: false },
  application: { type: 'application', hostId: 'H', programmeId: 'P', applicantId: 'alice' },
  concern: { type: 'concern', hostId: 'H', programmeId: 'P', setId: 'A', proposerId: 'alice' },
  review: { type: 'review', hostId: 'H', programmeId: 'P', published: false },
  workshop: { type: 'workshop', hostId: 'H', programmeId: 'P', workshopId: 'W', facilitatorId: 'nobody' },
  workshopAction: { type: 'workshopAction', hostId: 'H', programmeId: 'P', ownerId: 'alice' },
} as const;

describe('access map: every role x every action', () => {
  const cases = Object.entries(actionsByResource).flatMap(([type, actions]) =>
    (actions as Action[]).flatMap((action) => Object.keys(roles).map((role) => ({ type, action, role }))),
  );

  it('has a row for every action the map knows, and no row for an unknown action', () => {
    const known = Object.values(actionsByResource).flat().sort();
    expect(Object.keys(table).sort()).toEqual(known);
  });

  it.each(cases)('$role / $action', ({ type, action, role }) => {
    const allowed = table[action].split(' ').includes(role);
    const resource = resourceFor[type as keyof typeof resourceFor];
    expect(can(roles[role]!, action as never, resource)).toBe(allowed);
  });
});

describe('access map: deny by default', () => {
  it('denies an action that no rule names', () => {
    expect(can(roles.hostAdmin!, 'set.destroyEverything' as never, setA)).toBe(false);
  });

  it('never lets a host admin or coordinator read set content, even of sets they created', () => {
    expect(can(roles.hostAdmin!, 'set.readContent', setA)).toBe(false);
    expect(can(roles.coordinatorP!, 'set.readContent', setA)).toBe(false);
  });

  it('shows a journal entry the author shared to the set, and still to nobody outside it', () => {
    const shared = { ...resourceFor.journal, sharedWithSet: true };
    const readers = Object.entries(roles)
      .filter(([, actor]) => can(actor, 'journal.read', shared))
      .map(([name]) => name);
    expect(readers).toEqual(['alice', 'memberA', 'facilitatorA']);
    expect(can(roles.memberA!, 'journal.update', shared)).toBe(false);
  });

  it('lets the members of a self-facilitated set organise their own meetings', () => {
    const selfRun = { ...setA, selfFacilitated: true };
    expect(can(roles.memberA!, 'meeting.schedule', selfRun)).toBe(true);
    expect(can(roles.memberB!, 'meeting.schedule', selfRun)).toBe(false);
  });

  it('lets whoever runs a programme’s polls manage its events, and nobody else', () => {
    const managers = Object.entries(roles)
      .filter(([, actor]) => can(actor, 'programme.manageEvents', programmeP))
      .map(([name]) => name);
    const pollRunners = Object.entries(roles)
      .filter(([, actor]) => can(actor, 'programme.runPoll', programmeP))
      .map(([name]) => name);
    expect(managers).toEqual(pollRunners);
    expect(can(roles.coordinatorQ!, 'programme.readEvents', programmeP)).toBe(false);
  });

  it('lets the members of a self-facilitated set set their own objection period', () => {
    const selfRun = { ...setA, selfFacilitated: true };
    expect(can(roles.memberA!, 'concern.configure', selfRun)).toBe(true);
    expect(can(roles.coordinatorP!, 'concern.configure', selfRun)).toBe(false);
  });

  it('lets the members of a self-facilitated set switch the question coach, never its coordinator', () => {
    const selfRun = { ...setA, selfFacilitated: true };
    expect(can(roles.memberA!, 'set.configureCoach', selfRun)).toBe(true);
    expect(can(roles.memberA!, 'set.configureCoach', setA)).toBe(false);
    expect(can(roles.coordinatorP!, 'set.configureCoach', selfRun)).toBe(false);
    expect(can(roles.hostAdmin!, 'coach.readShares', selfRun)).toBe(false);
  });

  it('never lets anyone outside the set see a proposal, whoever proposed it', () => {
    const byFacilitator = { ...resourceFor.concern, proposerId: 'f' };
    const readers = Object.entries(roles)
      .filter(([, actor]) => can(actor, 'concern.read', byFacilitator))
      .map(([name]) => name);
    expect(readers).toEqual(['alice', 'memberA', 'facilitatorA']);
    expect(can(roles.facilitatorA!, 'concern.update', byFacilitator)).toBe(true);
    expect(can(roles.memberA!, 'concern.withdraw', byFacilitator)).toBe(false);
  });

  it('shows a published review report to every participant of the programme, and no one else new', () => {
    const published = { ...resourceFor.review, published: true };
    const readers = Object.entries(roles)
      .filter(([, actor]) => can(actor, 'report.readPublished', published))
      .map(([name]) => name);
    expect(readers).toEqual(['alice', 'memberA', 'facilitatorA', 'memberB', 'coordinatorP', 'hostAdmin']);
    // Publishing never opens the full report (its management view) to participants.
    expect(can(roles.memberA!, 'review.readReport', published)).toBe(false);
  });

  it('never lets a coordinator or admin answer or read a set’s pulses', () => {
    for (const role of ['coordinatorP', 'hostAdmin'])
      for (const action of ['pulse.answer', 'pulse.readSet'] as const)
        expect(can(roles[role]!, action, setA)).toBe(false);
  });

  it('sends the abilities the viewer has, and only those', () => {
    const abilities = abilitiesFor(roles.facilitatorA!, setA);
    expect(abilities['set.readContent']).toBe(true);
    expect(abilities['set.manageMembers']).toBe(false);
  });
});

describe('a closed programme is frozen, for everyone', () => {
  const closedSet = { ...setA, programmeClosed: true };
  const closedProgramme = { ...programmeP, programmeClosed: true };

  it('offers no write ability on its sets, while reading stays', () => {
    const member = abilitiesFor(roles.alice!, closedSet);
    expect(member['set.writeContent']).toBe(false);
    expect(member['problem.create']).toBe(false);
    expect(member['journal.create']).toBe(false);
    expect(member['set.readContent']).toBe(true);
    expect(abilitiesFor(roles.facilitatorA!, closedSet)['meeting.schedule']).toBe(false);
    expect(abilitiesFor(roles.coordinatorP!, closedSet)['set.manageMembers']).toBe(false);
  });

  it('names every frozen action as refused, and leaves reading and exporting open', () => {
    expect(closedProblem('set.writeContent', true)).toMatch(/The programme is closed/);
    expect(closedProblem('set.writeContent', false)).toBeNull();
    expect(closedProblem('set.readContent', true)).toBeNull();
    expect(closedProblem('programme.exportOwn', true)).toBeNull();
    const programme = abilitiesFor(roles.alice!, closedProgramme);
    expect(programme['programme.exportOwn']).toBe(true);
    expect(programme['vote.cast']).toBe(false);
  });
});
