/**
 * Enrolment: the open application link, invitations to apply, applying with consent, the applicant's
 * private status link, the coordinator's decisions, withdrawal, and the participants file the command
 * line imports (`revans import-participants`).
 */
import { z } from 'zod';
import { actionsByResource } from '../domain/access.ts';
import { applicationStatuses, availabilityPattern, decisions, splitList } from '../domain/enrolment.ts';
import { programmeStatuses } from './enums.ts';
import { abilities, email, idParams, longText, name, out, shortText, timeZone, token } from './fields.ts';
import { route } from './route.ts';

export type { ApplicationStatus, ConsentWording, Decision } from '../domain/enrolment.ts';
export { applicationStatuses, decisions };

/** How an application came in: the open link, a personal invitation to apply, or a file import. */
export const applicationSources = ['open-link', 'invitation', 'import'] as const;
export type ApplicationSource = (typeof applicationSources)[number];

export const applicationActions = actionsByResource.application;

// ---------------------------------------------------------------- what an application says

/** A theme, or a person to avoid: one entry of a list. */
const listItem = z.string().trim().min(1).max(200);
const slot = z.string().regex(availabilityPattern, {
  error: 'use a day and part of day such as mon-am or wed-eve',
});

/**
 * The answers an application carries, the same whether typed in the form or read from a row of a
 * participants file.
 */
const answers = {
  organisation: name,
  role: shortText,
  themes: z.array(listItem).max(20),
  languages: z.array(z.string().trim().min(2).max(35)).min(1).max(10),
  timeZone,
  /** Usual availability as day and part of day, e.g. mon-am, wed-eve. */
  availability: z.array(slot).max(21),
  hopes: longText,
  /** Names or email addresses of people the applicant must not share a set with. */
  mustAvoid: z.array(listItem).max(20),
};

const given = (what: string) => z.literal(true, { error: `Please consent to ${what} to apply.` });

/** An application sent through a link: signed in or invited people need not give their name and email. */
export const applicationBody = z.strictObject({
  name: name.optional(),
  email: email.optional(),
  organisation: answers.organisation,
  role: answers.role,
  themes: answers.themes.default([]),
  languages: answers.languages,
  timeZone: answers.timeZone,
  availability: answers.availability.default([]),
  hopes: answers.hopes.default(''),
  mustAvoid: answers.mustAvoid.default([]),
  consent: z.strictObject({
    /** The version of the wording the form showed; a newer wording is refused (409). */
    version: z.string().min(1).max(50),
    groundRules: given('the ground rules'),
    confidentiality: given('confidentiality'),
    dataUse: given('how your information is used'),
  }),
});
export type ApplicationAnswers = z.output<typeof applicationBody>;

// ---------------------------------------------------------------- responses

export const applicationLink = z.object({
  /** The link to share; null while there is none (never created, or revoked). */
  url: z.string().nullable(),
  /** True while the link exists and the programme is recruiting. */
  works: z.boolean(),
  status: z.enum(programmeStatuses),
});
export type ApplicationLink = z.infer<typeof applicationLink>;

/** The consent given with an application: the exact wording agreed to. */
export const givenConsent = z.object({
  version: z.string(),
  wording: z.string(),
  givenAt: out.instant,
  withdrawnAt: out.instant.nullable(),
});

export const application = z.object({
  id: out.id,
  programmeId: out.id,
  /** Null for someone who applied through the open link and has no person record yet. */
  personId: out.id.nullable(),
  status: z.enum(applicationStatuses),
  source: z.enum(applicationSources),
  name: z.string(),
  email: out.email,
  organisation: z.string(),
  role: z.string(),
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  timeZone: z.string(),
  availability: z.array(z.string()),
  hopes: z.string(),
  mustAvoid: z.array(z.string()),
  asFacilitator: z.boolean(),
  submittedAt: out.instant.nullable(),
  decidedAt: out.instant.nullable(),
  withdrawnAt: out.instant.nullable(),
  /** The latest consent; null for an invitation not yet used. */
  consent: givenConsent.nullable(),
  abilities: abilities(applicationActions),
});
export type Application = z.infer<typeof application>;

export const consentWording = z.object({
  version: z.string(),
  groundRules: z.string(),
  confidentiality: z.string(),
  dataUse: z.string(),
});

