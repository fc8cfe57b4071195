import { closedProblem } from './programme-lifecycle.ts';

/**
 * Who may do what: one deny-by-default map of pure rules. Every route and every live event asks `can`.
 * An action missing from `rules` is denied; an actor from another host is denied everything.
 */

/** A person's part in a set: a member brings a problem; a facilitator (set adviser) runs the meetings. */
export const setRoles = ['member', 'facilitator'] as const;
export type SetRole = (typeof setRoles)[number];

export interface PersonActor {
  kind: 'person';
  personId: string;
  hostId: string;
  hostAdmin: boolean;
  /** Programmes this person coordinates. */
  coordinatorOf: ReadonlySet<string>;
  /** This person's role in each set they belong to. */
  setRoles: ReadonlyMap<string, SetRole>;
  /** The programme each of those sets belongs to. */
  programmesOfSets: ReadonlySet<string>;
  /** Their own language (person.language): server-rendered words (problems, exports) speak it. */
  language?: string;
  /** A host admin has let this person start programmes (which they then coordinate). */
  mayStartProgrammes?: boolean;
  /** Where this request came from (the client's address), for the audit trail; set by the server. */
  ip?: string;
}

export type Actor = { kind: 'anonymous' } | PersonActor;

export const anonymous: Actor = { kind: 'anonymous' };

export interface HostResource {
  type: 'host';
  hostId: string;
}
export interface PersonResource {
  type: 'person';
  hostId: string;
  personId: string;
  /** Sets the person belongs to: fellow set members may see each other on the roster. */
  setIds: readonly string[];
}
export interface ProgrammeResource {
  type: 'programme';
  hostId: string;
  programmeId: string;
  /** The programme is closed: writes listed in `frozenWhenClosed` are refused (409). */
  programmeClosed?: boolean;
}
export interface SetResource {
  type: 'set';
  hostId: string;
  programmeId: string;
  setId: string;
  /** In a self-facilitated set the members organise their own meetings. */
  selfFacilitated?: boolean;
  programmeClosed?: boolean;
}
/** Something a member owns inside a set: a problem, an action, a journal entry. */
export interface OwnedItemResource {
  type: 'problem' | 'action' | 'journal';
  hostId: string;
  programmeId: string;
  setId: string;
  ownerId: string;
  /** Journal entries only: shared with the set, or private to the author. */
  sharedWithSet?: boolean;
  programmeClosed?: boolean;
}

/** An application to a programme and its consent: the applicant's own, and the programme's coordinators'. */
export interface ApplicationResource {
  type: 'application';
  hostId: string;
  programmeId: string;
  /** The applicant's person, once they have one (an anonymous applicant has none until accepted). */
  applicantId: string | null;
}

/**
 * A concern a set member proposed for sharing with the programme. Until the set agrees it is set
 * content; once shared, the programme sees its statement (never who proposed it) through the programme.
 */
export interface ConcernResource {
  type: 'concern';
  hostId: string;
  programmeId: string;
  setId: string;
  proposerId: string;
  programmeClosed?: boolean;
}

/**
 * A programme review (issue 9): its questionnaire, its answers (anonymous) and its report, which the
 * coordinator may publish to every participant of the programme.
 */
export interface ReviewResource {
  type: 'review';
  hostId: string;
  programmeId: string;
  published: boolean;
  programmeClosed?: boolean;
}

/**
 * A plenary workshop of a programme: for everyone in the programme's sets, those who run the
 * programme, and the person of the host who facilitates it.
 */
export interface WorkshopResource {
  type: 'workshop';
  hostId: string;
  programmeId: string;
  workshopId: string;
  facilitatorId: string | null;
  programmeClosed?: boolean;
}

/** A participant's own action from a workshop: its owner's alone, never anyone else's. */
export interface WorkshopActionResource {
  type: 'workshopAction';
  hostId: string;
  programmeId: string;
  ownerId: string;
  programmeClosed?: boolean;
}

