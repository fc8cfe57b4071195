import type { Language } from '../../../contract/enums.ts';
import type { AccountStatus, Person } from '../../../contract/people.ts';
import { type Actor, abilitiesFor, can, type PersonResource } from '../../../domain/access.ts';

/** A person's row with their organisation's name, as `personQuery` reads it. */
export interface PersonRow {
  id: string;
  hostId: string;
  userId: string | null;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  jobRole: string;
  timeZone: string;
  language: string;
  archivedAt: string | null;
  mayStartProgrammes?: number;
}

/** Presents a person to one viewer: contact details and account state only to those the access map allows. */
export function presentPerson(
  viewer: Actor,
  row: PersonRow,
  resource: PersonResource,
  extra: { status?: AccountStatus; hostAdmin?: boolean } = {},
): Person {
  const contact = can(viewer, 'person.readContact', resource);
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisationId ? { id: row.organisationId, name: row.organisationName ?? '' } : null,
    jobRole: row.jobRole,
    timeZone: row.timeZone,
    // Only ever written through the contract's language field (or a host's default, written the same way).
    language: row.language as Language,
    archived: row.archivedAt !== null,
    ...(contact
      ? {
          email: row.email,
          status: extra.status ?? (row.userId ? 'active' : 'not-invited'),
          hostAdmin: extra.hostAdmin ?? false,
          mayStartProgrammes: Number(row.mayStartProgrammes) === 1,
        }
      : {}),
    abilities: abilitiesFor(viewer, resource),
  };
}
