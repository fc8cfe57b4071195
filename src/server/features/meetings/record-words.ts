import type { i18n } from 'i18next';
import type { RecordWords } from '../../../domain/meeting/record-outline.ts';
import { formatDate, formatTime, zoneName } from '../../../domain/time/format.ts';

/**
 * The exports' words: the server's record catalogue (src/i18n/record.en.json) in one language, and its
 * times in the reader's own zone (the one time rule, src/domain/time/format.ts).
 */
export function recordWords(i18n: i18n, language = 'en', timeZone = 'UTC'): RecordWords {
  const t = i18n.getFixedT(language, 'record');
  const names = new Intl.ListFormat(language, { type: 'conjunction' });
  const viewer = { language, timeZone };
  return {
    t: (key, values) => t(key, values ?? {}),
    list: (items) => names.format(items),
    moment: (iso) => ({
      date: formatDate(iso, viewer),
      time: formatTime(iso, viewer),
      zone: zoneName(timeZone, language, iso),
    }),
  };
}
