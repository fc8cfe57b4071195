/**
 * The live set meeting as data: what the server knows before it starts (setup), what a client may ask
 * (commands), what the log holds (events) and what everyone folds them into (state).
 */
import type { SetRole } from '../access.ts';
import type { SetMode } from '../programme.ts';
import type { AgendaStage, PresenterStep, PresenterStepPlan, StageKind } from './agenda.ts';
import type { Refusal } from './refusals.ts';
import type { TimerState } from './timer.ts';

export type { AgendaStage, PresenterStep, PresenterStepPlan, StageKind };
/** A meeting runs as its set does: with a facilitator, or chaired by the members in turn. */
export type MeetingMode = SetMode;
export type ParticipantRole = SetRole;

export interface Participant {
  personId: string;
  name: string;
  role: ParticipantRole;
}

/** An action carried over from an earlier meeting, to be reported on. */
export interface OpenAction {
  actionId: string;
  ownerId: string;
  text: string;
  dueOn: string | null;
}

/** A member's open problem, which they may choose to present. */
export interface OpenProblem {
  problemId: string;
  ownerId: string;
  title: string;
  statement: string;
}

export interface MeetingSetup {
  meetingId: string;
  setId: string;
  mode: MeetingMode;
  facilitatorIds: string[];
  participants: Participant[];
  agenda: AgendaStage[];
  presenterCycle: PresenterStepPlan[];
  groundRules: string[];
  openActions: OpenAction[];
  problems: OpenProblem[];
  /** Who chairs when the meeting opens; defaults to the first facilitator, or nobody in a self-facilitated set. */
  chairId?: string | null;
}

export const actionOutcomes = ['done', 'partly', 'not-done', 'dropped'] as const;
export type ActionOutcome = (typeof actionOutcomes)[number];
export const bidUrgencies = ['low', 'medium', 'high'] as const;
export type BidUrgency = (typeof bidUrgencies)[number];

/** Everything a client may send. Presence commands are sent by the server on the person's behalf. */
export type MeetingCommand =
  | { type: 'presence.join' }
  | { type: 'presence.leave' }
  | { type: 'meeting.start' }
  | { type: 'meeting.end' }
  | { type: 'stage.goto'; index: number }
  | { type: 'presenter.order'; personIds: string[] }
  | { type: 'presenter.goto'; index: number; step: PresenterStep }
  /** Ends the turn on the floor without starting another, e.g. to hand the chair back between turns. */
  | { type: 'presenter.end' }
  | { type: 'timer.pause' }
  | { type: 'timer.resume' }
  | { type: 'timer.extend'; minutes: number }
  | { type: 'timer.reset' }
  | { type: 'chair.handover'; toPersonId: string }
  | { type: 'chair.claim' }
  | { type: 'scribe.assign'; personId: string | null }
  | { type: 'rules.show'; shown: boolean }
  | { type: 'hand.raise' }
  | { type: 'hand.lower' }
  | { type: 'hand.clear'; personId: string }
  | { type: 'checkin.say'; text: string }
  | { type: 'checkout.say'; text: string; usefulness?: number | null }
  | { type: 'report.outcome'; actionId: string; outcome: ActionOutcome; learned?: string | null }
  | {
      type: 'bid.place';
      minutes: number;
      urgency: BidUrgency;
      reason?: string | null;
      problemId?: string | null;
    }
  | { type: 'bid.withdraw' }
  | { type: 'problem.choose'; problemId: string }
  | { type: 'problem.new'; title: string; statement: string }
  | { type: 'problem.reframe'; statement: string }
  /** askedBy: a scribe records questions others ask; everyone else asks for themselves. */
  | { type: 'question.add'; text: string; askedBy?: string | null }
  | { type: 'question.edit'; questionId: string; text: string }
  | { type: 'question.remove'; questionId: string }
  | { type: 'question.mark'; questionId: string; struckHome: boolean }
  | { type: 'action.add'; text: string; dueOn?: string | null }
  | { type: 'action.edit'; actionId: string; text: string; dueOn?: string | null }
  | { type: 'action.remove'; actionId: string }
  | { type: 'feedback.give'; text: string }
  | { type: 'review.note'; text: string }
  | { type: 'review.remove'; noteId: string };

