import type { ReactNode } from 'react';

/** The narrow, centred card used by sign-in, setup, invitation and password pages. */
export function AuthCard({
  title,
  lead,
  children,
  wide,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <section className={wide ? 'page page--auth page--auth-wide' : 'page page--auth'}>
      <div className="card auth-card">
        <h1>{title}</h1>
        {lead ? <p className="lead">{lead}</p> : null}
        {children}
      </div>
    </section>
  );
}
