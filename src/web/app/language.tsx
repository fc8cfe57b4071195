import type { i18n } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { updatePerson } from '../../contract/people.ts';
import type { setupStatus } from '../../contract/setup.ts';
import {
  defaultLanguage,
  isLanguageCode,
  type LanguageCode,
  languages,
  textDirection,
} from '../../i18n/languages.ts';
import { call, routeRef } from '../api/call.ts';
import { useMenuButton } from '../ui/use-menu-button.ts';
import { useAnnounce } from './flash.tsx';
import { useSession } from './session.tsx';

// The switch is in every page's banner: its routes are named, not imported (see routeRef).
const setupRoute = routeRef<typeof setupStatus>('GET', '/api/setup');
const personRoute = routeRef<typeof updatePerson>('PATCH', '/api/people/:id');

/**
 * The reader's language: chosen in the header's switch by anyone, signed in or not. A visitor's choice is
 * kept in this browser (local storage, and a cookie the server reads for its own words: problem details);
 * a signed-in person's is saved as their language, which their mails follow and which applies at sign in.
 * Without a choice: the browser's languages, then the host's default, then English.
 */
const storageKey = 'revans.language';
export const languageCookie = 'revans_language';

/** The visitor's own choice in this browser, if any. */
export function storedLanguage(): LanguageCode | undefined {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored && isLanguageCode(stored)) return stored;
  } catch {
    // Storage may be switched off; the cookie still carries the choice.
  }
  const cookie = document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${languageCookie}=`))
    ?.slice(languageCookie.length + 1);
  return cookie && isLanguageCode(cookie) ? cookie : undefined;
}

export function rememberLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Private windows may refuse storage: the cookie is enough.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers Revans serves
  document.cookie = `${languageCookie}=${code}; path=/; max-age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}

/** The first of the browser's languages Revans speaks (fr-CA is French), if any. */
export function browserLanguage(
  preferred: readonly string[] = navigator.languages ?? [],
): LanguageCode | undefined {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguageCode(base)) return base;
  }
  return undefined;
}

/** Each language's web catalogue, its own chunk fetched only when the language is used. */
// English is in the app's first chunk already (src/web/i18n.ts).
const catalogues = import.meta.glob<Record<string, unknown>>(
  ['../../i18n/web.*.json', '!../../i18n/web.en.json'],
  {
    import: 'default',
  },
);

/** Loads the catalogue if need be, switches i18next, and gives the page its language and direction. */
export async function applyLanguage(instance: i18n, code: string): Promise<void> {
  let language = isLanguageCode(code) ? code : defaultLanguage;
  if (!instance.hasResourceBundle(language, 'web')) {
    const load = catalogues[`../../i18n/web.${language}.json`];
    if (load) instance.addResourceBundle(language, 'web', await load());
    else language = defaultLanguage;
  }
  if (instance.language !== language) await instance.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}

/**
 * Keeps the page in the reader's language: a signed-in person's own, else this browser's choice, else the
 * browser's languages, else the host's default.
 */
function useLanguageSync() {
  const { i18n: instance } = useTranslation();
  const { ready, me } = useSession();
  const personLanguage = me?.person.language;
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    const choose = async (): Promise<string> => {
      if (personLanguage) {
        // The next visit then starts in it, instead of in the browser's language and switching after.
        if (storedLanguage() !== personLanguage && isLanguageCode(personLanguage))
          rememberLanguage(personLanguage);
        return personLanguage;
      }
      const preferred = storedLanguage() ?? browserLanguage();
      if (preferred) return preferred;
      const status = await call(setupRoute, {}).catch(() => null);
      return status?.defaultLanguage ?? defaultLanguage;
    };
    void choose().then((code) => {
      if (!cancelled) void applyLanguage(instance, code);
    });
    return () => {
      cancelled = true;
    };
  }, [ready, personLanguage, instance]);
}

/** The header's language switch: each language named in itself, for everyone, signed in or not. */
export function LanguageMenu() {
  const { t, i18n: instance } = useTranslation();
  const { me, refresh } = useSession();
  const announce = useAnnounce();
  const { open, toggle, id, trigger, list, container, close, onKeyDown } = useMenuButton();
  const [busy, setBusy] = useState(false);
  const current = languages.find((language) => language.code === instance.language) ?? languages[0];
  useLanguageSync();
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const choose = async (code: LanguageCode) => {
    close(true);
    if (code === instance.language) return;
    setBusy(true);
    rememberLanguage(code);
    try {
      if (me) {
        // The session learns the person's new language before the page switches: until then the page
        // keeps following their saved one, so it never flips back to it for a moment after switching.
        await call(personRoute, { params: { id: me.person.id }, body: { language: code } });
        await refresh();
        await applyLanguage(instance, code);
      } else {
        await applyLanguage(instance, code);
      }
      announce(instance.t('language.changed', { lng: code }));
    } catch {
      announce(t('language.failed'));
    } finally {
      if (mounted.current) setBusy(false);
    }
  };

  return (
    <div className="language-menu" ref={container}>
      <button
        ref={trigger}
        type="button"
        className="language-menu__button"
        aria-expanded={open}
        aria-controls={id}
        aria-busy={busy || undefined}
        onClick={toggle}
      >
        <span className="visually-hidden">{t('language.label')}: </span>
        <span lang={current.code}>{current.nativeName}</span>
      </button>
      {open ? (
        <ul
          id={id}
          ref={list}
          className="language-menu__list"
          aria-label={t('language.label')}
          onKeyDown={onKeyDown}
        >
          {languages.map((language) => (
            <li key={language.code}>
              <button
                type="button"
                lang={language.code}
                dir={language.dir}
                aria-current={language.code === current.code ? 'true' : undefined}
                onClick={() => void choose(language.code)}
              >
                {language.nativeName}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
