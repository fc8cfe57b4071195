/**
 * Prioritising themes: each participant has a fixed number of votes (dot voting). A participant may put
 * more than one of their votes on a theme that matters most to them, up to all of them. Votes are
 * anonymous; counts are shown only once voting has closed, and only when enough people voted that a
 * count cannot be read as one person's choice. Pure.
 */

export const votesPerPerson = { min: 1, max: 10, default: 3 } as const;

/** Fewer voters than this and the counts would tell who chose what: they are not shown. */
export const minVotersForCounts = 3;

export const votingStatuses = ['not-open', 'open', 'closed'] as const;
export type VotingStatus = (typeof votingStatuses)[number];

export interface Allocation {
  themeId: string;
  votes: number;
}

export type AllocationProblem =
  | { kind: 'not-open'; status: VotingStatus }
  | { kind: 'over-limit'; given: number; limit: number }
  | { kind: 'unknown-theme'; themeId: string }
  | { kind: 'repeated-theme'; themeId: string }
  | { kind: 'not-whole'; themeId: string };

/**
 * Checks a participant's whole allocation (it replaces what they gave before). Null when it may stand.
 * Zero votes on a theme is allowed and means none.
 */
export function checkAllocation(
  allocation: readonly Allocation[],
  rules: { status: VotingStatus; limit: number; themeIds: ReadonlySet<string> },
): AllocationProblem | null {
  if (rules.status !== 'open') return { kind: 'not-open', status: rules.status };
  const seen = new Set<string>();
  let given = 0;
  for (const a of allocation) {
    if (!rules.themeIds.has(a.themeId)) return { kind: 'unknown-theme', themeId: a.themeId };
    if (seen.has(a.themeId)) return { kind: 'repeated-theme', themeId: a.themeId };
    if (!Number.isInteger(a.votes) || a.votes < 0) return { kind: 'not-whole', themeId: a.themeId };
    seen.add(a.themeId);
    given += a.votes;
  }
  if (given > rules.limit) return { kind: 'over-limit', given, limit: rules.limit };
  return null;
}

/** A sentence a participant can act on, for each problem. */
export function allocationSentence(problem: AllocationProblem): string {
  switch (problem.kind) {
    case 'not-open':
      return problem.status === 'closed'
        ? 'Voting on the themes has closed, so votes can no longer be given or changed.'
        : 'Voting on the themes has not opened yet. Your coordinator opens it once the themes are ready.';
    case 'over-limit':
      return `You have ${problem.limit} votes in all and gave ${problem.given}. Take ${problem.given - problem.limit} off a theme and send them again.`;
    case 'unknown-theme':
      return 'One of the themes you voted for no longer exists. Reload the page to see the themes as they are now.';
    case 'repeated-theme':
      return 'A theme appears twice in your votes. Give each theme its number of votes once.';
    case 'not-whole':
      return 'Votes are whole numbers from 0 up.';
  }
}

/**
 * What the counts may show: per theme once voting has closed and at least `minVotersForCounts` people
 * voted; otherwise nothing.
 */
export function visibleCounts(
  status: VotingStatus,
  voters: number,
  totals: ReadonlyMap<string, number>,
): { shown: true; totals: Map<string, number> } | { shown: false; reason: 'not-closed' | 'too-few-voters' } {
  if (status !== 'closed') return { shown: false, reason: 'not-closed' };
  if (voters < minVotersForCounts) return { shown: false, reason: 'too-few-voters' };
  return { shown: true, totals: new Map(totals) };
}
