import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { describeOwnApplication, withdrawOwnApplication } from '../../../contract/enrolment.ts';
import { call, useRoute } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { Failure } from '../../app/Failure.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { AuthCard } from '../auth/AuthCard.tsx';
import './enrolment.css';
import { useTimeFormat } from '../../app/time.ts';

/**
 * /your-application/:token: the private link in the acknowledgement mail, for an applicant who has no
 * account yet. Shows where the application stands and lets them withdraw it; no sign-in needed.
 */
export function YourApplicationPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { token = '' } = useParams();
  const info = useRoute(describeOwnApplication, { params: { token } });
  const statusLine = useRef<HTMLParagraphElement>(null);
  const [withdrew, setWithdrew] = useState(false);
  // The dialog and its opener are gone once withdrawn: put the reader on the sentence that says what
  // happened, after the dialog's own clean-up has moved focus and in the same commit as the new status
  // (an effect after paint left a moment where focus sat on the page's body).
  useLayoutEffect(() => {
    if (withdrew) statusLine.current?.focus();
  }, [withdrew]);
  useTitle(
    info.data
      ? t('yourApplication.title', { programme: info.data.programme.name })
      : t('yourApplication.unusableTitle'),
  );

  if (info.loading && !info.data) return <Loading />;
  if (!info.data) {
    if (isProblem(info.error) && info.error.status === 404)
      return (
        <AuthCard title={t('yourApplication.unusableTitle')}>
          <p>{info.error.detail}</p>
        </AuthCard>
      );
    return <Failure error={info.error} retry={info.reload} />;
  }
  const a = info.data;
  const withdraw = async () => {
    info.setData(await call(withdrawOwnApplication, { params: { token } }));
    setWithdrew(true);
  };

  return (
    <section className="page page--narrow">
      <p className="muted">{t('yourApplication.hostLine', { host: a.programme.hostName })}</p>
      <PageHeader title={t('yourApplication.title', { programme: a.programme.name })} />
      <section className="section card" aria-labelledby="your-application-status">
        <h2 id="your-application-status">{t('yourApplication.statusHeading')}</h2>
        <p className="lead" role="status" ref={statusLine} tabIndex={-1}>
          {t(`yourApplication.status.${a.status}`)}
        </p>
        <p>{t(`yourApplication.explain.${a.status}`, { programme: a.programme.name })}</p>
        <dl className="answer-list">
          {a.submittedAt ? (
            <>
              <dt>{t('yourApplication.submittedAt')}</dt>
              <dd>{time.dateTime(a.submittedAt)}</dd>
            </>
          ) : null}
          {a.decidedAt && a.status !== 'withdrawn' ? (
            <>
              <dt>{t('yourApplication.decidedAt')}</dt>
              <dd>{time.dateTime(a.decidedAt)}</dd>
            </>
          ) : null}
          {a.withdrawnAt ? (
            <>
              <dt>{t('yourApplication.withdrawnAt')}</dt>
              <dd>{time.dateTime(a.withdrawnAt)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {a.canWithdraw ? (
        <section className="section danger-zone" aria-labelledby="your-application-withdraw">
          <h2 id="your-application-withdraw">{t('yourApplication.withdraw.title')}</h2>
          <p>{t('yourApplication.withdraw.lead')}</p>
          <ConfirmButton
            label={t('yourApplication.withdraw.action')}
            title={t('yourApplication.withdraw.confirmTitle', { programme: a.programme.name })}
            message={t('yourApplication.withdraw.confirmBody')}
            confirmLabel={t('yourApplication.withdraw.action')}
            onConfirm={withdraw}
          />
        </section>
      ) : null}
    </section>
  );
}
