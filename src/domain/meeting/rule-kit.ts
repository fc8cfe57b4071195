/** The small vocabulary the room's rules are written in: limits, field checks and common refusals. */
import {
  type ControlAction,
  type PresenterAction,
  type Refusal,
  type RefusalCode,
  refuse,
  type TextField,
} from './refusals.ts';
import { currentPresenterId, currentStage, hasControls } from './selectors.ts';
import type { MeetingState, StageKind } from './types.ts';

export const textLimits = { short: 500, long: 2000, title: 200 } as const;
export const bidMinutes = { min: 1, max: 240 } as const;
export const extendMinutes = { min: 1, max: 60 } as const;

export type Rule<C> = (state: MeetingState, actorId: string, command: C) => Refusal | null;

export function textError(value: unknown, max: number, field: TextField): Refusal | null {
  if (typeof value !== 'string') return refuse('text.notText', { context: field });
  if (value.trim() === '') return refuse('text.empty', { context: field });
  if (value.length > max) return refuse('text.tooLong', { context: field, max });
  // PostgreSQL cannot store U+0000 in text; refused here rather than failing the log's write.
  if (value.includes('\u0000')) return refuse('text.nulCharacter', { context: field });
  return null;
}

export const optionalText = (value: unknown, max: number, field: TextField) =>
  value === undefined || value === null || value === '' ? null : textError(value, max, field);

export const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
export const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function dateError(value: unknown): Refusal | null {
  if (value === undefined || value === null) return null;
  const valid =
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    Number.isFinite(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  return valid ? null : refuse('dueDateInvalid');
}

/** Only the chair, or in a facilitated set also the facilitator (the sentence's "facilitated" variant). */
export function controls(state: MeetingState, actorId: string, action: ControlAction): Refusal | null {
  if (hasControls(state, actorId)) return null;
  return refuse(
    `controls.${action}`,
    state.setup.mode === 'facilitated' ? { context: 'facilitated' } : undefined,
  );
}

export function inStage(state: MeetingState, kinds: StageKind[], code: RefusalCode): Refusal | null {
  const stage = currentStage(state);
  return stage && kinds.includes(stage.key) ? null : refuse(code);
}

/** The presenter on the floor, acting on their own turn. */
export function presenterOnly(state: MeetingState, actorId: string, action: PresenterAction): Refusal | null {
  const presenterId = currentPresenterId(state);
  if (presenterId === null) return refuse('nobodyPresenting');
  return presenterId === actorId ? null : refuse(`presenterOnly.${action}`);
}
