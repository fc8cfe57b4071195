import i18next, { type i18n } from 'i18next';
import mailEn from './mail.en.json' with { type: 'json' };
import recordEn from './record.en.json' with { type: 'json' };
import webEn from './web.en.json' with { type: 'json' };

export const supportedLanguages = ['en'] as const;

/**
 * One i18next instance for mails and other server-rendered text (record exports, room refusals for
 * clients that do not translate); the web app loads the same web catalogue.
 */
export async function createServerI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...supportedLanguages],
    resources: { en: { mail: mailEn, record: recordEn, web: webEn } },
    defaultNS: 'mail',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
