/** The small vocabulary the room's rules are written in: limits, field checks and common refusals. */
import { currentPresenterId, currentStage, hasControls } from './selectors.ts';
import type { MeetingState, StageKind } from './types.ts';

export const textLimits = { short: 500, long: 2000, title: 200 } as const;
export const bidMinutes = { min: 1, max: 240 } as const;
export const extendMinutes = { min: 1, max: 60 } as const;

export type Rule<C> = (state: MeetingState, actorId: string, command: C) => string | null;

export function textError(value: unknown, max: number, what: string): string | null {
  if (typeof value !== 'string') return `${what} must be text.`;
  if (value.trim() === '') return `${what} cannot be empty.`;
  if (value.length > max) return `${what} can be at most ${max} characters long.`;
  return null;
}

export const optionalText = (value: unknown, max: number, what: string) =>
  value === undefined || value === null || value === '' ? null : textError(value, max, what);

export const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
export const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function dateError(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const valid =
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    Number.isFinite(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  return valid ? null : 'A due date must be a real date written like 2025-03-31.';
}

export function controls(state: MeetingState, actorId: string, what: string): string | null {
  if (hasControls(state, actorId)) return null;
  const who = state.setup.mode === 'facilitated' ? 'the facilitator or the chair' : 'the chair';
  return `Only ${who} can ${what}.`;
}

export function inStage(state: MeetingState, kinds: StageKind[], refusal: string): string | null {
  const stage = currentStage(state);
  return stage && kinds.includes(stage.key) ? null : refusal;
}

/** The presenter on the floor, acting on their own turn. */
export function presenterOnly(state: MeetingState, actorId: string, what: string): string | null {
  const presenterId = currentPresenterId(state);
  if (presenterId === null) return 'Nobody is presenting right now.';
  return presenterId === actorId ? null : `Only the presenter can ${what}.`;
}
