/**
 * The closed lists the wire uses. Where a list is a rule of the method (statuses a programme moves
 * through, set modes), the domain owns it and the contract takes it from there.
 */
import { actionsByResource, setRoles } from '../domain/access.ts';
import { programmeStatuses, setModes } from '../domain/programme.ts';
import { type LanguageCode, languages as languageList } from '../i18n/languages.ts';

export { programmeStatuses, setModes, setRoles };

/** Languages people may choose (src/i18n/languages.ts); each has catalogues for the web app, mail and exports. */
export const languages = languageList.map((language) => language.code) as [LanguageCode, ...LanguageCode[]];
export type Language = LanguageCode;

export const accountStatuses = ['active', 'invited', 'not-invited'] as const;

/** A queued mail's state in the outbox: the mailer moves it from pending to sent or failed. */
export const mailStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
/**
 * A mail's status as the outbox shows it: "written" is a mail delivered to a file in the data folder (no
 * SMTP server configured), which no one has received, so it is never called "sent".
 */
export const shownMailStatuses = [...mailStatuses, 'written'] as const;

export const hostActions = actionsByResource.host;
export const personActions = actionsByResource.person;
export const programmeActions = actionsByResource.programme;
export const setActions = actionsByResource.set;
export const problemActions = actionsByResource.problem;
export const actionActions = actionsByResource.action;
export const journalActions = actionsByResource.journal;

/** A meeting is scheduled, live while its room runs, then ended; or cancelled before it starts. */
export const meetingStatuses = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** Whether someone came: expected until the meeting says otherwise, or until they send apologies. */
export const attendanceStatuses = ['expected', 'present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** A journal entry is its author's alone unless shared with the set. */
export const journalVisibilities = ['private', 'set'] as const;
export type JournalVisibility = (typeof journalVisibilities)[number];
