/**
 * The closed lists the wire uses. Where a list is a rule of the method (statuses a programme moves
 * through, set modes), the domain owns it and the contract takes it from there.
 */
import { actionsByResource, setRoles } from '../domain/access.ts';
import { programmeStatuses, setModes } from '../domain/programme.ts';

export { programmeStatuses, setModes, setRoles };

/** Languages people may choose; each has catalogues for the web app, mail and exports. */
export const languages = ['en', 'fr', 'es'] as const;
export type Language = (typeof languages)[number];

export const accountStatuses = ['active', 'invited', 'not-invited'] as const;

export const hostActions = actionsByResource.host;
export const personActions = actionsByResource.person;
export const programmeActions = actionsByResource.programme;
export const setActions = actionsByResource.set;
