import type { Generated } from 'kysely';

/** Timestamps in Revans' own tables are ISO 8601 UTC strings, identical on SQLite and PostgreSQL. */
type Timestamp = string;

export interface HostTable {
  id: string;
  name: string;
  default_time_zone: string;
  default_language: string;
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
}

export interface HostAdminTable {
  host_id: string;
  person_id: string;
  created_at: Timestamp;
}

export type ProgrammeStatus = 'draft' | 'recruiting' | 'forming' | 'running' | 'closed';

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
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeCoordinatorTable {
  programme_id: string;
  person_id: string;
  created_at: Timestamp;
}

export type SetMode = 'facilitated' | 'self_facilitated';

export interface LearningSetTable {
  id: string;
  programme_id: string;
  name: string;
  theme: string;
  mode: SetMode;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SetRole = 'member' | 'facilitator';

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
}

/** Tables owned by the accounts library (better-auth); created by our own migrations. */
export interface AuthUserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean | number;
  image: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
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
  user: AuthUserTable;
  session: { id: string; userId: string; token: string; expiresAt: Date | string };
  account: { id: string; userId: string; providerId: string; password: string | null };
  kysely_migration: { name: string; timestamp: string };
  revans_meta: { key: string; value: string; id: Generated<number> };
}
