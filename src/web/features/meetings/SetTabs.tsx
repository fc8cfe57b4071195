import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { LearningSet } from '../../../contract/sets.ts';

/**
 * The set's sections. Coordinators and admins see the overview and the meetings only: problems,
 * actions and journals are the set's own (the server refuses them anyway; this just offers no dead ends).
 */
export function SetTabs({ set }: { set: Pick<LearningSet, 'id' | 'abilities'> }) {
  const { t } = useTranslation();
  const base = `/sets/${set.id}`;
  const can = set.abilities;
  const tabs = [
    { to: base, label: t('meeting.tabs.overview'), show: true, end: true },
    { to: `${base}/meetings`, label: t('meeting.tabs.meetings'), show: can['meeting.readSchedule'] },
    { to: `${base}/schedule`, label: t('schedule.tabs.set'), show: can['meeting.readSchedule'] },
    { to: `${base}/problems`, label: t('meeting.tabs.problems'), show: can['set.readContent'] },
    { to: `${base}/actions`, label: t('meeting.tabs.actions'), show: can['set.readContent'] },
    { to: `${base}/journal`, label: t('meeting.tabs.journal'), show: can['journal.create'] },
  ].filter((tab) => tab.show);
  if (tabs.length < 2) return null;
  return (
    <nav className="tabs" aria-label={t('meeting.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
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
