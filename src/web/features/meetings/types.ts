/** Response shapes of the meetings, problems, actions and journal API, as the server's present code builds them. */
import type { SetAction } from '../../../domain/access.ts';
import type { AgendaStage } from '../../../domain/meeting/agenda.ts';
import type { IntakeAnswers, IntakeCheck, ProblemKind, ProblemStatus } from '../../../domain/problems.ts';
import type { Abilities, SetRole } from '../../api/types.ts';

export type MeetingStatus = 'scheduled' | 'live' | 'ended' | 'cancelled';
export type AttendanceStatus = 'expected' | 'present' | 'apologies' | 'absent';

export interface AttendanceEntry {
  personId: string;
  name: string;
  role: SetRole;
  status: AttendanceStatus;
  /** Set content: only members and the facilitator of the set receive it. */
  apologyNote?: string;
}

export interface Meeting {
  id: string;
  setId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** Wall-clock start and end in the meeting's own zone, YYYY-MM-DDTHH:mm. */
  localStart: string;
  localEnd: string;
  place: string;
  videoUrl: string;
  status: MeetingStatus;
  sequence: number;
  agenda: AgendaStage[];
  attendance: AttendanceEntry[];
  expectedCount: number;
  abilities: Abilities<SetAction>;
}

export interface ProblemVersion {
  id: string;
  statement: string;
  meetingId: string | null;
  at: string;
}

export interface ProblemItem {
  id: string;
  setId: string;
  owner: { id: string; name: string };
  title: string;
  story: string;
  kind: ProblemKind;
  status: ProblemStatus;
  intake: IntakeAnswers;
  intakeConcerns: IntakeCheck[];
  /** The latest statement: the last reframe, or the story as first told. */
  statement: string;
  history: ProblemVersion[];
  createdAt: string;
  abilities: Record<string, boolean>;
}

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
