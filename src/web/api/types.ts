/** Response shapes of the Revans API, as the server's present.ts files build them. */
import type { SetRole } from '../../domain/access.ts';
import type { ProgrammeStatus, SetMode, SetSizeWarning, SizeBounds } from '../../domain/programme.ts';

export type { Me } from '../../contract/me.ts';
export type { Organisation } from '../../contract/organisations.ts';
export type { AccountStatus, OrganisationRef, Person } from '../../contract/people.ts';
export type { Programme } from '../../contract/programmes.ts';
export type { LearningSet } from '../../contract/sets.ts';
export type { ProgrammeStatus, SetMode, SetRole, SetSizeWarning, SizeBounds };

export type Abilities<A extends string> = Record<A, boolean>;
