/** Response shapes of the meetings, problems, actions and journal API, as the server's present code builds them. */

export type { Meeting } from '../../../contract/meetings.ts';

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
