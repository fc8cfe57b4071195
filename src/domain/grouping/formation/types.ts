/**
 * Set formation input and output.
 *
 * Participants file (JSON), as read by `revans form-sets FILE.json`:
 * ```json
 * {
 *   "sizeBounds": { "min": 6, "max": 8 },
 *   "facilitated": true,
 *   "numberOfSets": 3,
 *   "participants": [
 *     { "id": "p1", "name": "Ana", "organisation": "Acme", "role": "programme manager",
 *       "themes": ["funding"], "languages": ["en", "es"], "utcOffsetMinutes": 60,
 *       "availability": ["mon-am", "wed-pm"], "mustAvoid": ["p7"], "facilitator": false }
 *   ]
 * }
 * ```
 * Only `participants`, `id` and `organisation` are required. `sizeBounds` defaults to 6-8 members
 * (facilitators are not counted). `facilitated` defaults to true when anyone is a facilitator; when
 * false, people marked as facilitators join sets as ordinary members. `numberOfSets` is chosen
 * automatically (sets of about (min+max)/2, enough for the facilitators) unless given.
 */
export interface Participant {
  id: string;
  name?: string;
  organisation: string;
  role?: string;
  themes?: string[];
  languages?: string[];
  /** Offset from UTC in minutes, e.g. 60 for UTC+1. */
  utcOffsetMinutes?: number;
  /** Free-form slot labels such as "mon-am"; sets prefer slots everyone shares. */
  availability?: string[];
  /** Ids of people this participant must not share a set with (a manager and their report). */
  mustAvoid?: string[];
  facilitator?: boolean;
}

export interface FormationInput {
  sizeBounds?: { min: number; max: number };
  facilitated?: boolean;
  numberOfSets?: number;
  participants: Participant[];
}

/** Relative importance of each preference (each pair scores 0..1 per preference, times its weight). */
export interface PreferenceWeights {
  themes: number;
  role: number;
  timeZone: number;
  language: number;
  availability: number;
}

export const defaultWeights: PreferenceWeights = {
  themes: 2,
  role: 2,
  timeZone: 1.5,
  language: 3,
  availability: 1.5,
};

export type Preference = keyof PreferenceWeights;
export const preferences: readonly Preference[] = ['themes', 'role', 'timeZone', 'language', 'availability'];

/** A set as placed by a coordinator (or proposed by the engine). */
export interface SetAssignment {
  members: string[];
  facilitators?: string[];
  /** Set by the coordinator to keep the set as it is when re-forming the others. */
  locked?: boolean;
}

export interface Assignment {
  sets: SetAssignment[];
}

export interface FormationOptions {
  /** Same seed and budget give the same sets. Default 1. */
  seed?: number;
  /** Deterministic search budget (rounds). Default scales with the programme size. */
  maxIterations?: number;
  /** Optional clock-based stop supplied by the caller. */
  shouldStop?: () => boolean;
  weights?: Partial<PreferenceWeights>;
  /** Sets kept exactly as given; the engine forms the others from everyone else. */
  lockedSets?: SetAssignment[];
}

/** How serious a rule not met is, most serious first. */
export const severities = ['hard', 'strong', 'preference', 'notice'] as const;
export type Severity = (typeof severities)[number];

/** The rules a proposal is checked against. */
export const issueRules = [
  'must-avoid',
  'facilitator-organisation',
  'same-organisation',
  'size-bounds',
  'facilitator-missing',
  'unassigned',
  'language',
  'time-zone',
  'availability',
] as const;
export type IssueRule = (typeof issueRules)[number];

export interface Issue {
  severity: Severity;
  rule: IssueRule;
  message: string;
  /** 0-based index of the set concerned, if any. */
  set?: number;
  participants?: string[];
}

export interface SetReport {
  members: string[];
  facilitators: string[];
  locked: boolean;
  /** Weighted preference score (sum over pairs of members and of facilitator-member pairs). */
  score: number;
  breakdown: PreferenceWeights;
  /** Preferences the set meets and misses, in plain words. */
  met: string[];
  missed: string[];
  /** A short paragraph a coordinator can read. */
  explanation: string;
  issues: Issue[];
}

export interface FormationResult {
  sets: SetReport[];
  /** Participants in no set. */
  unassigned: string[];
  /** Every rule not met, most serious first, with the reason where one is known. */
  issues: Issue[];
  /** Sum of set scores. */
  score: number;
  hardViolations: number;
  strongViolations: number;
}
