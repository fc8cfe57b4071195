import { useTranslation } from 'react-i18next';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import type { LearningSet } from '../../../contract/sets.ts';
import { getSet } from '../../../contract/sets.ts';
import { useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { SetTabs } from './SetTabs.tsx';

export interface SetSectionContext {
  set: LearningSet;
}

/** The set's own pages (meetings, problems, actions, journal): the set's header and tabs around each. */
export function SetSection() {
  const { t } = useTranslation();
  const { setId = '' } = useParams();
  const set = useRoute(getSet, { params: { id: setId } });
  if (!set.data) return set.error ? <Failure error={set.error} retry={set.reload} /> : <Loading />;
  const s = set.data;
  return (
    <section className="page">
      <Breadcrumbs label={t('common.breadcrumbs')}>
        <li>
          <Link to="/">{t('nav.home')}</Link>
        </li>
        <li>
          <Link to={`/programmes/${s.programme.id}`}>{s.programme.name}</Link>
        </li>
        <li aria-current="page">{s.name}</li>
      </Breadcrumbs>
      <PageHeader
        title={s.name}
        meta={
          <>
            <Badge>{t(`set.mode.${s.mode}`)}</Badge>
            {s.archived ? <Badge>{t('common.archived')}</Badge> : null}
            <span>{t('set.memberCount', { count: s.memberCount })}</span>
          </>
        }
      />
      <SetTabs set={s} />
      <div className="tab-panel">
        <Outlet context={{ set: s } satisfies SetSectionContext} />
      </div>
    </section>
  );
}

export function useSetSection(): SetSectionContext {
  return useOutletContext<SetSectionContext>();
}
