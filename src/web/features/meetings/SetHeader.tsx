import { useTranslation } from 'react-i18next';
import type { LearningSet } from '../../../contract/sets.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { SetTabs } from './SetTabs.tsx';

/** The top of each of a set's pages: where the set sits, its name and facts, and its tabs. */
export function SetHeader({ set, withTheme }: { set: LearningSet; withTheme?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumbs
        fromHome
        trail={[{ to: `/programmes/${set.programme.id}`, label: set.programme.name }]}
        current={set.name}
      />
      <PageHeader
        title={set.name}
        meta={
          <>
            <Badge>{t(`set.mode.${set.mode}`)}</Badge>
            {set.archived ? <Badge>{t('common.archived')}</Badge> : null}
            <span>{t('set.memberCount', { count: set.memberCount })}</span>
            {withTheme && set.theme ? <span>{t('set.themeLine', { theme: set.theme })}</span> : null}
          </>
        }
      />
      <SetTabs set={set} />
    </>
  );
}
