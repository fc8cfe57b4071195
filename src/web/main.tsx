import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { routes } from './app/routes.tsx';
import { SessionProvider } from './app/session.tsx';
import { createWebI18n, loadLanguage } from './i18n.ts';
import './styles/index.css';

// The catalogue of the page's language comes first, so the first paint already speaks it.
void loadLanguage(document.documentElement.lang || 'en').then((language) => {
  const i18n = createWebI18n(language);
  const router = createBrowserRouter(routes);

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </I18nextProvider>
    </StrictMode>,
  );
});
