/** Response shapes of the Revans API, as the server's present.ts files build them. */
import type { OrganisationRef } from '../../contract/people.ts';
import type { ProgrammeAction, SetAction, SetRole } from '../../domain/access.ts';
import type { ProgrammeStatus, SetMode, SetSizeWarning, SizeBounds } from '../../domain/programme.ts';

export type { Me } from '../../contract/me.ts';
export type { Organisation } from '../../contract/organisations.ts';
export type { AccountStatus, OrganisationRef, Person } from '../../contract/people.ts';
export type { ProgrammeStatus, SetMode, SetRole, SetSizeWarning, SizeBounds };

export type Abilities<A extends string> = Record<A, boolean>;

export interface Programme {
  id: string;
  hostId: string;
  name: string;
  purpose: string;
  theme: string;
  startsOn: string | null;
  endsOn: string | null;
  status: ProgrammeStatus;
  setSize: SizeBounds;
  meetingCadence: string;
  participation: string;
  /** The statuses this programme may step to now (running only by publishing sets). */
  nextStatuses: ProgrammeStatus[];
  archived: boolean;
  abilities: Abilities<ProgrammeAction>;
  coordinators?: { personId: string; name: string }[];
}

export interface RosterEntry {
  personId: string;
  name: string;
  role: SetRole;
  jobRole: string;
  organisation: OrganisationRef | null;
  email?: string;
  hasAccount?: boolean;
}

export interface RosterWarning {
  kind: 'facilitator-same-organisation' | 'shared-organisation';
  people: string[];
}

export interface LearningSet {
  id: string;
  name: string;
  theme: string;
  mode: SetMode;
  archived: boolean;
  programme: { id: string; name: string; setSize: SizeBounds };
  roster: RosterEntry[];
  memberCount: number;
  sizeWarning: SetSizeWarning;
  warnings: RosterWarning[];
  abilities: Abilities<SetAction>;
}