export type MeetingCommandType = MeetingCommand['type'];
export type CommandOf<T extends MeetingCommandType> = Extract<MeetingCommand, { type: T }>;
/** The commands about the turn of the presenter on the floor. */
export type TurnCommandType = Extract<
  MeetingCommandType,
  `problem.${string}` | `question.${string}` | `action.${string}` | 'feedback.give'
>;

export interface MeetingEvent {
  seq: number;
  /** Server time, ISO 8601: the only clock the meeting knows. */
  at: string;
  actorId: string;
  command: MeetingCommand;
  /** Ids the server assigned to what the command creates (see `idsNeeded`), so replay is deterministic. */
  ids?: Record<string, string>;
}

export interface Question {
  questionId: string;
  text: string;
  askedBy: string;
  /** Who typed it: the asker, or the scribe on their behalf. */
  recordedBy: string;
  step: 'clarifying' | 'questioning';
  struckHome: boolean;
  at: string;
}

export interface MeetingAction {
  actionId: string;
  ownerId: string;
  text: string;
  dueOn: string | null;
  recordedBy: string;
  at: string;
}

export interface Reframe {
  reframeId: string;
  problemId: string;
  statement: string;
  at: string;
}

export interface NewProblem {
  problemId: string;
  title: string;
  statement: string;
  at: string;
}

export interface PresenterTurn {
  presenterId: string;
  problemId: string | null;
  /** A problem the presenter first brought in this meeting. */
  newProblem: NewProblem | null;
  reframes: Reframe[];
  questions: Question[];
  actions: MeetingAction[];
  feedback: string | null;
  stepsVisited: PresenterStep[];
  /** Time on the floor, summed over every stretch this presenter had it. */
  airtimeMs: number;
  /** Epoch ms (server time) since when the presenter holds the floor; null when they do not. */
  floorSinceMs: number | null;
  startedAt: string;
}

export interface Bid {
  minutes: number;
  urgency: BidUrgency;
  reason: string | null;
  problemId: string | null;
  at: string;
}

export interface ReportBack {
  outcome: ActionOutcome;
  learned: string | null;
  at: string;
}

export interface CheckOut {
  text: string;
  usefulness: number | null;
}

export interface ReviewNote {
  noteId: string;
  authorId: string;
  text: string;
  at: string;
}

export type MeetingStatus = 'not-started' | 'live' | 'ended';

export interface MeetingState {
  setup: MeetingSetup;
  status: MeetingStatus;
  startedAt: string | null;
  endedAt: string | null;
  /** Index into setup.agenda; null before the start and after the end. */
  stageIndex: number | null;
  /** Index into presenterOrder of the presenter on the floor; null when nobody is. */
  presenterIndex: number | null;
  step: PresenterStep | null;
  stagesVisited: { index: number; key: StageKind; at: string }[];
  chairId: string | null;
  scribeId: string | null;
  /** Who is here now, in order of arrival. */
  present: string[];
  /** Everyone who joined before the meeting ended, in order of first arrival. */
  attendance: string[];
  /** The speaking queue: raised hands, first raised first. */
  hands: string[];
  groundRulesShown: boolean;
  timer: TimerState;
  checkIns: Record<string, string>;
  checkOuts: Record<string, CheckOut>;
  /** By actionId of setup.openActions. */
  reportBacks: Record<string, ReportBack>;
  /** By personId. */
  bids: Record<string, Bid>;
  presenterOrder: string[];
  /** One per presenter who took the floor, in order of first taking it. */
  turns: PresenterTurn[];
  reviewNotes: ReviewNote[];
  lastSeq: number;
}

export type Verdict = { ok: true } | { ok: false; refusal: Refusal };
