// @vitest-environment jsdom
// The banner's language switch: every language named in itself, for everyone; a signed-in person's choice
// is saved as their language, a visitor's kept in this browser (and in the cookie the server reads).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, hostAdmin, renderPage } from '../test-support.tsx';
import { browserLanguage, storedLanguage } from './language.tsx';

const Page = () => <h1>A page</h1>;

afterEach(() => {
  cleanup();
  localStorage.clear();
  // biome-ignore lint/suspicious/noDocumentCookie: clearing the cookie the switch sets
  document.cookie = 'revans_language=; path=/; max-age=0';
});

describe('the language switch', () => {
  it('takes the first of the browser’s languages Revans speaks, whatever the region', () => {
    expect(browserLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(browserLanguage(['ar-EG'])).toBe('ar');
    expect(browserLanguage(['de', 'nl'])).toBeUndefined();
  });

  it('offers every language, each named in itself, to a signed-out visitor, and keeps the choice here', async () => {
    fakeApi({});
    renderPage(<Page />, { path: '/', url: '/', me: null });
    fireEvent.click(screen.getByRole('button', { name: /Language/ }));
    const list = screen.getByRole('list', { name: 'Language' });
    const choices = [...list.querySelectorAll('button')].map((b) => [b.textContent, b.lang]);
    expect(choices).toEqual([
      ['English', 'en'],
      ['Français', 'fr'],
      ['Español', 'es'],
      ['العربية', 'ar'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(storedLanguage()).toBe('es');
    expect(document.cookie).toContain('revans_language=es');
  });

  it('saves a signed-in person’s choice as their language', async () => {
    const { calls } = fakeApi({
      [`PATCH /api/people/${hostAdmin.person.id}`]: { body: { ...hostAdmin.person, language: 'fr' } },
      'GET /api/setup': {
        body: {
          needed: false,
          signedIn: true,
          defaultLanguage: 'en',
          me: { ...hostAdmin, person: { ...hostAdmin.person, language: 'fr' } },
        },
      },
    });
    renderPage(<Page />, { path: '/', url: '/' });
    fireEvent.click(screen.getByRole('button', { name: /Language/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        method: 'PATCH',
        path: `/api/people/${hostAdmin.person.id}`,
        body: { language: 'fr' },
      }),
    );
  });

  it('switches a signed-in person’s page once, never back to their old language for a moment (regression)', async () => {
    fakeApi({
      [`PATCH /api/people/${hostAdmin.person.id}`]: { body: { ...hostAdmin.person, language: 'ar' } },
      'GET /api/setup': {
        body: {
          needed: false,
          signedIn: true,
          defaultLanguage: 'en',
          me: { ...hostAdmin, person: { ...hostAdmin.person, language: 'ar' } },
        },
      },
    });
    renderPage(<Page />, {
      path: '/',
      url: '/',
      me: { ...hostAdmin, person: { ...hostAdmin.person, language: 'en' } },
    });
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    const seen: string[] = [];
    const watch = new MutationObserver(() =>
      seen.push(`${document.documentElement.lang}/${document.documentElement.dir}`),
    );
    watch.observe(document.documentElement, { attributes: true });
    fireEvent.click(screen.getByRole('button', { name: /Language/ }));
    fireEvent.click(screen.getByRole('button', { name: 'العربية' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /اللغة/ })).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 100));
    watch.disconnect();
    // Once in Arabic, right to left, the page stays so (earlier tests' switches may still be landing first).
    const first = seen.indexOf('ar/rtl');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(new Set(seen.slice(first))).toEqual(new Set(['ar/rtl']));
  });
});
