import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The top of a page: its one h1, an optional line under it, and the page's main actions. */
export function PageHeader({
  title,
  lead,
  actions,
  meta,
}: {
  title: ReactNode;
  lead?: ReactNode;
  actions?: ReactNode;
  meta?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div className="page-header__text">
        <h1>{title}</h1>
        {meta ? <div className="page-header__meta">{meta}</div> : null}
        {lead ? <p className="lead">{lead}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

export interface Crumb {
  to: string;
  label: ReactNode;
}

/**
 * Where this page sits, e.g. Home › Programme › Set: links to the pages above it (from Home, if asked),
 * then this page, which is not a link.
 */
export function Breadcrumbs({
  fromHome = false,
  trail = [],
  current,
}: {
  fromHome?: boolean;
  trail?: readonly Crumb[];
  current: ReactNode;
}) {
  const { t } = useTranslation();
  const links = fromHome ? [{ to: '/', label: t('nav.home') }, ...trail] : trail;
  return (
    <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        {links.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
