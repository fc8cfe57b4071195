import i18next, { type i18n, type Resource } from 'i18next';
import { defaultLanguage, languages } from './languages.ts';

/** The server's namespaces: every mail, the exports' words, the web catalogue (room refusals) and problem details. */
export const serverNamespaces = ['mail', 'record', 'web', 'problems'] as const;

export const supportedLanguages = languages.map((language) => language.code);

/**
 * One catalogue file, or undefined while it does not exist yet (a language lands namespace by namespace).
 * A template-literal import: esbuild bundles every matching file (scripts/build-server.mjs), node and
 * vitest read them from src/i18n.
 */
async function catalogue(namespace: string, language: string): Promise<Record<string, unknown> | undefined> {
  try {
    const module = await import(`./${namespace}.${language}.json`, { with: { type: 'json' } });
    return module.default as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Every catalogue present, by language and namespace. */
export async function serverResources(): Promise<Resource> {
  const resources: Resource = {};
  for (const { code } of languages) {
    for (const namespace of serverNamespaces) {
      const found = await catalogue(namespace, code);
      if (!found) continue;
      resources[code] = { ...resources[code], [namespace]: found };
    }
  }
  return resources;
}

/**
 * One i18next instance for mails and other server-rendered text (record exports, problem details, room
 * refusals for clients that do not translate), in every language whose catalogues exist; anything missing
 * falls back to English.
 */
export async function createServerI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...supportedLanguages],
    resources: await serverResources(),
    defaultNS: 'mail',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
