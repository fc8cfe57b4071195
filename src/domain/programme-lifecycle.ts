/**
 * A programme's lifecycle: draft -> recruiting -> forming -> running -> closed, as explicit transitions.
 * Pure rules; the programme service asks them before it changes anything.
 */
import type { ProgrammeStatus } from './programme.ts';

/** How a status change is asked for: a plain update, or publishing the formed sets. */
export type TransitionVia = 'update' | 'publish';

/** Where each status may go next. Stepping back one step is allowed until sets run. */
export const nextStatuses: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  draft: ['recruiting'],
  recruiting: ['draft', 'forming'],
  forming: ['recruiting', 'running'],
  running: ['closed'],
  closed: [],
};

/** A new programme starts as a draft or opens recruitment at once. */
export const initialStatuses: readonly ProgrammeStatus[] = ['draft', 'recruiting'];

const labels: Record<ProgrammeStatus, string> = {
  draft: 'a draft',
  recruiting: 'recruiting',
  forming: 'forming sets',
  running: 'running',
  closed: 'closed',
};

/** Why a programme may not move from one status to another (null when it may). */
export function transitionProblem(
  from: ProgrammeStatus,
  to: ProgrammeStatus,
  via: TransitionVia = 'update',
): string | null {
  if (from === to) return null;
  if (!nextStatuses[from].includes(to)) {
    const options = nextStatuses[from].map((s) => labels[s]);
    return options.length
      ? `A programme that is ${labels[from]} can only become ${options.join(' or ')}, not ${labels[to]}.`
      : `A programme that is ${labels[from]} cannot change any more.`;
  }
  if (from === 'forming' && to === 'running' && via !== 'publish')
    return 'A programme starts running when its sets are published: publish a formation run.';
  return null;
}

/** The open application link and invitations to apply only work while the programme recruits. */
export const takesApplications = (status: ProgrammeStatus) => status === 'recruiting';

/** Coordinators accept, wait-list or decline applications while recruiting and while forming sets. */
export const takesDecisions = (status: ProgrammeStatus) => status === 'recruiting' || status === 'forming';

/** The formation engine runs, and its proposals change, only while the programme is forming sets. */
export const formsSets = (status: ProgrammeStatus) => status === 'forming';

/** Participants can be imported from a file before the sets run. */
export const takesImports = (status: ProgrammeStatus) =>
  status === 'draft' || status === 'recruiting' || status === 'forming';

export function whyNot(status: ProgrammeStatus, what: 'apply' | 'decide' | 'form' | 'import'): string {
  const now = `The programme is ${labels[status]}`;
  switch (what) {
    case 'apply':
      return `${now}, so it is not taking applications.`;
    case 'decide':
      return `${now}: applications are decided while it is recruiting or forming sets.`;
    case 'form':
      return `${now}: sets are formed while the programme is forming sets (move it from recruiting to forming first).`;
    case 'import':
      return `${now}: participants can be imported until its sets run.`;
  }
}

/** A closed programme is frozen: its sets, meetings and surveys are kept as they were. */
export const programmeClosed = (status: ProgrammeStatus) => status === 'closed';

/**
 * Everything that changes a programme's sets, meetings or surveys. Once the programme is closed each
 * of them is refused with `closedSentence` (409), whoever asks; reading and exporting stay open.
 * A new feature that writes set content or answers a survey (e.g. the programme review) adds its
 * actions here, and the one guard in `authorize` applies it.
 */
export const frozenWhenClosed: ReadonlySet<string> = new Set([
  'set.create',
  'set.update',
  'set.manageMembers',
  'set.writeContent',
  'problem.create',
  'problem.update',
  'action.update',
  'journal.create',
  'journal.update',
  'meeting.schedule',
  'meeting.recordAttendance',
  'meeting.sendApologies',
  'meeting.runPoll',
  'meeting.answerPoll',
  'programme.runPoll',
  'programme.manageEvents',
  'programme.manageEnrolment',
  'programme.formSets',
  'groundRules.update',
  'groundRules.accept',
  'concern.propose',
  'concern.configure',
  'concern.update',
  'concern.withdraw',
  'concern.object',
  'concern.approve',
  'theme.manage',
  'vote.cast',
  'workshop.create',
  'workshop.manage',
  'workshop.rsvp',
  'workshop.attendance',
  'workshop.notes',
  'workshopAction.create',
  'workshopAction.update',
  'pulse.answer',
  'review.create',
  'review.manage',
  'review.answer',
]);

export const closedSentence =
  'The programme is closed: its sets, meetings and surveys are kept as they were and can no longer change. You can still read and export your own content.';

/** Why an action may not happen in a programme (null when it may): the reusable "programme closed" guard. */
export function closedProblem(action: string, closed: boolean | undefined): string | null {
  return closed && frozenWhenClosed.has(action) ? closedSentence : null;
}

/** Whole days a closed programme's set content is kept, as a host chooses it. */
export const retentionDayLimits = { min: 0, max: 3650, default: 365 } as const;

/** When a programme closed at `closedAt` has its set content erased, given the host's retention. */
export function contentErasableAt(closedAt: string, retentionDays: number): Date {
  return new Date(new Date(closedAt).getTime() + retentionDays * 86_400_000);
}
