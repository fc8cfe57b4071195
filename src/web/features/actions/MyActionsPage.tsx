import { useTranslation } from 'react-i18next';
import { type ActionItem, listMyActions } from '../../../contract/actions.ts';
import { useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { MyWorkshopActionsSection } from '../workshops/WorkshopActions.tsx';
import { ActionCard, sortActions } from './ActionCard.tsx';
import '../meetings/meetings.css';

/** /me/actions: every action I committed to, in every set and programme, with their outcomes. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const actions = useRoute(listMyActions, {});
  useTitle(t('actions.mine.title'));
  if (!actions.data)
    return actions.error ? <Failure error={actions.error} retry={actions.reload} /> : <Loading />;
  const all = actions.data;
  const replace = (a: ActionItem) => actions.setData(all.map((x) => (x.id === a.id ? a : x)));
  const open = sortActions(all.filter((a) => a.status === 'open'));
  const closed = sortActions(all.filter((a) => a.status !== 'open'));
  return (
    <section className="page page--narrow">
      <Breadcrumbs fromHome current={t('actions.mine.title')} />
      <PageHeader title={t('actions.mine.title')} lead={t('actions.mine.lead')} />
      <section className="section" aria-labelledby="open-actions">
        <h2 id="open-actions">{t('actions.mine.open', { count: open.length })}</h2>
        {open.length === 0 ? (
          <EmptyState title={t('actions.mine.noneOpenTitle')}>{t('actions.mine.noneOpen')}</EmptyState>
        ) : (
          <ul className="action-cards">
            {open.map((a) => (
              <ActionCard key={a.id} action={a} show={{ set: true }} onChange={replace} />
            ))}
          </ul>
        )}
      </section>
      {closed.length > 0 ? (
        <section className="section" aria-labelledby="closed-actions">
          <h2 id="closed-actions">{t('actions.mine.closed', { count: closed.length })}</h2>
          <ul className="action-cards">
            {closed.map((a) => (
              <ActionCard key={a.id} action={a} show={{ set: true }} onChange={replace} />
            ))}
          </ul>
        </section>
      ) : null}
      <MyWorkshopActionsSection />
    </section>
  );
}
