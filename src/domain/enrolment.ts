/**
 * Voluntary enrolment: what an applicant tells us, the consent they give (versioned wording), and the
 * coordinator's decisions. Pure rules, shared by the server, the CLI import and the web.
 */
import { defaultGroundRules } from './ground-rules.ts';

export const applicationStatuses = [
  'invited',
  'submitted',
  'accepted',
  'waitlisted',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const decisions = ['accept', 'waitlist', 'decline'] as const;
export type Decision = (typeof decisions)[number];

export const decisionStatus: Record<Decision, ApplicationStatus> = {
  accept: 'accepted',
  waitlist: 'waitlisted',
  decline: 'declined',
};

/** Why a decision cannot be taken on an application in this status (null when it can). */
export function decisionProblem(status: ApplicationStatus, decision: Decision): string | null {
  if (status === 'invited') return 'This person has not applied yet: their invitation is still open.';
  if (status === 'withdrawn') return 'This person has withdrawn; they can apply again if they wish.';
  if (decisionStatus[decision] === status) return `This application is already ${status}.`;
  return null;
}

/** Usual availability as day and part of the day, e.g. "mon-am", "wed-eve"; the formation engine compares them. */
export const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const dayParts = ['am', 'pm', 'eve'] as const;
export const availabilitySlots: readonly string[] = days.flatMap((d) => dayParts.map((p) => `${d}-${p}`));
export const availabilityPattern = /^(mon|tue|wed|thu|fri|sat|sun)-(am|pm|eve)$/;

/**
 * The consent an applicant gives, word for word. A new wording gets a new version; each consent
 * stores the version and the exact text agreed to.
 */
export interface ConsentWording {
  version: string;
  groundRules: string;
  confidentiality: string;
  dataUse: string;
}

export const consentWordings: readonly ConsentWording[] = [
  {
    version: '2026-1',
    groundRules: `I will keep my set's ground rules. They start from these, and my set agrees its own version at its first meeting: ${defaultGroundRules.join(' ')}`,
    confidentiality:
      'What is said in my set stays in my set. I will not repeat what other members tell me, to their employers, to mine or to the programme.',
    dataUse:
      'Revans stores what I tell in this application so the coordinators of this programme can form sets. Only the coordinators and host admins see my application; my set sees my name, organisation and role. I can withdraw at any time; what I write in my journal stays mine.',
  },
];

export const currentConsent: ConsentWording = consentWordings.at(-1)!;

/** The exact text stored with a consent. */
export function consentText(wording: ConsentWording): string {
  return [
    `Consent ${wording.version}`,
    `Ground rules: ${wording.groundRules}`,
    `Confidentiality: ${wording.confidentiality}`,
    `Use of my information: ${wording.dataUse}`,
  ].join('\n');
}

/** Names or email addresses an applicant must not share a set with, matched against other applicants. */
export function matchesAvoid(entry: string, other: { name: string; email: string }): boolean {
  const wanted = entry.trim().toLowerCase();
  if (!wanted) return false;
  return wanted.includes('@')
    ? other.email.toLowerCase() === wanted
    : other.name.trim().toLowerCase() === wanted;
}

/** Splits a list written in one cell or field: "a; b, c". */
export function splitList(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