/** What an application link shows before anyone applies. */
export const applyInfo = z.object({
  programme: z.object({
    name: z.string(),
    hostName: z.string(),
    purpose: z.string(),
    theme: z.string(),
    startsOn: out.date.nullable(),
    endsOn: out.date.nullable(),
    meetingCadence: z.string(),
    participation: z.string(),
    setSize: z.object({ min: z.number().int(), max: z.number().int() }),
  }),
  /** Who a personal invitation to apply is for; null for the open link. */
  invited: z.object({ name: z.string(), email: out.email }).nullable(),
  consent: consentWording,
  availabilitySlots: z.array(z.string()),
});
export type ApplyInfo = z.infer<typeof applyInfo>;

export const applied = z.object({
  applicationId: out.id,
  status: z.enum(applicationStatuses),
  consentVersion: z.string(),
});

/** What the private link in the acknowledgement mail shows: no answers, since the link travels by email. */
export const ownApplication = z.object({
  programme: z.object({ name: z.string(), hostName: z.string() }),
  name: z.string(),
  status: z.enum(applicationStatuses),
  submittedAt: out.instant.nullable(),
  decidedAt: out.instant.nullable(),
  withdrawnAt: out.instant.nullable(),
  canWithdraw: z.boolean(),
});
export type OwnApplication = z.infer<typeof ownApplication>;

export const withdrawal = z.object({
  withdrawn: z.literal(true),
  /** The sets the person left. */
  leftSets: z.array(out.id),
});

// ---------------------------------------------------------------- routes: the coordinator

export const getApplicationLink = route({
  method: 'GET',
  path: '/api/programmes/:id/application-link',
  tags: ['enrolment'],
  summary: 'The open application link, and whether it works now (only while recruiting)',
  params: idParams,
  response: applicationLink,
});

export const rotateApplicationLink = route({
  method: 'POST',
  path: '/api/programmes/:id/application-link',
  tags: ['enrolment'],
  summary: 'Create the open application link, or replace it (the old link stops working)',
  params: idParams,
  status: 201,
  response: applicationLink,
});

export const revokeApplicationLink = route({
  method: 'DELETE',
  path: '/api/programmes/:id/application-link',
  tags: ['enrolment'],
  summary: 'Revoke the open application link',
  params: idParams,
  response: applicationLink,
});

export const inviteToApply = route({
  method: 'POST',
  path: '/api/programmes/:id/application-invitations',
  tags: ['enrolment'],
  summary: 'Invite someone by email to apply (a fresh invitation replaces an unused one)',
  params: idParams,
  body: z.strictObject({ name, email, asFacilitator: z.boolean().default(false) }),
  status: 201,
  response: application,
});

/**
 * Issue 13, item 15: a facilitator is enrolled without the participants' form. They join the programme's
 * accepted people as a facilitator (formation places them), and get an invitation to create an account.
 */
export const inviteFacilitator = route({
  method: 'POST',
  path: '/api/programmes/:id/facilitator-invitations',
  tags: ['enrolment'],
  summary: 'Enrol a facilitator directly (no application form) and invite them to create their account',
  params: idParams,
  body: z.strictObject({ name, email, organisation: shortText.default('') }),
  status: 201,
  response: application,
});
export type FacilitatorInvitation = z.output<typeof inviteFacilitator.body>;

export const participantsTemplate = route({
  method: 'GET',
  path: '/api/programmes/:id/participants-template.csv',
  tags: ['enrolment'],
  summary: 'A CSV template for `revans import-participants` (columns in docs/coordinators/importing.md)',
  params: idParams,
  produces: 'text/csv',
});

export const listApplications = route({
  method: 'GET',
  path: '/api/programmes/:id/applications',
  tags: ['enrolment'],
  summary: "The programme's applications with their consent (coordinators and host admins)",
  params: idParams,
  query: z.strictObject({ status: z.enum(applicationStatuses).optional() }),
  response: z.array(application),
});

export const getApplication = route({
  method: 'GET',
  path: '/api/applications/:id',
  tags: ['enrolment'],
  summary: 'One application and its consent',
  params: idParams,
  response: application,
});

export const decideApplication = route({
  method: 'POST',
  path: '/api/applications/:id/decision',
  tags: ['enrolment'],
  summary: 'Accept, wait-list or decline an application; the applicant is told by email',
  params: idParams,
  body: z.strictObject({ decision: z.enum(decisions), asFacilitator: z.boolean().optional() }),
  response: application,
});

// ---------------------------------------------------------------- routes: the applicant, signed in

export const getMyApplication = route({
  method: 'GET',
  path: '/api/programmes/:id/my-application',
  tags: ['enrolment'],
  summary: 'Your own application to this programme',
  params: idParams,
  response: application,
});

