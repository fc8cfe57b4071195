import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { getMail } from '../../../contract/hosts.ts';
import { useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { MailStatusBadge } from './MailStatus.tsx';

/** One mail's text as Revans sent it, with set content and private links withheld by the server. */
export function MailMessagePage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { mailId = '' } = useParams();
  const me = useMe();
  const allowed = me.abilities['host.readMailOutbox'];
  const mail = useRoute(getMail, allowed ? { params: { hostId: me.host.id, id: mailId } } : null);
  useTitle(mail.data?.subject ?? t('mail.title'));
  if (!allowed) return <NotFoundPage />;
  if (!mail.data) return mail.error ? <Failure error={mail.error} retry={mail.reload} /> : <Loading />;
  const m = mail.data;

  return (
    <section className="page">
      <Breadcrumbs trail={[{ to: '/mail', label: t('mail.title') }]} current={m.subject} />
      <PageHeader title={m.subject} meta={<MailStatusBadge status={m.status} />} />
      <dl className="details">
        <div className="details__row">
          <dt>{t('mail.columns.to')}</dt>
          <dd>{m.to}</dd>
        </div>
        <div className="details__row">
          <dt>{t('mail.columns.queued')}</dt>
          <dd>{time.dateTime(m.createdAt)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('mail.columns.sent')}</dt>
          <dd>{m.sentAt ? time.dateTime(m.sentAt) : '—'}</dd>
        </div>
      </dl>
      <h2>{t('mail.text')}</h2>
      {m.withheld.setContent > 0 || m.withheld.privateLinks > 0 ? (
        <p className="callout callout--info" id="mail-withheld">
          {m.withheld.setContent > 0 ? t('mail.withheld.setContent') : t('mail.withheld.privateLinks')}
        </p>
      ) : null}
      <pre className="mail-text" aria-describedby={m.withheld.setContent > 0 ? 'mail-withheld' : undefined}>
        {m.text}
      </pre>
    </section>
  );
}
