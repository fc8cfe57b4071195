import type { Generated } from 'kysely';
import type { ActionStatus } from '../../contract/actions.ts';
import type { AttendanceStatus, JournalVisibility, MeetingStatus } from '../../contract/enums.ts';
import type { PollStatus } from '../../contract/polls.ts';
import type { ProgrammeEventKind, ProgrammeEventStatus } from '../../contract/programme-events.ts';
import type { SeriesStatus } from '../../contract/series.ts';
import type { WorkshopActionStatus, WorkshopRsvpAnswer } from '../../contract/workshops.ts';
import type { SetRole } from '../../domain/access.ts';
import type { ProblemKind, ProblemStatus } from '../../domain/problems.ts';
import type { ProgrammeStatus, SetMode } from '../../domain/programme.ts';
import type { PollAnswer, PollPurpose } from '../../domain/schedule/polls.ts';

export type { ActionStatus, AttendanceStatus, MeetingStatus };

/** Timestamps in Revans' own tables are ISO 8601 UTC strings, identical on SQLite and PostgreSQL. */
type Timestamp = string;

export interface HostTable {
  id: string;
  name: string;
  default_time_zone: string;
  default_language: string;
  /** 1: host admins and coordinators must sign in with a second factor. */
  require_two_factor: Generated<number>;
  /** Days a closed programme's set content is kept before it is erased (0013_closing). */
  closed_content_retention_days: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganisationTable {
  id: string;
  host_id: string;
  name: string;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: string;
  host_id: string;
  user_id: string | null;
  name: string;
  email: string;
  organisation_id: string | null;
  job_role: string;
  time_zone: string;
  language: string;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** A host admin lets this person start programmes (1), which they then coordinate. */
  may_start_programmes: Generated<number>;
}

export interface HostAdminTable {
  host_id: string;
  person_id: string;
  created_at: Timestamp;
}

export interface ProgrammeTable {
  id: string;
  host_id: string;
  name: string;
  purpose: string;
  theme: string;
  starts_on: string | null;
  ends_on: string | null;
  status: ProgrammeStatus;
  min_set_size: number;
  max_set_size: number;
  archived_at: Timestamp | null;
  agenda_json: string | null;
  /** How often and how long sets meet, in words (0006_enrolment). */
  meeting_cadence: string | null;
  /** What taking part involves, shown on the application form (0006_enrolment). */
  participation: string | null;
  /** The open application link's secret while it is shared; null once revoked (0006_enrolment). */
  application_token: string | null;
  /** When the programme closed (0013_closing). */
  closed_at: Timestamp | null;
  /** When the retention job erased its set content (0013_closing). */
  content_erased_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeCoordinatorTable {
  programme_id: string;
  person_id: string;
  created_at: Timestamp;
}

export interface LearningSetTable {
  id: string;
  programme_id: string;
  name: string;
  theme: string;
  mode: SetMode;
  archived_at: Timestamp | null;
  agenda_json: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SetMembershipTable {
  set_id: string;
  person_id: string;
  role: SetRole;
  created_at: Timestamp;
}

export interface InvitationTable {
  id: string;
  person_id: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  created_at: Timestamp;
}

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: string;
  host_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  kind: string;
  status: MailStatus;
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** JSON list of {filename, contentType, content} (text content, e.g. an .ics); null for none. */
  attachments_json: string | null;
  /** JSON object of extra headers (e.g. List-Unsubscribe); null for none. */
  headers_json: string | null;
}

export interface MeetingTable {
  id: string;
  set_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  place: string;
  video_url: string;
  status: MeetingStatus;
  agenda_json: string;
  /** The room's setup, frozen when the room first opens, so replaying the log always gives the same state. */
  setup_json: string | null;
  sequence: number;
  series_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the ended meeting's live log was compacted (features/meetings/compaction.ts); null before. */
  log_compacted_at: Timestamp | null;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  person_id: string;
  status: AttendanceStatus;
  apology_note: string;
  updated_at: Timestamp;
}

export interface MeetingEventTable {
  meeting_id: string;
  seq: number;
  at: Timestamp;
  actor_id: string;
  client_command_id: string | null;
  command_json: string;
  ids_json: string | null;
}

export interface ProblemTable {
  id: string;
  set_id: string;
  owner_id: string;
  title: string;
  story: string;
  kind: ProblemKind;
  status: ProblemStatus;
  intake_json: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProblemVersionTable {
  id: string;
  problem_id: string;
  statement: string;
  meeting_id: string | null;
  created_at: Timestamp;
}

export interface ActionTable {
  id: string;
  set_id: string;
  owner_id: string;
  problem_id: string | null;
  meeting_id: string | null;
  text: string;
  due_on: string | null;
  status: ActionStatus;
  outcome_note: string;
  reported_in_meeting_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuestionTable {
  id: string;
  meeting_id: string;
  presenter_id: string;
  asked_by: string;
  text: string;
  struck_home: number;
  created_at: Timestamp;
}

export interface JournalEntryTable {
  id: string;
  author_id: string;
  set_id: string;
  meeting_id: string | null;
  answers_json: string;
  visibility: JournalVisibility;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeetingSeriesTable {
  id: string;
  set_id: string;
  time_zone: string;
  first_local: string;
  duration_minutes: number;
  rrule: string;
  until_date: string;
  place: string;
  video_url: string;
  exceptions_json: string;
  status: SeriesStatus;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SeriesOccurrenceTable {
  series_id: string;
  occurrence_key: string;
  meeting_id: string;
}

export interface AttendanceRuleTable {
  set_id: string;
  min_present: number;
  note: string;
  updated_at: Timestamp;
}

export interface CalendarFeedTable {
  person_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface NotificationPreferenceTable {
  person_id: string;
  disabled_json: string;
  reminder_offsets_json: string;
  updated_at: Timestamp;
}

export interface NotificationLedgerTable {
  key: string;
  person_id: string;
  meeting_id: string | null;
  kind: string;
  created_at: Timestamp;
}

export interface PollTable {
  id: string;
  host_id: string;
  programme_id: string;
  set_id: string | null;
  title: string;
  purpose: PollPurpose;
  time_zone: string;
  duration_minutes: number;
  pattern_json: string | null;
  until_date: string | null;
  place: string;
  video_url: string;
  status: PollStatus;
  confirmed_option_id: string | null;
  result_json: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PollOptionTable {
  id: string;
  poll_id: string;
  local_start: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  position: number;
}

export interface PollAnswerTable {
  poll_id: string;
  option_id: string;
  person_id: string;
  answer: PollAnswer;
  updated_at: Timestamp;
}

export type { ProgrammeEventKind };

/** A date for everyone in a programme's sets (0008_programme_events). */
export interface ProgrammeEventTable {
  id: string;
  programme_id: string;
  kind: ProgrammeEventKind;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  place: string;
  video_url: string;
  status: ProgrammeEventStatus;
  sequence: number;
  /** The programme-wide poll that decided it, if any. */
  poll_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ApplicationStatus =
  | 'invited'
  | 'submitted'
  | 'accepted'
  | 'waitlisted'
  | 'declined'
  | 'withdrawn';

export interface ApplicationTable {
  id: string;
  programme_id: string;
  person_id: string | null;
  source: 'open-link' | 'invitation' | 'import';
  status: ApplicationStatus;
  invite_token_hash: string | null;
  /**
   * Hash of the private "your application" link sent when the application is submitted; null before
   * (0009_application_status_link). A new submission replaces it.
   */
  status_token_hash: string | null;
  name: string;
  email: string;
  organisation_name: string;
  job_role: string;
  themes_json: string;
  languages_json: string;
  time_zone: string;
  availability_json: string;
  hopes: string;
  must_avoid_json: string;
  as_facilitator: number;
  decided_by: string | null;
  decided_at: Timestamp | null;
  submitted_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConsentTable {
  id: string;
  application_id: string;
  version: string;
  /** The exact wording the applicant agreed to. */
  wording: string;
  given_at: Timestamp;
  withdrawn_at: Timestamp | null;
}

export interface GroundRulesVersionTable {
  id: string;
  set_id: string;
  version: number;
  rules_json: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface GroundRulesAcceptanceTable {
  version_id: string;
  person_id: string;
  accepted_at: Timestamp;
}

export interface FormationRunTable {
  id: string;
  programme_id: string;
  status: 'proposed' | 'published' | 'discarded';
  seed: number;
  input_json: string;
  assignment_json: string;
  notices_json: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

/** A concern proposed for sharing with the programme (0010_concerns). */
export interface ConcernTable {
  id: string;
  programme_id: string;
  set_id: string;
  proposer_id: string;
  statement: string;
  theme_tag: string;
  show_set_name: number;
  status: 'proposed' | 'shared' | 'withdrawn';
  version: number;
  proposed_at: Timestamp;
  consent_by: Timestamp;
  shared_at: Timestamp | null;
  shared_how: 'period' | 'room' | null;
  withdrawn_at: Timestamp | null;
  theme_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConcernObjectionTable {
  concern_id: string;
  person_id: string;
  created_at: Timestamp;
}

export interface ConcernApprovalTable {
  concern_id: string;
  person_id: string;
  meeting_id: string;
  created_at: Timestamp;
}

export interface SetConcernSettingTable {
  set_id: string;
  objection_days: number;
  updated_by: string;
  updated_at: Timestamp;
}

/** The question coach's switch for a set (issue 10); no row: on. */
export interface SetCoachSettingTable {
  set_id: string;
  enabled: number;
  updated_by: string;
  updated_at: Timestamp;
}

/** A person's own switch for the question coach; no row: on. */
export interface PersonCoachSettingTable {
  person_id: string;
  enabled: number;
  updated_at: Timestamp;
}

export interface ConcernThemeTable {
  id: string;
  programme_id: string;
  name: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ThemeVotingTable {
  programme_id: string;
  votes_per_person: number;
  status: 'not-open' | 'open' | 'closed';
  opened_at: Timestamp | null;
  closed_at: Timestamp | null;
  updated_at: Timestamp;
}

/** A voter's votes on one theme; the voter is a keyed hash, never a person id. */
export interface ThemeVoteTable {
  programme_id: string;
  voter_key: string;
  theme_id: string;
  votes: number;
}

/** One erasure: a closed programme's set content, or a person (0013_closing). Never the content itself. */
export interface ErasureLogTable {
  id: string;
  host_id: string;
  kind: 'programme-content' | 'person';
  subject_id: string;
  mode: 'retention' | 'remove' | 'anonymise';
  counts_json: string;
  erased_by: string | null;
  erased_at: Timestamp;
}

/** The host's K for pulses and reviews (0012_feedback). */
export interface FeedbackSettingTable {
  host_id: string;
  min_answers: number;
  updated_at: Timestamp;
}

/** A pulse after a meeting; its author is a keyed hash, never a person id (0012_feedback). */
export interface PulseTable {
  meeting_id: string;
  answer_key: string;
  set_id: string;
  programme_id: string;
  useful: number;
  safe: number;
  comment: string;
}

export interface ReviewTable {
  id: string;
  programme_id: string;
  title: string;
  phase: 'mid' | 'end';
  version: number;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  published_at: Timestamp | null;
  reminded_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReviewVersionTable {
  review_id: string;
  version: number;
  questions_json: string;
  created_at: Timestamp;
}

/** One participant's answers to a review; the respondent is a keyed hash, never a person id. */
export interface ReviewResponseTable {
  review_id: string;
  respondent_key: string;
  version: number;
  answers_json: string;
}

/** An OpenID Connect provider people of the host may sign in with (its secret never leaves the server). */
export interface SsoProviderTable {
  id: string;
  host_id: string;
  slug: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  /** JSON array of lower-case e-mail domains; empty: any. */
  domains: string;
  allow_join: number;
  enabled: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Tables owned by the accounts library (better-auth); created by our own migrations. */
/** The audit trail (0015): append-only; see src/server/audit/. */
export interface AuditEventTable {
  id: string;
  host_id: string | null;
  at: Timestamp;
  actor_person_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  outcome: string;
  ip: string | null;
  /** JSON object of facts; never set content. */
  details: string;
}

export interface AuditSettingTable {
  host_id: string;
  retention_days: number;
  updated_at: Timestamp;
}

export interface AuditPurgeGateTable {
  id: number;
}

export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  twoFactorEnabled: boolean | number | null;
}

/** A plenary workshop of a programme (0011_workshops); dated, it has a programme event of kind 'workshop'. */
export interface WorkshopTable {
  id: string;
  programme_id: string;
  event_id: string | null;
  poll_id: string | null;
  title: string;
  agenda: string;
  facilitator_id: string | null;
  capacity: number | null;
  coming_count: number;
  time_zone: string;
  duration_minutes: number;
  place: string;
  video_url: string;
  notes: string;
  notes_updated_at: Timestamp | null;
  attendance_recorded_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkshopThemeTable {
  workshop_id: string;
  theme_id: string;
  position: number;
}

export interface WorkshopRsvpTable {
  workshop_id: string;
  person_id: string;
  answer: WorkshopRsvpAnswer;
  updated_at: Timestamp;
}

export interface WorkshopAttendanceTable {
  workshop_id: string;
  person_id: string;
  present: number;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface WorkshopMaterialTable {
  id: string;
  workshop_id: string;
  title: string;
  url: string;
  added_by: string;
  created_at: Timestamp;
}

/** A participant's own action from a workshop: private to its owner. */
export interface WorkshopActionTable {
  id: string;
  workshop_id: string;
  owner_id: string;
  text: string;
  due_on: string | null;
  status: WorkshopActionStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  host: HostTable;
  organisation: OrganisationTable;
  person: PersonTable;
  host_admin: HostAdminTable;
  programme: ProgrammeTable;
  programme_coordinator: ProgrammeCoordinatorTable;
  learning_set: LearningSetTable;
  set_membership: SetMembershipTable;
  invitation: InvitationTable;
  mail_outbox: MailOutboxTable;
  meeting: MeetingTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_event: MeetingEventTable;
  problem: ProblemTable;
  problem_version: ProblemVersionTable;
  action: ActionTable;
  question: QuestionTable;
  journal_entry: JournalEntryTable;
  meeting_series: MeetingSeriesTable;
  series_occurrence: SeriesOccurrenceTable;
  attendance_rule: AttendanceRuleTable;
  calendar_feed: CalendarFeedTable;
  notification_preference: NotificationPreferenceTable;
  notification_ledger: NotificationLedgerTable;
  poll: PollTable;
  poll_option: PollOptionTable;
  poll_answer: PollAnswerTable;
  programme_event: ProgrammeEventTable;
  application: ApplicationTable;
  consent: ConsentTable;
  ground_rules_version: GroundRulesVersionTable;
  ground_rules_acceptance: GroundRulesAcceptanceTable;
  formation_run: FormationRunTable;
  concern: ConcernTable;
  concern_objection: ConcernObjectionTable;
  concern_approval: ConcernApprovalTable;
  set_concern_setting: SetConcernSettingTable;
  concern_theme: ConcernThemeTable;
  theme_voting: ThemeVotingTable;
  theme_vote: ThemeVoteTable;
  sso_provider: SsoProviderTable;
  audit_event: AuditEventTable;
  audit_setting: AuditSettingTable;
  audit_purge_gate: AuditPurgeGateTable;
  set_coach_setting: SetCoachSettingTable;
  person_coach_setting: PersonCoachSettingTable;
  erasure_log: ErasureLogTable;
  feedback_setting: FeedbackSettingTable;
  pulse: PulseTable;
  review: ReviewTable;
  review_version: ReviewVersionTable;
  review_response: ReviewResponseTable;
  workshop: WorkshopTable;
  workshop_theme: WorkshopThemeTable;
  workshop_rsvp: WorkshopRsvpTable;
  workshop_attendance: WorkshopAttendanceTable;
  workshop_material: WorkshopMaterialTable;
  workshop_action: WorkshopActionTable;
  user: AuthUserTable;
  session: {
    id: string;
    userId: string;
    token: string;
    expiresAt: Date | string;
    createdAt: Date | string;
    updatedAt: Date | string;
    ipAddress: string | null;
    userAgent: string | null;
  };
  twoFactor: {
    id: string;
    userId: string;
    secret: string;
    backupCodes: string;
    verified: boolean | number | null;
  };
  account: { id: string; userId: string; providerId: string; password: string | null };
  kysely_migration: { name: string; timestamp: string };
}

type CamelName<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelName<Tail>>}`
  : S;
type CamelKeys<T> = { [K in keyof T as CamelName<K & string>]: T[K] };
/** Tables the accounts library and the migrator own: their names are theirs, so only `plain` reads them. */
type ForeignTables = 'user' | 'session' | 'account' | 'twoFactor' | 'kysely_migration';

/** Revans' own tables as services query them: tables and columns in camelCase. */
export type DB = {
  [T in Exclude<keyof Database, ForeignTables> as CamelName<T & string>]: CamelKeys<Database[T]>;
};