export type Resource =
  | WorkshopResource
  | WorkshopActionResource
  | ReviewResource
  | HostResource
  | PersonResource
  | ProgrammeResource
  | SetResource
  | OwnedItemResource
  | ApplicationResource
  | ConcernResource;

type Rule<R extends Resource> = (actor: PersonActor, resource: R) => boolean;

const coordinatesAny = (a: PersonActor) => a.coordinatorOf.size > 0;
const adminOrAnyCoordinator = (a: PersonActor) => a.hostAdmin || coordinatesAny(a);
const runsProgramme = (a: PersonActor, programmeId: string) =>
  a.hostAdmin || a.coordinatorOf.has(programmeId);
const inSet = (a: PersonActor, setId: string) => a.setRoles.has(setId);
const facilitates = (a: PersonActor, setId: string) => a.setRoles.get(setId) === 'facilitator';
const sharesASet = (a: PersonActor, p: PersonResource) => p.setIds.some((id) => a.setRoles.has(id));

const hostRules = {
  'host.read': () => true,
  'host.update': (a) => a.hostAdmin,
  'host.readMailOutbox': (a) => a.hostAdmin,
  // The audit trail (who did what, never set content): host admins only.
  'audit.read': (a) => a.hostAdmin,
  'audit.export': (a) => a.hostAdmin,
  'audit.configure': (a) => a.hostAdmin,
  // How long closed programmes' set content is kept before it is erased.
  'host.configureRetention': (a) => a.hostAdmin,
  // Sign-in security: single sign-on providers (their secrets stay on the server) and the 2FA policy.
  'host.configureSso': (a) => a.hostAdmin,
  'host.requireTwoFactor': (a) => a.hostAdmin,
  'organisation.list': adminOrAnyCoordinator,
  'organisation.create': adminOrAnyCoordinator,
  'organisation.update': adminOrAnyCoordinator,
  'organisation.archive': (a) => a.hostAdmin,
  'person.list': adminOrAnyCoordinator,
  'person.create': adminOrAnyCoordinator,
  // One step: a new person, their organisation, a programme to coordinate, the starter flag, the invitation.
  'person.inviteCoordinator': (a) => a.hostAdmin,
  'programme.list': () => true,
  // Host admins, and those a host admin lets start programmes (they coordinate what they start).
  'programme.create': (a) => a.hostAdmin || Boolean(a.mayStartProgrammes),
  // K, the fewest answers a pulse or review aggregate is shown over (never below 3).
  'feedback.configure': (a) => a.hostAdmin,
} satisfies Record<string, Rule<HostResource>>;

const personRules = {
  'person.read': (a, p) => a.personId === p.personId || adminOrAnyCoordinator(a) || sharesASet(a, p),
  'person.readContact': (a, p) => a.personId === p.personId || adminOrAnyCoordinator(a),
  'person.update': (a, p) => a.personId === p.personId || adminOrAnyCoordinator(a),
  'person.invite': adminOrAnyCoordinator,
  'person.archive': (a, p) => a.hostAdmin && a.personId !== p.personId,
  'person.manageHostAdmin': (a, p) => a.hostAdmin && a.personId !== p.personId,
  // Who may start programmes: host admins decide, for anyone (a host admin may already).
  'person.manageProgrammeStarter': (a) => a.hostAdmin,
  // Ends all their sessions and closes their live sockets (a lost phone, someone leaving).
  'person.signOut': (a, p) => a.hostAdmin && a.personId !== p.personId,
  // Signed-in devices are one's own: nobody else lists or ends them (an admin signs a person out whole).
  'session.list': (a, p) => a.personId === p.personId,
  'session.end': (a, p) => a.personId === p.personId,
  // The question coach's personal switch: one's own, on every device, and nobody else's.
  'person.configureCoach': (a, p) => a.personId === p.personId,
  // Data rights: everyone downloads their own data (no one else's); a host admin erases another person.
  'person.exportOwn': (a, p) => a.personId === p.personId,
  // Home ("what's next") gathers one's own meetings, actions and duties: one's own, and nobody else's.
  'person.readHome': (a, p) => a.personId === p.personId,
  'person.erase': (a, p) => a.hostAdmin && a.personId !== p.personId,
} satisfies Record<string, Rule<PersonResource>>;

