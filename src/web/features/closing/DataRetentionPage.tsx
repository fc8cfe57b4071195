import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getRetention, listErasures, updateRetention } from '../../../contract/closing.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';

/** Host admins: how long closed programmes' set content is kept, and the log of erasures (counts only). */
export function DataRetentionPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const me = useMe();
  const announce = useAnnounce();
  useTitle(t('closing.retention.pageTitle'));
  const allowed = me.abilities['host.configureRetention'];
  const hostParams = { params: { hostId: me.host.id } };
  const retention = useRoute(getRetention, allowed ? hostParams : null);
  const erasures = useRoute(listErasures, allowed ? hostParams : null);
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (retention.data) setDays(String(retention.data.closedContentRetentionDays));
  }, [retention.data]);
  if (!allowed) return <NotFoundPage />;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const value = Number(days);
    if (!Number.isInteger(value) || value < 0 || value > 3650) {
      setError(t('closing.retention.invalid'));
      return;
    }
    setBusy(true);
    try {
      retention.setData(
        await call(updateRetention, { ...hostParams, body: { closedContentRetentionDays: value } }),
      );
      announce(t('closing.retention.saved'));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <PageHeader title={t('closing.retention.pageTitle')} />
      <section className="section" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t('closing.retention.title')}</h2>
        <p>{t('closing.retention.lead')}</p>
        {retention.data ? (
          <form className="card" onSubmit={(e) => void save(e)} noValidate>
            <TextField
              id="retention-days"
              label={t('closing.retention.days')}
              hint={t('closing.retention.hint')}
              inputMode="numeric"
              value={days}
              error={error ?? undefined}
              onChange={(e) => setDays(e.target.value)}
            />
            <div className="form-actions">
              <Button type="submit" busy={busy} busyLabel={t('common.saving')}>
                {t('common.saveChanges')}
              </Button>
            </div>
          </form>
        ) : (
          <Loading />
        )}
      </section>
      <section className="section" aria-labelledby="erasures-heading">
        <h2 id="erasures-heading">{t('closing.log.title')}</h2>
        {erasures.data && erasures.data.length === 0 ? (
          <p className="muted">{t('closing.log.empty')}</p>
        ) : null}
        {erasures.data && erasures.data.length > 0 ? (
          <table className="table">
            <caption className="visually-hidden">{t('closing.log.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('closing.log.when')}</th>
                <th scope="col">{t('closing.log.what')}</th>
                <th scope="col">{t('closing.log.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {erasures.data.map((e) => (
                <tr key={e.id}>
                  <td>{time.dateTime(e.erasedAt)}</td>
                  <td>{t(`closing.log.kind.${e.mode}`)}</td>
                  <td>
                    {Object.entries(e.counts)
                      .map(([k, n]) => `${k}: ${n}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </section>
  );
}
