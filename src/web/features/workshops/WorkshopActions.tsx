import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  listMyWorkshopActions,
  updateWorkshopAction,
  type WorkshopActionItem,
} from '../../../contract/workshops.ts';
import { call, useRoute } from '../../api/call.ts';
import { Button } from '../../ui/Button.tsx';
import { formatDate } from '../../ui/format.ts';

/** A person's own actions from workshops: private to them, with done / drop / reopen. */
export function WorkshopActionList({
  actions,
  onChange,
  showWorkshop = false,
}: {
  actions: WorkshopActionItem[];
  onChange: () => void;
  showWorkshop?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (actions.length === 0) return <p className="muted">{t('workshops.actions.none')}</p>;
  const set = async (a: WorkshopActionItem, status: WorkshopActionItem['status']) => {
    await call(updateWorkshopAction, { params: { id: a.id }, body: { status } });
    onChange();
  };
  return (
    <ul className="action-cards">
      {actions.map((a) => (
        <li key={a.id} className="card" data-workshop-action={a.id}>
          <p>{a.text}</p>
          <p className="muted">
            {t(`workshops.actions.status.${a.status}`)}
            {a.dueOn ? ` · ${t('workshops.actions.due', { date: formatDate(a.dueOn, i18n.language) })}` : ''}
            {showWorkshop ? (
              <>
                {' · '}
                <Link to={`/workshops/${a.workshop.id}`}>
                  {t('workshops.actions.from', { title: a.workshop.title, programme: a.programme.name })}
                </Link>
              </>
            ) : null}
          </p>
          {a.status === 'open' ? (
            <div className="form-actions">
              <Button small variant="secondary" onClick={() => void set(a, 'done')}>
                {t('workshops.actions.markDone')}
                <span className="visually-hidden">: {a.text}</span>
              </Button>
              <Button small variant="quiet" onClick={() => void set(a, 'dropped')}>
                {t('workshops.actions.drop')}
                <span className="visually-hidden">: {a.text}</span>
              </Button>
            </div>
          ) : (
            <Button small variant="quiet" onClick={() => void set(a, 'open')}>
              {t('workshops.actions.reopen')}
              <span className="visually-hidden">: {a.text}</span>
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** On "Your actions": the actions from workshops, next to the set actions, for their owner alone. */
export function MyWorkshopActionsSection() {
  const { t } = useTranslation();
  const mine = useRoute(listMyWorkshopActions, {});
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <section className="section" aria-labelledby="workshop-actions-heading">
      <h2 id="workshop-actions-heading">{t('workshops.actions.mineTitle', { count: mine.data.length })}</h2>
      <p className="muted">{t('workshops.actions.private')}</p>
      <WorkshopActionList actions={mine.data} onChange={() => void mine.reload()} showWorkshop />
    </section>
  );
}
