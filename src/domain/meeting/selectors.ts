/** Read-only questions about a meeting's setup and state, shared by the rules, the reducer and the UI. */
import type {
  AgendaStage,
  MeetingSetup,
  MeetingState,
  OpenProblem,
  Participant,
  PresenterTurn,
} from './types.ts';

export function participantOf(setup: MeetingSetup, personId: string): Participant | undefined {
  return setup.participants.find((p) => p.personId === personId);
}

/** Only the set's members and its facilitators may join or see the room: never coordinators or admins. */
export function isParticipant(setup: MeetingSetup, personId: string): boolean {
  return participantOf(setup, personId) !== undefined || setup.facilitatorIds.includes(personId);
}

export function isFacilitator(setup: MeetingSetup, personId: string): boolean {
  return setup.facilitatorIds.includes(personId) || participantOf(setup, personId)?.role === 'facilitator';
}

export function isMember(setup: MeetingSetup, personId: string): boolean {
  return participantOf(setup, personId)?.role === 'member' && !setup.facilitatorIds.includes(personId);
}

export function nameOf(setup: MeetingSetup, personId: string): string {
  return participantOf(setup, personId)?.name ?? 'Someone outside the set';
}

/** The facilitator's controls (stages, timer, order, chair) belong to every facilitator and to the chair. */
export function hasControls(state: MeetingState, personId: string): boolean {
  return state.chairId === personId || isFacilitator(state.setup, personId);
}

export function initialChair(setup: MeetingSetup): string | null {
  if (setup.chairId !== undefined) return setup.chairId;
  return setup.mode === 'facilitated' ? (setup.facilitatorIds[0] ?? null) : null;
}

export function currentStage(state: MeetingState): AgendaStage | null {
  return state.stageIndex === null ? null : (state.setup.agenda[state.stageIndex] ?? null);
}

export function currentPresenterId(state: MeetingState): string | null {
  return state.presenterIndex === null ? null : (state.presenterOrder[state.presenterIndex] ?? null);
}

export function turnOf(state: MeetingState, presenterId: string): PresenterTurn | undefined {
  return state.turns.find((t) => t.presenterId === presenterId);
}

export function currentTurn(state: MeetingState): PresenterTurn | undefined {
  const presenterId = currentPresenterId(state);
  return presenterId === null ? undefined : turnOf(state, presenterId);
}

/** A person's problems they may present: those open before the meeting and any they brought in it. */
export function problemsOf(state: MeetingState, personId: string): OpenProblem[] {
  const brought = state.turns
    .filter((t) => t.presenterId === personId && t.newProblem)
    .map((t) => ({ ...t.newProblem!, ownerId: personId }));
  return [...state.setup.problems.filter((p) => p.ownerId === personId), ...brought];
}

/** The problem statement as it stands now: the latest reframe, or the statement brought in. */
export function currentStatement(state: MeetingState, problemId: string): string | null {
  for (const turn of state.turns) {
    const last = turn.reframes.filter((r) => r.problemId === problemId).at(-1);
    if (last) return last.statement;
  }
  const problem =
    state.setup.problems.find((p) => p.problemId === problemId) ??
    state.turns.find((t) => t.newProblem?.problemId === problemId)?.newProblem;
  return problem?.statement ?? null;
}

/** Own-property lookup, so an id such as "__proto__" never reaches Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