const programmeRules = {
  'programme.read': (a, p) => runsProgramme(a, p.programmeId) || a.programmesOfSets.has(p.programmeId),
  'programme.readPeople': (a, p) => runsProgramme(a, p.programmeId),
  'programme.update': (a, p) => runsProgramme(a, p.programmeId),
  'programme.archive': (a, p) => runsProgramme(a, p.programmeId),
  'programme.manageCoordinators': (a) => a.hostAdmin,
  // Closing freezes the programme's sets, meetings and surveys (programme-lifecycle.ts).
  'programme.close': (a, p) => runsProgramme(a, p.programmeId),
  // A participant exports their own content of the programme (never anyone else's).
  'programme.exportOwn': (a, p) => a.programmesOfSets.has(p.programmeId),
  'set.create': (a, p) => runsProgramme(a, p.programmeId),
  // Schedules: the programme calendar shows every set's dates and places, never set content.
  'programme.readCalendar': (a, p) => runsProgramme(a, p.programmeId),
  'programme.runPoll': (a, p) => runsProgramme(a, p.programmeId),
  'programme.answerPoll': (a, p) => runsProgramme(a, p.programmeId) || a.programmesOfSets.has(p.programmeId),
  // Programme events (a date for all its sets): everyone in its sets sees them; whoever runs its polls
  // moves or cancels them.
  'programme.readEvents': (a, p) => runsProgramme(a, p.programmeId) || a.programmesOfSets.has(p.programmeId),
  'programme.manageEvents': (a, p) => runsProgramme(a, p.programmeId),
  // Enrolment: invitations, the open application link, decisions, the participants template and import.
  'programme.manageEnrolment': (a, p) => runsProgramme(a, p.programmeId),
  'application.list': (a, p) => runsProgramme(a, p.programmeId),
  // Formation runs hold applicants' answers: for those who run the programme only.
  'programme.formSets': (a, p) => runsProgramme(a, p.programmeId),
  // Anyone may leave a programme they take part in (its sets) at any time.
  'programme.withdraw': (a, p) => a.programmesOfSets.has(p.programmeId),
  // Concerns the sets agreed to share, and their themes: the whole programme reads them (without names).
  'concern.readShared': (a, p) => runsProgramme(a, p.programmeId) || a.programmesOfSets.has(p.programmeId),
  'theme.manage': (a, p) => runsProgramme(a, p.programmeId),
  // Votes are anonymous: participants cast and read their own; counts (after voting closes) are for all.
  'vote.cast': (a, p) => a.programmesOfSets.has(p.programmeId),
  'vote.readOwn': (a, p) => a.programmesOfSets.has(p.programmeId),
  'vote.readCounts': (a, p) => runsProgramme(a, p.programmeId) || a.programmesOfSets.has(p.programmeId),
  // Pulses across the programme, as K-ruled aggregates only (never one answer, never a comment).
  'pulse.readProgramme': (a, p) => runsProgramme(a, p.programmeId),
  // Reviews: those who run the programme build them; participants see the ones open to them.
  'review.create': (a, p) => runsProgramme(a, p.programmeId),
  'review.list': (a, p) => runsProgramme(a, p.programmeId) || a.programmesOfSets.has(p.programmeId),
  // Workshops: the programme's participants see the list; those who run the programme plan them.
  'workshop.list': (a, p) => runsProgramme(a, p.programmeId) || a.programmesOfSets.has(p.programmeId),
  'workshop.create': (a, p) => runsProgramme(a, p.programmeId),
} satisfies Record<string, Rule<ProgrammeResource>>;

