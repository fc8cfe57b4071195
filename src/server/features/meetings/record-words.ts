import type { i18n } from 'i18next';
import type { RecordWords } from '../../../domain/meeting/record-outline.ts';

/** The exports' words: the server's record catalogue (src/i18n/record.en.json) in one language. */
export function recordWords(i18n: i18n, language = 'en'): RecordWords {
  const t = i18n.getFixedT(language, 'record');
  const names = new Intl.ListFormat(language, { type: 'conjunction' });
  return { t: (key, values) => t(key, values ?? {}), list: (items) => names.format(items) };
}
