import { useTranslation } from 'react-i18next';
import type { LearningSet } from '../../../contract/sets.ts';
import { TabNav } from '../../ui/TabNav.tsx';

/**
 * The set's sections. Coordinators and admins see the overview and the meetings only: problems,
 * actions and journals are the set's own (the server refuses them anyway; this just offers no dead ends).
 */
export function SetTabs({ set }: { set: Pick<LearningSet, 'id' | 'abilities'> }) {
  const { t } = useTranslation();
  const base = `/sets/${set.id}`;
  const can = set.abilities;
  return (
    <TabNav
      label={t('meeting.tabs.label')}
      tabs={[
        { to: base, label: t('meeting.tabs.overview'), show: true, end: true },
        { to: `${base}/meetings`, label: t('meeting.tabs.meetings'), show: can['meeting.readSchedule'] },
        { to: `${base}/schedule`, label: t('schedule.tabs.set'), show: can['meeting.readSchedule'] },
        { to: `${base}/problems`, label: t('meeting.tabs.problems'), show: can['set.readContent'] },
        { to: `${base}/actions`, label: t('meeting.tabs.actions'), show: can['set.readContent'] },
        { to: `${base}/journal`, label: t('meeting.tabs.journal'), show: can['journal.create'] },
      ]}
    />
  );
}
