import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { textDirection } from '../i18n/languages.ts';
import { browserLanguage, storedLanguage } from './app/language.tsx';
import { routes } from './app/routes.tsx';
import { SessionProvider, startSession } from './app/session.tsx';
import { createWebI18n, loadLanguage } from './i18n.ts';
import './styles/index.css';

// Who is signed in is asked at once, alongside the catalogue of the page's language. The catalogue comes
// before the first paint, so that it already speaks it: this browser's choice (a signed-in person's own
// language is remembered here too), else the browser's languages.
const session = startSession();
void loadLanguage(storedLanguage() ?? browserLanguage() ?? (document.documentElement.lang || 'en')).then(
  (language) => {
    document.documentElement.lang = language;
    document.documentElement.dir = textDirection(language);
    const i18n = createWebI18n(language);
    const router = createBrowserRouter(routes);

    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <SessionProvider started={session}>
            <RouterProvider router={router} />
          </SessionProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  },
);
