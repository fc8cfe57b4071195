import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listMail } from '../../../contract/hosts.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { MailStatusBadge } from './MailStatus.tsx';

/** For host admins: what Revans has sent or will send, and whether mail goes to SMTP or to files. */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const me = useMe();
  const allowed = me.abilities['host.readMailOutbox'];
  const outbox = useRoute(listMail, allowed ? { params: { hostId: me.host.id }, query: {} } : null);
  useTitle(t('mail.title'));
  if (!allowed) return <NotFoundPage />;
  const when = (iso: string | null) => (iso ? time.dateTime(iso) : '—');

  return (
    <section className="page">
      <PageHeader
        title={t('mail.title')}
        lead={t('mail.lead')}
        actions={
          <Button
            variant="secondary"
            busy={outbox.loading && Boolean(outbox.data)}
            busyLabel={t('mail.refreshing')}
            onClick={outbox.reload}
          >
            {t('mail.refresh')}
          </Button>
        }
      />
      {outbox.data ? (
        <div
          className={outbox.data.delivery === 'smtp' ? 'callout callout--info' : 'callout callout--warning'}
        >
          <p>
            <strong>{t(`mail.delivery.${outbox.data.delivery}.title`)}</strong>{' '}
            {t(`mail.delivery.${outbox.data.delivery}.body`)}
          </p>
        </div>
      ) : null}
      <p className="muted">{t('mail.privateLinks')}</p>
      {outbox.error ? <LoadError error={outbox.error} retry={outbox.reload} /> : null}
      {!outbox.data && !outbox.error ? <Loading /> : null}
      {outbox.data && outbox.data.mails.length === 0 ? (
        <EmptyState title={t('mail.emptyTitle')}>{t('mail.empty')}</EmptyState>
      ) : null}
      {outbox.data && outbox.data.mails.length > 0 ? (
        <DataTable
          className="table--cards"
          caption={t('mail.caption')}
          busy={outbox.loading}
          columns={[
            { label: t('mail.columns.subject') },
            { label: t('mail.columns.to') },
            { label: t('mail.columns.status') },
            { label: t('mail.columns.queued') },
            { label: outbox.data.delivery === 'files' ? t('mail.columns.written') : t('mail.columns.sent') },
          ]}
        >
          {outbox.data.mails.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/mail/${m.id}`}>{m.subject}</Link>
              </th>
              <td className="cell-email" data-label={t('mail.columns.to')}>
                {m.to}
              </td>
              <td data-label={t('mail.columns.status')}>
                <MailStatusBadge status={m.status} />
                {m.attempts > 1 ? (
                  <span className="cell-sub">{t('mail.attempts', { count: m.attempts })}</span>
                ) : null}
                {m.lastError ? <span className="cell-sub">{m.lastError}</span> : null}
              </td>
              <td data-label={t('mail.columns.queued')}>{when(m.createdAt)}</td>
              <td
                data-label={
                  outbox.data?.delivery === 'files' ? t('mail.columns.written') : t('mail.columns.sent')
                }
              >
                {when(m.sentAt)}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