const setRules = {
  'set.readRoster': (a, s) => runsProgramme(a, s.programmeId) || inSet(a, s.setId),
  'set.update': (a, s) => runsProgramme(a, s.programmeId),
  'set.archive': (a, s) => runsProgramme(a, s.programmeId),
  'set.manageMembers': (a, s) => runsProgramme(a, s.programmeId),
  // Set content (problems, questions, actions, the live room) is for the set alone: never admins or coordinators.
  'set.readContent': (a, s) => inSet(a, s.setId),
  'set.writeContent': (a, s) => inSet(a, s.setId),
  'set.readCounts': (a, s) => runsProgramme(a, s.programmeId) || inSet(a, s.setId),
  'meeting.readSchedule': (a, s) => runsProgramme(a, s.programmeId) || inSet(a, s.setId),
  'meeting.schedule': (a, s) =>
    runsProgramme(a, s.programmeId) ||
    facilitates(a, s.setId) ||
    (Boolean(s.selfFacilitated) && inSet(a, s.setId)),
  'meeting.readAttendance': (a, s) => runsProgramme(a, s.programmeId) || inSet(a, s.setId),
  'meeting.recordAttendance': (a, s) =>
    runsProgramme(a, s.programmeId) ||
    facilitates(a, s.setId) ||
    (Boolean(s.selfFacilitated) && inSet(a, s.setId)),
  'meeting.sendApologies': (a, s) => inSet(a, s.setId),
  'meeting.runPoll': (a, s) =>
    runsProgramme(a, s.programmeId) ||
    facilitates(a, s.setId) ||
    (Boolean(s.selfFacilitated) && inSet(a, s.setId)),
  'meeting.answerPoll': (a, s) => inSet(a, s.setId),
  'meeting.join': (a, s) => inSet(a, s.setId),
  'problem.create': (a, s) => a.setRoles.get(s.setId) === 'member',
  'journal.create': (a, s) => inSet(a, s.setId),
  // Ground rules are not confidential: the roster's readers see them and who has accepted them.
  'groundRules.read': (a, s) => runsProgramme(a, s.programmeId) || inSet(a, s.setId),
  'groundRules.update': (a, s) =>
    runsProgramme(a, s.programmeId) ||
    facilitates(a, s.setId) ||
    (Boolean(s.selfFacilitated) && inSet(a, s.setId)),
  'groundRules.accept': (a, s) => inSet(a, s.setId),
  // Proposals to share a concern are set content until the set agrees: never coordinators or admins.
  'concern.listProposals': (a, s) => inSet(a, s.setId),
  'concern.propose': (a, s) => inSet(a, s.setId),
  // The set's objection period: its facilitator's to change, or any member's in a self-facilitated set.
  'concern.configure': (a, s) => facilitates(a, s.setId) || (Boolean(s.selfFacilitated) && inSet(a, s.setId)),
  // The question coach (issue 10): the set reads whether it is on and the share of open questions per
  // meeting (never per person); each reads their own figures; the facilitator (or, in a
  // self-facilitated set, any member) switches it off or on for the set.
  'coach.readSettings': (a, s) => inSet(a, s.setId),
  'set.configureCoach': (a, s) =>
    facilitates(a, s.setId) || (Boolean(s.selfFacilitated) && inSet(a, s.setId)),
  'coach.readShares': (a, s) => inSet(a, s.setId),
  'coach.readOwnShares': (a, s) => inSet(a, s.setId),
  // The pulse after a meeting: each member answers for themselves; the set (members and facilitator)
  // reads K-ruled aggregates and, at K answers, the comments without names. Never coordinators or admins.
  'pulse.answer': (a, s) => a.setRoles.get(s.setId) === 'member',
  'pulse.readSet': (a, s) => inSet(a, s.setId),
} satisfies Record<string, Rule<SetResource>>;

const ownedItemRules = {
  // Problems and actions are set content: the set reads them, only their owner changes them.
  'problem.read': (a, r) => r.type === 'problem' && inSet(a, r.setId),
  'problem.update': (a, r) => r.type === 'problem' && inSet(a, r.setId) && a.personId === r.ownerId,
  'action.read': (a, r) => r.type === 'action' && inSet(a, r.setId),
  'action.update': (a, r) => r.type === 'action' && inSet(a, r.setId) && a.personId === r.ownerId,
  // A journal entry is its author's alone unless the author shares that entry with the set.
  'journal.read': (a, r) =>
    r.type === 'journal' && (a.personId === r.ownerId || (Boolean(r.sharedWithSet) && inSet(a, r.setId))),
  'journal.update': (a, r) => r.type === 'journal' && a.personId === r.ownerId,
} satisfies Record<string, Rule<OwnedItemResource>>;

