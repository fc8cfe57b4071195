import { NavLink } from 'react-router';

export interface Tab {
  to: string;
  label: string;
  show: boolean;
  /** Current only on this very path, not on the paths below it. */
  end?: boolean;
}

/** A page's sections as tabs: those the reader may see, and nothing where there would be only one. */
export function TabNav({ label, tabs }: { label: string; tabs: Tab[] }) {
  const shown = tabs.filter((tab) => tab.show);
  if (shown.length < 2) return null;
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {shown.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