export const withdrawFromProgramme = route({
  method: 'POST',
  path: '/api/programmes/:id/withdrawal',
  tags: ['enrolment'],
  summary: 'Withdraw from this programme: you leave its sets; your journal and own content stay yours',
  params: idParams,
  response: withdrawal,
});

export const withdrawApplication = route({
  method: 'POST',
  path: '/api/applications/:id/withdrawal',
  tags: ['enrolment'],
  summary: 'Withdraw your application (and leave the programme’s sets)',
  params: idParams,
  response: application,
});

// ---------------------------------------------------------------- routes: links, no account needed

export const describeApplyLink = route({
  method: 'GET',
  path: '/api/apply/:token',
  tags: ['enrolment'],
  summary: 'The programme an application link is for, what taking part involves and the consent wording',
  params: z.strictObject({ token }),
  public: true,
  response: applyInfo,
});

export const submitApplication = route({
  method: 'POST',
  path: '/api/apply/:token',
  tags: ['enrolment'],
  summary: 'Apply through a link, signed in or with your name and email; consent is required',
  params: z.strictObject({ token }),
  body: applicationBody,
  public: true,
  status: 201,
  response: applied,
});

// A link someone was mailed: whatever its text, a token that names nothing is a 404 ("this link does not
// work"), never a validation error; only absurd lengths are refused as input.
const statusLinkParams = z.strictObject({ token: z.string().min(1).max(200) });

export const describeOwnApplication = route({
  method: 'GET',
  path: '/api/your-application/:token',
  tags: ['enrolment'],
  summary: 'Where an application stands, through the private link in its acknowledgement email',
  params: statusLinkParams,
  public: true,
  response: ownApplication,
});

export const withdrawOwnApplication = route({
  method: 'POST',
  path: '/api/your-application/:token/withdrawal',
  tags: ['enrolment'],
  summary: 'Withdraw an application through its private link (409 if already withdrawn); no account needed',
  params: statusLinkParams,
  public: true,
  response: ownApplication,
});

// ---------------------------------------------------------------- the participants file

/** A list written in one cell: "funding; volunteers". */
const cell = z.string().transform(splitList);

/**
 * One row of a participants file (`revans import-participants`, docs/coordinators/importing.md): an
 * application's answers written as text, one column each, checked by the same rules as the form. An
 * empty `languages` means English, an empty `time_zone` UTC.
 */
export const participantRow = z.strictObject({
  name,
  email,
  organisation: answers.organisation,
  role: answers.role,
  themes: cell.pipe(answers.themes),
  languages: cell.transform((list) => (list.length ? list : ['en'])).pipe(answers.languages),
  time_zone: z
    .string()
    .trim()
    .transform((zone) => zone || 'UTC')
    .pipe(answers.timeZone),
  availability: cell.transform((slots) => slots.map((s) => s.toLowerCase())).pipe(answers.availability),
  hopes: answers.hopes,
  must_avoid: cell.pipe(answers.mustAvoid),
  facilitator: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['', 'yes', 'no', 'true', 'false', 'y', 'n'].includes(v))
    .transform((v) => v === 'yes' || v === 'true' || v === 'y'),
});

/** The columns of a participants file, in order. */
export const participantColumns = Object.keys(participantRow.shape) as (keyof typeof participantRow.shape)[];

/** A row's problem in words a coordinator fixing a spreadsheet understands, naming the column. */
export function participantRowProblem(issue: z.core.$ZodIssue): string {
  const column = String(issue.path[0] ?? 'row');
  const entry = issue.path.length > 1 ? 'an entry of ' : '';
  switch (column) {
    case 'email':
      return issue.code === 'too_big' ? 'email is too long' : 'email is not an email address';
    case 'time_zone':
      return 'time_zone is not a time zone such as Europe/London';
    case 'availability':
      if (issue.code === 'too_big' && !entry) return `availability lists more than ${issue.maximum} slots`;
      return 'availability must list slots such as mon-am, wed-pm or fri-eve';
    case 'facilitator':
      return 'facilitator must be yes or no';
  }
  if (issue.code === 'too_small')
    return Number(issue.minimum) <= 1
      ? `${entry}${column} is empty`
      : `${entry}${column} is shorter than ${issue.minimum} characters`;
  if (issue.code === 'too_big')
    return issue.origin === 'array'
      ? `${column} lists more than ${issue.maximum}`
      : `${entry}${column} is longer than ${issue.maximum} characters`;
  if (issue.code === 'unrecognized_keys') return `unknown columns: ${issue.keys.join(', ')}`;
  return `${column}: ${issue.message}`;
}
