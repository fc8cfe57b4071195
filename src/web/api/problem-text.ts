import type { TFunction } from 'i18next';
import { isProblem } from './client.ts';

/**
 * The sentence to show for a failed call: the server's own, already in the reader's language, or ours
 * when the network failed (the browser's own words would be English) or something unexpected did.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (!isProblem(error)) return t('errors.unexpected');
  return error.code === 'network' ? t('errors.network') : error.detail;
}
