import type { ReactNode } from 'react';

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

/** Where this page sits, e.g. Programme › Set. The last item is the current page and not a link. */
export function Breadcrumbs({ label, children }: { label: string; children: ReactNode }) {
  return (
    <nav className="breadcrumbs" aria-label={label}>
      <ol>{children}</ol>
    </nav>
  );
}
