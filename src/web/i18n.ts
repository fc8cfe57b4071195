import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage } from '../i18n/languages.ts';

export const webNamespace = 'web';

type Catalogue = Record<string, unknown>;

/**
 * Every web catalogue present (`src/i18n/web.<code>.json`), each its own chunk fetched only when its
 * language is used: a reader of English does not download French, and no language sits in the code
 * every page starts with. A new catalogue file is picked up at the next build.
 */
const catalogueFiles = import.meta.glob<Catalogue>('../i18n/web.*.json', { import: 'default' });

const codeOf = (file: string) => /web\.([\w-]+)\.json$/.exec(file)?.[1] ?? '';
const loaders = new Map(Object.entries(catalogueFiles).map(([file, load]) => [codeOf(file), load]));

/** The languages whose web catalogue exists, e.g. ['ar', 'en', 'es', 'fr']. */
export const catalogueLanguages: readonly string[] = [...loaders.keys()].sort();

const loaded = new Map<string, Catalogue>();
const pending = new Map<string, Promise<Catalogue>>();

function fetchCatalogue(code: string): Promise<Catalogue> {
  const ready = loaded.get(code);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(code);
  if (!promise) {
    const load = loaders.get(code);
    if (!load) return Promise.reject(new Error(`There is no web catalogue for "${code}".`));
    promise = load().then((catalogue) => {
      loaded.set(code, catalogue);
      pending.delete(code);
      return catalogue;
    });
    pending.set(code, promise);
  }
  return promise;
}

/** A language with a catalogue, else the default (English). */
export const supportedLanguage = (code: string | null | undefined): string =>
  code && loaders.has(code) ? code : defaultLanguage;

/**
 * Fetches a language's catalogue (and English, the fallback for any key not yet translated) and, given an
 * instance, adds them to it and switches it to that language. Call before the first render, and again to
 * change language: the page never shows raw keys while a catalogue is on its way.
 */
export async function loadLanguage(code: string, instance?: i18n): Promise<string> {
  const language = supportedLanguage(code);
  const [fallback, catalogue] = await Promise.all([
    fetchCatalogue(defaultLanguage),
    fetchCatalogue(language),
  ]);
  if (instance) {
    if (!instance.hasResourceBundle(defaultLanguage, webNamespace))
      instance.addResourceBundle(defaultLanguage, webNamespace, fallback);
    if (!instance.hasResourceBundle(language, webNamespace))
      instance.addResourceBundle(language, webNamespace, catalogue);
    if (instance.language !== language) await instance.changeLanguage(language);
  }
  return language;
}

/**
 * The web app's i18next instance, holding the catalogues loaded so far (see loadLanguage): the app awaits
 * `loadLanguage(lng)` before creating it; tests have English loaded by their setup file.
 */
export function createWebI18n(language: string = defaultLanguage): i18n {
  const instance = i18next.createInstance();
  const lng = loaded.has(language) ? language : defaultLanguage;
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: defaultLanguage,
    supportedLngs: catalogueLanguages,
    resources: Object.fromEntries(
      [...loaded].map(([code, catalogue]) => [code, { [webNamespace]: catalogue }]),
    ),
    ns: [webNamespace],
    defaultNS: webNamespace,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  instance.on('languageChanged', (changed) => {
    if (typeof document !== 'undefined') document.documentElement.lang = changed;
  });
  return instance;
}
