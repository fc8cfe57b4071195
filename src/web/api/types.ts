/** Response shapes of the Revans API, as the server's present.ts files build them. */
import type { HostAction, PersonAction, SetRole } from '../../domain/access.ts';
import type { ProgrammeStatus, SetMode, SetSizeWarning, SizeBounds } from '../../domain/programme.ts';

export type { Organisation } from '../../contract/organisations.ts';
export type { Programme } from '../../contract/programmes.ts';
export type { LearningSet } from '../../contract/sets.ts';
export type { ProgrammeStatus, SetMode, SetRole, SetSizeWarning, SizeBounds };

export type Abilities<A extends string> = Record<A, boolean>;
export type Language = 'en' | 'fr' | 'es';
export type AccountStatus = 'active' | 'invited' | 'not-invited';

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface Person {
  id: string;
  name: string;
  organisation: OrganisationRef | null;
  jobRole: string;
  timeZone: string;
  language: Language;
  archived: boolean;
  /** Contact details and account state: only for viewers allowed to see them. */
  email?: string;
  status?: AccountStatus;
  hostAdmin?: boolean;
  abilities: Abilities<PersonAction>;
}

export interface Host {
  id: string;
  name: string;
  defaultTimeZone: string;
  defaultLanguage: Language;
}

export interface Me {
  person: Person;
  host: Host;
  hostAdmin: boolean;
  abilities: Abilities<HostAction>;
  sets: {
    id: string;
    name: string;
    mode: SetMode;
    role: SetRole;
    archived: boolean;
    programme: { id: string; name: string };
  }[];
  coordinates: { id: string; name: string; status: ProgrammeStatus }[];
}

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface MailSummary {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface MailOutbox {
  delivery: 'smtp' | 'files';
  mails: MailSummary[];
}

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: MailStatus;
  text: string;
  /** How many parts only the recipient reads: set content, and links that act for the recipient. */
  withheld: { setContent: number; privateLinks: number };
  createdAt: string;
  sentAt: string | null;
}

export interface InvitationInfo {
  name: string;
  email: string;
  hostName: string;
  expiresAt: string;
}