const isApplicant = (a: PersonActor, r: ApplicationResource) =>
  r.applicantId !== null && a.personId === r.applicantId;

// DESIGN.md: an application and its consent are seen by the applicant, the coordinator and host admin.
const applicationRules = {
  'application.read': (a, r) => isApplicant(a, r) || runsProgramme(a, r.programmeId),
  'application.decide': (a, r) => runsProgramme(a, r.programmeId),
  'application.withdraw': (a, r) => isApplicant(a, r),
} satisfies Record<string, Rule<ApplicationResource>>;

// A proposal: the set reads it (with who objected), anyone in the set objects or approves, only its
// proposer changes or withdraws it.
const concernRules = {
  'concern.read': (a, r) => inSet(a, r.setId),
  'concern.update': (a, r) => inSet(a, r.setId) && a.personId === r.proposerId,
  'concern.withdraw': (a, r) => inSet(a, r.setId) && a.personId === r.proposerId,
  'concern.object': (a, r) => inSet(a, r.setId),
  'concern.approve': (a, r) => inSet(a, r.setId),
} satisfies Record<string, Rule<ConcernResource>>;

// A review: its questionnaire is read by the programme; answers are given by participants (anonymously);
// the report (aggregates, quotes by consent) is for those who run the programme until it is published.
const reviewRules = {
  'review.read': (a, r) => runsProgramme(a, r.programmeId) || a.programmesOfSets.has(r.programmeId),
  'review.manage': (a, r) => runsProgramme(a, r.programmeId),
  'review.answer': (a, r) => a.programmesOfSets.has(r.programmeId),
  'review.readReport': (a, r) => runsProgramme(a, r.programmeId),
  'report.publish': (a, r) => runsProgramme(a, r.programmeId),
  'report.readPublished': (a, r) =>
    runsProgramme(a, r.programmeId) || (r.published && a.programmesOfSets.has(r.programmeId)),
} satisfies Record<string, Rule<ReviewResource>>;

const facilitatesWorkshop = (a: PersonActor, w: WorkshopResource) =>
  w.facilitatorId !== null && a.personId === w.facilitatorId;
const takesPart = (a: PersonActor, w: WorkshopResource) => a.programmesOfSets.has(w.programmeId);

// A workshop, its notes and materials: programme participants, those who run it and its facilitator.
// Who answered "coming" (names) and attendance: those who run the programme and the facilitator; the
// participants see counts. RSVPs and private actions are for participants (members of its sets).
const workshopRules = {
  'workshop.read': (a, w) => runsProgramme(a, w.programmeId) || takesPart(a, w) || facilitatesWorkshop(a, w),
  'workshop.manage': (a, w) => runsProgramme(a, w.programmeId),
  'workshop.rsvp': (a, w) => takesPart(a, w),
  'workshop.readRsvpNames': (a, w) => runsProgramme(a, w.programmeId) || facilitatesWorkshop(a, w),
  'workshop.attendance': (a, w) => runsProgramme(a, w.programmeId) || facilitatesWorkshop(a, w),
  'workshop.notes': (a, w) => runsProgramme(a, w.programmeId) || facilitatesWorkshop(a, w),
  'workshopAction.create': (a, w) => takesPart(a, w),
} satisfies Record<string, Rule<WorkshopResource>>;

// Nobody but its owner, not a coordinator, an admin or the workshop's facilitator.
const workshopActionRules = {
  'workshopAction.read': (a, r) => a.personId === r.ownerId,
  'workshopAction.update': (a, r) => a.personId === r.ownerId,
} satisfies Record<string, Rule<WorkshopActionResource>>;

