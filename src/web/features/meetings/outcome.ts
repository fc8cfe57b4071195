import type { ActionOutcome } from '../../../domain/meeting/types.ts';
import type { Tone } from '../../ui/Badge.tsx';

/** How an action's report-back outcome is coloured, in the room and in the meeting record alike. */
export const outcomeTone: Record<ActionOutcome, Tone> = {
  done: 'success',
  partly: 'info',
  'not-done': 'warning',
  dropped: 'neutral',
};
