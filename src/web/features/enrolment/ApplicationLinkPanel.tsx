import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as enrolment from '../../../contract/enrolment.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Loading } from '../../ui/Spinner.tsx';

/** The open application link: create it, copy it, replace it (the old one stops working) or revoke it. */
/** Render it with key={status}: whether the link works depends on the programme's stage. */
export function ApplicationLinkPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const params = { id: programmeId };
  const link = useRoute(enrolment.getApplicationLink, { params });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      link.setData(await call(enrolment.rotateApplicationLink, { params }));
      announce(t('enrolment.link.created'));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  // The clipboard needs a secure context; where it is refused, the link is selected for copying by hand.
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      announce(t('enrolment.link.copied'));
    } catch {
      const field = document.getElementById('application-link') as HTMLInputElement | null;
      field?.focus();
      field?.select();
      announce(t('enrolment.link.copyByHand'));
    }
  };
  const revoke = async () => {
    link.setData(await call(enrolment.revokeApplicationLink, { params }));
    announce(t('enrolment.link.revoked'));
  };

  return (
    <section className="section" aria-labelledby="link-heading">
      <h2 id="link-heading">{t('enrolment.link.title')}</h2>
      <p className="muted">{t('enrolment.link.lead')}</p>
      {link.error ? <LoadError error={link.error} retry={link.reload} /> : null}
      {!link.data ? (
        link.error ? null : (
          <Loading />
        )
      ) : link.data.url ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor="application-link">
              {t('enrolment.link.label')}
            </label>
            <input
              id="application-link"
              className="input"
              readOnly
              value={link.data.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          {link.data.works ? null : <p className="callout callout--warning">{t('enrolment.link.closed')}</p>}
          <div className="form-actions">
            <Button variant="secondary" onClick={() => void copy(link.data?.url ?? '')}>
              {t('enrolment.link.copy')}
            </Button>
            <Button
              variant="secondary"
              busy={busy}
              busyLabel={t('common.saving')}
              onClick={() => void create()}
            >
              {t('enrolment.link.replace')}
            </Button>
            <ConfirmButton
              label={t('enrolment.link.revoke')}
              title={t('enrolment.link.revokeTitle')}
              message={t('enrolment.link.revokeBody')}
              confirmLabel={t('enrolment.link.revoke')}
              onConfirm={revoke}
            />
          </div>
        </>
      ) : (
        <Button busy={busy} busyLabel={t('common.saving')} onClick={() => void create()}>
          {t('enrolment.link.create')}
        </Button>
      )}
      {error ? (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