export type HostAction = keyof typeof hostRules;
export type PersonAction = keyof typeof personRules;
export type ProgrammeAction = keyof typeof programmeRules;
export type SetAction = keyof typeof setRules;
export type OwnedItemAction = keyof typeof ownedItemRules;
export type ApplicationAction = keyof typeof applicationRules;
export type ConcernAction = keyof typeof concernRules;
export type ReviewAction = keyof typeof reviewRules;
export type WorkshopAction = keyof typeof workshopRules;
export type WorkshopActionAction = keyof typeof workshopActionRules;
export type Action =
  | WorkshopAction
  | WorkshopActionAction
  | ReviewAction
  | HostAction
  | PersonAction
  | ProgrammeAction
  | SetAction
  | OwnedItemAction
  | ApplicationAction
  | ConcernAction;

interface ActionsByResource {
  host: HostAction;
  person: PersonAction;
  programme: ProgrammeAction;
  set: SetAction;
  problem: OwnedItemAction;
  action: OwnedItemAction;
  journal: OwnedItemAction;
  application: ApplicationAction;
  concern: ConcernAction;
  review: ReviewAction;
  workshop: WorkshopAction;
  workshopAction: WorkshopActionAction;
}

const rulesByResource: { [T in keyof ActionsByResource]: Record<string, Rule<any>> } = {
  host: hostRules,
  person: personRules,
  programme: programmeRules,
  set: setRules,
  problem: ownedItemRules,
  action: ownedItemRules,
  journal: ownedItemRules,
  application: applicationRules,
  concern: concernRules,
  review: reviewRules,
  workshop: workshopRules,
  workshopAction: workshopActionRules,
};

/** The actions of one kind of owned item, typed as exactly those (the contract's abilities name them). */
const ownedItemActions = <P extends OwnedItemResource['type']>(prefix: P) =>
  (Object.keys(ownedItemRules) as OwnedItemAction[]).filter(
    (a): a is Extract<OwnedItemAction, `${P}.${string}`> => a.startsWith(`${prefix}.`),
  );

export const actionsByResource = {
  host: Object.keys(hostRules) as HostAction[],
  person: Object.keys(personRules) as PersonAction[],
  programme: Object.keys(programmeRules) as ProgrammeAction[],
  set: Object.keys(setRules) as SetAction[],
  problem: ownedItemActions('problem'),
  action: ownedItemActions('action'),
  journal: ownedItemActions('journal'),
  application: Object.keys(applicationRules) as ApplicationAction[],
  concern: Object.keys(concernRules) as ConcernAction[],
  review: Object.keys(reviewRules) as ReviewAction[],
  workshop: Object.keys(workshopRules) as WorkshopAction[],
  workshopAction: Object.keys(workshopActionRules) as WorkshopActionAction[],
};

/** The action whose denial means "this resource does not exist for you" (404 rather than 403). */
export const visibilityAction = {
  host: 'host.read',
  person: 'person.read',
  programme: 'programme.read',
  set: 'set.readRoster',
  problem: 'problem.read',
  action: 'action.read',
  journal: 'journal.read',
  application: 'application.read',
  concern: 'concern.read',
  review: 'review.read',
  workshop: 'workshop.read',
  workshopAction: 'workshopAction.read',
} as const satisfies { [T in keyof ActionsByResource]: ActionsByResource[T] };

export function can<R extends Resource>(
  actor: Actor,
  action: ActionsByResource[R['type']],
  resource: R,
): boolean {
  if (actor.kind !== 'person') return false;
  if (actor.hostId !== resource.hostId) return false;
  const rule = rulesByResource[resource.type][action];
  return rule ? rule(actor, resource) : false;
}

/** The viewer's abilities on a resource, sent to the client so the UI offers only what the server allows. */
export function abilitiesFor<R extends Resource>(
  actor: Actor,
  resource: R,
): Record<ActionsByResource[R['type']], boolean> {
  const result = {} as Record<string, boolean>;
  const closed = 'programmeClosed' in resource ? resource.programmeClosed : false;
  for (const action of actionsByResource[resource.type])
    result[action] = can(actor, action as never, resource) && !closedProblem(action, closed);
  return result as Record<ActionsByResource[R['type']], boolean>;
}
