import type { i18n } from 'i18next';
import type { Refusal } from '../../domain/meeting/refusals.ts';

/**
 * A room refusal as a sentence from the server's catalogues (the same `meeting.refusal` entries the web
 * room shows), for clients that do not render the code themselves. English unless told otherwise.
 */
export function refusalSentence(i18n: i18n, refusal: Refusal, language = 'en'): string {
  return i18n.getFixedT(language, 'web')(`meeting.refusal.${refusal.code}`, refusal.params ?? {});
}
