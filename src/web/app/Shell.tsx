import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { FlashRegion, useAnnounce } from './flash.tsx';
import { LanguageMenu } from './language.tsx';
import { useSession } from './session.tsx';

/**
 * Moves focus to the new page's h1 after client-side navigation, as a full page load would for a screen
 * reader. Pages load their data first, so it waits (briefly) for the heading to appear. Focus the page
 * itself placed inside the main area (a tab link, a form field) is left alone.
 */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    const settle = (): boolean => {
      const active = document.activeElement;
      if (active && active !== main && active !== document.body && main.contains(active)) return true;
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (settle()) return;
    const observer = new MutationObserver(() => {
      if (settle()) stop();
    });
    const timer = setTimeout(() => stop(), 10_000);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [location.pathname]);
}

function MainNav() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  const items = [
    { to: '/', label: t('nav.home'), show: true },
    { to: '/me/actions', label: t('actions.nav'), show: me.sets.length > 0 },
    { to: '/upcoming', label: t('schedule.nav'), show: true },
    { to: '/people', label: t('nav.people'), show: me.abilities['person.list'] },
    { to: '/organisations', label: t('nav.organisations'), show: me.abilities['organisation.list'] },
    { to: '/mail', label: t('nav.mail'), show: me.abilities['host.readMailOutbox'] },
    { to: '/audit', label: t('nav.audit'), show: me.abilities['audit.read'] },
    { to: '/data', label: t('closing.nav'), show: me.abilities['host.configureRetention'] },
    { to: '/settings/sign-in', label: t('nav.hostSignIn'), show: me.abilities['host.configureSso'] },
  ].filter((item) => item.show);
  return (
    <nav className="site-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === '/'}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  if (!me) return null;
  const leave = async () => {
    await signOut();
    announce(t('auth.signedOut'), { path: '/sign-in' });
    navigate('/sign-in');
  };
  return (
    <div className="account">
      <Link className="account__name" to={`/people/${me.person.id}`}>
        <span className="visually-hidden">{t('nav.signedInAs')} </span>
        {me.person.name}
      </Link>
      <Link className="account__settings" to="/settings">
        {t('nav.settings')}
      </Link>
      <button type="button" className="account__signout" onClick={leave}>
        {t('nav.signOut')}
      </button>
    </div>
  );
}

/** The page frame: skip link, banner with host name and navigation, main content, footer. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useSession();
  useFocusOnNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
            {me ? <span className="brand__host">{me.host.name}</span> : null}
          </Link>
          <MainNav />
          <AccountMenu />
          <LanguageMenu />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <FlashRegion />
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
