/** Programme and set rules shared by server and web. */

export const programmeStatuses = ['draft', 'recruiting', 'forming', 'running', 'closed'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

export const setModes = ['facilitated', 'self_facilitated'] as const;
export type SetMode = (typeof setModes)[number];

/** METHOD.md: 6-8 is the default; 4 is the workable minimum; 12-14 only for peer-advisory forums. */
export const defaultSetSize = { min: 6, max: 8 } as const;
export const setSizeLimits = { min: 2, max: 14 } as const;

export interface SizeBounds {
  min: number;
  max: number;
}

export const setSizeWarningKinds = ['too-small', 'too-large'] as const;
export type SetSizeWarning = {
  kind: (typeof setSizeWarningKinds)[number];
  members: number;
  bounds: SizeBounds;
} | null;

/** A set outside its programme's bounds is allowed but flagged: organisers sometimes need it for a while. */
export function setSizeWarning(members: number, bounds: SizeBounds): SetSizeWarning {
  if (members < bounds.min) return { kind: 'too-small', members, bounds };
  if (members > bounds.max) return { kind: 'too-large', members, bounds };
  return null;
}

export function validSizeBounds(bounds: SizeBounds): string | null {
  if (bounds.min < setSizeLimits.min || bounds.max > setSizeLimits.max) {
    return `Set sizes must lie between ${setSizeLimits.min} and ${setSizeLimits.max} people.`;
  }
  if (bounds.min > bounds.max) return 'The smallest set size cannot be larger than the largest.';
  return null;
}

/** A programme's period: the end may not come before the start. Dates are YYYY-MM-DD. */
export function validPeriod(startsOn: string | null, endsOn: string | null): string | null {
  if (startsOn && endsOn && endsOn < startsOn) return 'The programme cannot end before it starts.';
  return null;
}
