import { type Actor, abilitiesFor, can, type PersonResource } from '../../../domain/access.ts';

export interface PersonRow {
  id: string;
  host_id: string;
  user_id: string | null;
  name: string;
  email: string;
  organisation_id: string | null;
  organisation_name: string | null;
  job_role: string;
  time_zone: string;
  language: string;
  archived_at: string | null;
}

export type AccountStatus = 'active' | 'invited' | 'not-invited';

/** Presents a person to one viewer: contact details and account state only to those the access map allows. */
export function presentPerson(
  viewer: Actor,
  row: PersonRow,
  resource: PersonResource,
  extra: { status?: AccountStatus; hostAdmin?: boolean } = {},
) {
  const contact = can(viewer, 'person.readContact', resource);
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name ?? '' } : null,
    jobRole: row.job_role,
    timeZone: row.time_zone,
    language: row.language,
    archived: row.archived_at !== null,
    ...(contact
      ? {
          email: row.email,
          status: extra.status ?? (row.user_id ? 'active' : 'not-invited'),
          hostAdmin: extra.hostAdmin ?? false,
        }
      : {}),
    abilities: abilitiesFor(viewer, resource),
  };
}
