/** Response shapes of the meetings, problems, actions and journal API, as the server's present code builds them. */

export type { Meeting } from '../../../contract/meetings.ts';

export type ActionStatus = 'open' | 'done' | 'partly' | 'not-done' | 'dropped';

export interface ActionItem {
  id: string;
  text: string;
  dueOn: string | null;
  status: ActionStatus;
  outcomeNote: string;
  owner: { id: string; name: string };
  set: { id: string; name: string };
  programme: { id: string; name: string };
  problemId: string | null;
  meetingId: string | null;
  reportedInMeetingId: string | null;
  createdAt: string;
  abilities: Record<string, boolean>;
}

export const journalPrompts = ['myProblem', 'othersProblems', 'theSet', 'myself', 'myActions'] as const;
export type JournalPrompt = (typeof journalPrompts)[number];

export interface JournalEntry {
  id: string;
  author: { id: string; name: string };
  setId: string;
  meetingId: string | null;
  answers: Partial<Record<JournalPrompt, string>>;
  visibility: 'private' | 'set';
  createdAt: string;
  updatedAt: string;
  abilities: Record<string, boolean>;
}
