import type { TFunction } from 'i18next';
import type { Refusal } from '../../../../domain/meeting/refusals.ts';

/** The room's refusal in the reader's language: `meeting.refusal.<code>`, with its values. */
export function refusalText(t: TFunction, refusal: Refusal): string {
  return t(`meeting.refusal.${refusal.code}`, refusal.params ?? {});
}
