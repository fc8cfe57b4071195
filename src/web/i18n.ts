import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, textDirection } from '../i18n/languages.ts';

export const webNamespace = 'web';

type Catalogue = Record<string, unknown>;
type Part = 'core' | 'rest';

/**
 * Every web catalogue present (`src/i18n/web.<code>.json`), each its own chunks fetched only when its
 * language is used: a reader of English does not download French, and no language sits in the code every
 * page starts with. Each comes in two parts (src/web/i18n-core.ts): the words of the first page (shell,
 * sign-in, home), then the rest with the first other page. A new catalogue file is picked up at the next
 * build.
 */
const files: Record<Part, Record<string, () => Promise<Catalogue>>> = {
  core: import.meta.glob<Catalogue>('../i18n/web.*.json', { query: '?core', import: 'default' }),
  rest: import.meta.glob<Catalogue>('../i18n/web.*.json', { query: '?rest', import: 'default' }),
};

const codeOf = (file: string) => /web\.([\w-]+)\.json/.exec(file)?.[1] ?? '';
const loaders: Record<Part, Map<string, () => Promise<Catalogue>>> = {
  core: new Map(Object.entries(files.core).map(([file, load]) => [codeOf(file), load])),
  rest: new Map(Object.entries(files.rest).map(([file, load]) => [codeOf(file), load])),
};

/** The languages whose web catalogue exists, e.g. ['ar', 'en', 'es', 'fr']. */
export const catalogueLanguages: readonly string[] = [...loaders.core.keys()].sort();

const fetched = new Map<string, Promise<Catalogue>>();
const loaded = new Map<string, Catalogue>();

function fetchPart(code: string, part: Part): Promise<Catalogue> {
  const key = `${code}:${part}`;
  let promise = fetched.get(key);
  if (!promise) {
    const load = loaders[part].get(code);
    if (!load) return Promise.reject(new Error(`There is no web catalogue for "${code}".`));
    promise = load().then((catalogue) => {
      loaded.set(key, catalogue);
      return catalogue;
    });
    // A failed fetch (offline) may be tried again.
    promise.catch(() => fetched.delete(key));
    fetched.set(key, promise);
  }
  return promise;
}

/** A language with a catalogue, else the default (English). */
export const supportedLanguage = (code: string | null | undefined): string =>
  code && loaders.core.has(code) ? code : defaultLanguage;

/** The instance the app renders with, which the rest of the catalogue joins when it arrives. */
let appInstance: i18n | undefined;
let restWanted = false;

async function addParts(instance: i18n, language: string, parts: readonly Part[]): Promise<void> {
  const codes = language === defaultLanguage ? [language] : [defaultLanguage, language];
  const wanted = codes.flatMap((code) => parts.map((part) => ({ code, part })));
  const catalogues = await Promise.all(wanted.map(({ code, part }) => fetchPart(code, part)));
  wanted.forEach(({ code }, i) => {
    instance.addResourceBundle(code, webNamespace, catalogues[i], true, true);
  });
}

/**
 * Fetches a language's catalogue (and English, the fallback for any key not yet translated) and, given an
 * instance, adds it and switches the instance to that language. Call before the first render, and again
 * to change language: the page never shows raw keys while a catalogue is on its way.
 */
export async function loadLanguage(code: string, instance?: i18n): Promise<string> {
  const language = supportedLanguage(code);
  const parts: Part[] = restWanted ? ['core', 'rest'] : ['core'];
  if (instance) {
    await addParts(instance, language, parts);
    if (instance.language !== language) await instance.changeLanguage(language);
  } else {
    await Promise.all([defaultLanguage, language].flatMap((c) => parts.map((part) => fetchPart(c, part))));
  }
  return language;
}

/**
 * The rest of the catalogue, beyond the first page's words: every page but the first waits for it (see
 * lazyPage). Fetched once per language.
 */
export async function loadRestOfCatalogue(): Promise<void> {
  restWanted = true;
  if (appInstance) await addParts(appInstance, appInstance.language, ['core', 'rest']);
}

/** Everything loaded so far, as i18next resources. */
function resources(): Record<string, Record<string, Catalogue>> {
  const merged: Record<string, Record<string, Catalogue>> = {};
  for (const [key, catalogue] of loaded) {
    const [code] = key.split(':') as [string, Part];
    merged[code] = { [webNamespace]: deepMerge(merged[code]?.[webNamespace] ?? {}, catalogue) };
  }
  return merged;
}

function deepMerge(into: Catalogue, from: Catalogue): Catalogue {
  const out: Catalogue = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const existing = out[key];
    out[key] =
      existing && typeof existing === 'object' && value && typeof value === 'object'
        ? deepMerge(existing as Catalogue, value as Catalogue)
        : value;
  }
  return out;
}

/**
 * The web app's i18next instance, holding the catalogues loaded so far (see loadLanguage): the app awaits
 * `loadLanguage(lng)` before creating it; tests have English loaded by their setup file.
 */
export function createWebI18n(language: string = defaultLanguage): i18n {
  const instance = i18next.createInstance();
  const all = resources();
  const lng = all[language] ? language : defaultLanguage;
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: defaultLanguage,
    supportedLngs: catalogueLanguages,
    resources: all,
    ns: [webNamespace],
    defaultNS: webNamespace,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  appInstance = instance;
  // The language and its direction change together, in the same task: a reader (or a screen reader) never
  // meets Arabic laid out left to right.
  instance.on('languageChanged', (changed) => {
    if (typeof document === 'undefined') return;
    document.documentElement.lang = changed;
    document.documentElement.dir = textDirection(changed);
  });
  return instance;
}
