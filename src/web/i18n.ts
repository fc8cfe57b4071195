import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import web from '../i18n/web.en.json';

export const webNamespace = 'web';

/** The web app's i18next instance: English now; French and Spanish catalogues slot in beside it. */
export function createWebI18n(language = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en'],
    resources: { en: { [webNamespace]: web } },
    ns: [webNamespace],
    defaultNS: webNamespace,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  return instance;
}
