import { useTranslation } from 'react-i18next';
import { type ActionItem, listSetActions } from '../../../contract/actions.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useMe } from '../../app/session.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useSetSection } from '../meetings/SetSection.tsx';
import { ActionCard, sortActions } from './ActionCard.tsx';
import '../meetings/meetings.css';

/** The actions the set's members committed to, by member: the follow-up the next meeting opens with. */
export function ActionsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const { set } = useSetSection();
  const actions = useRoute(listSetActions, { params: { id: set.id }, query: {} });
  useTitle(t('actions.set.pageTitle', { set: set.name }));
  if (!actions.data) {
    return actions.error ? <LoadError error={actions.error} retry={actions.reload} /> : <Loading />;
  }
  const all = actions.data;
  const replace = (a: ActionItem) => actions.setData(all.map((x) => (x.id === a.id ? a : x)));
  const owners = [...new Map(all.map((a) => [a.owner.id, a.owner.name])).entries()].sort(([a], [b]) =>
    a === me.person.id ? -1 : b === me.person.id ? 1 : 0,
  );
  const done = all.filter((a) => a.status === 'done').length;
  return (
    <section className="section" aria-labelledby="set-actions-heading">
      <h2 id="set-actions-heading">{t('actions.set.title')}</h2>
      <p className="muted">{t('actions.set.lead', { count: all.length, done })}</p>
      {all.length === 0 ? (
        <EmptyState title={t('actions.set.noneTitle')}>{t('actions.set.none')}</EmptyState>
      ) : (
        owners.map(([ownerId, name]) => (
          <section key={ownerId} className="action-group" aria-labelledby={`actions-of-${ownerId}`}>
            <h3 id={`actions-of-${ownerId}`}>{ownerId === me.person.id ? t('actions.set.yours') : name}</h3>
            <ul className="action-cards">
              {sortActions(all.filter((a) => a.owner.id === ownerId)).map((a) => (
                <ActionCard key={a.id} action={a} show={{}} onChange={replace} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}
