/**
 * How a set consents to sharing a concern with its programme (METHOD.md, "Workshops": sets decide, by
 * consent, what they share upward). Consent is the absence of objection: a proposal is shared when its
 * objection period ends with no objection standing, or at once when everyone present in the set's live
 * meeting approves it. Pure: the time is passed in.
 */

/** The objection period a set gives itself, in whole days (the facilitator may change it). */
export const objectionPeriodDays = { min: 1, max: 14, default: 3 } as const;

/** A statement written for sharing: short enough to read at a glance on a workshop wall. */
export const statementLength = { min: 10, max: 500 } as const;
export const themeTagLength = { max: 60 } as const;

const dayMs = 24 * 3_600_000;

/** When the period for words proposed (or last changed) at `from` ends: exactly `days` × 24 hours later. */
export function consentDeadline(from: string, days: number): string {
  return new Date(new Date(from).getTime() + days * dayMs).toISOString();
}

export type ConcernStatus = 'proposed' | 'shared' | 'withdrawn';

export interface ConsentFacts {
  status: ConcernStatus;
  /** The end of the objection period for the current words. */
  consentBy: string;
  /** How many objections stand now. */
  objections: number;
}

/**
 * Where a proposal stands at `now`:
 * - `waiting`: within its period, nobody objects (yet);
 * - `held`: someone objects; nothing leaves the set while an objection stands;
 * - `due`: the period is over (the deadline itself included) and nobody objects: it is shared, as of the
 *   deadline (or of the moment the last objection was withdrawn, if that came later);
 * - `shared` / `withdrawn`: settled.
 */
export type ConsentState = 'waiting' | 'held' | 'due' | 'shared' | 'withdrawn';

export function consentState(facts: ConsentFacts, now: Date): ConsentState {
  if (facts.status !== 'proposed') return facts.status;
  if (facts.objections > 0) return 'held';
  return now.getTime() >= new Date(facts.consentBy).getTime() ? 'due' : 'waiting';
}

/**
 * When a proposal becomes shared once its last objection is withdrawn at `now`: at once if its period is
 * already over, else at its deadline (null: not yet).
 */
export function sharedOnWithdrawal(consentBy: string, now: Date): string | null {
  return now.getTime() >= new Date(consentBy).getTime() ? now.toISOString() : null;
}

export interface RoomFacts {
  /** Everyone in the set (members and facilitator), not archived. */
  setSize: number;
  /** Who is in the meeting's live room now. */
  present: readonly string[];
  /** Who approved the current words. The proposer counts as approving their own words. */
  approvals: readonly string[];
  proposerId: string;
  objections: number;
}

export type RoomVerdict =
  | { shareNow: true }
  | {
      shareNow: false;
      reason: 'objection' | 'too-few-present' | 'waiting-for-approvals';
      /** Who is present and has not approved yet. */
      waitingFor: string[];
    };

/**
 * In a meeting, the set can consent at once: everyone present approves the current words. The room must
 * hold at least two people and more than half the set, so a few people cannot speak for the set; the
 * others still have the objection period.
 */
export function roomVerdict(facts: RoomFacts): RoomVerdict {
  const approved = new Set([...facts.approvals, facts.proposerId]);
  const waitingFor = facts.present.filter((p) => !approved.has(p));
  if (facts.objections > 0) return { shareNow: false, reason: 'objection', waitingFor };
  if (facts.present.length < minimumPresent(facts.setSize))
    return { shareNow: false, reason: 'too-few-present', waitingFor };
  if (waitingFor.length > 0) return { shareNow: false, reason: 'waiting-for-approvals', waitingFor };
  return { shareNow: true };
}

/** More than half the set, and never fewer than two people. */
export function minimumPresent(setSize: number): number {
  return Math.max(2, Math.floor(setSize / 2) + 1);
}
