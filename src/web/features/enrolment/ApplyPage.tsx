import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { describeApplyLink } from '../../../contract/enrolment.ts';
import { useRoute } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { AuthCard } from '../auth/AuthCard.tsx';
import { ProgrammePeriod } from '../programmes/ProgrammeStatus.tsx';
import { ApplyForm } from './ApplyForm.tsx';
import './enrolment.css';

function Applied({ programme }: { programme: string }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <section className="page page--narrow notice-page">
      <h1 ref={heading} tabIndex={-1}>
        {t('apply.done.title')}
      </h1>
      <p className="lead" role="status">
        {t('apply.done.lead', { programme })}
      </p>
      <p>{t('apply.done.next')}</p>
    </section>
  );
}

/** Where the open application link and emailed invitations to apply lead; no account needed. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const info = useRoute(describeApplyLink, { params: { token } });
  const [applied, setApplied] = useState(false);
  useTitle(info.data ? t('apply.title', { programme: info.data.programme.name }) : t('apply.unusableTitle'));

  if (info.loading && !info.data) return <Loading />;
  if (!info.data) {
    const gone = isProblem(info.error) && info.error.status === 410;
    return (
      <AuthCard title={t('apply.unusableTitle')}>
        <p>{gone && isProblem(info.error) ? info.error.detail : t('apply.unusable')}</p>
      </AuthCard>
    );
  }
  const { programme, invited } = info.data;
  if (applied) return <Applied programme={programme.name} />;
  const me = session.me?.person;

  return (
    <section className="page page--form">
      <header className="page-header">
        <div className="page-header__text">
          <p className="muted">{t('apply.hostLine', { host: programme.hostName })}</p>
          <h1>{t('apply.title', { programme: programme.name })}</h1>
          {programme.purpose ? <p className="lead">{programme.purpose}</p> : null}
        </div>
      </header>
      <section className="section card" aria-labelledby="involves-heading">
        <h2 id="involves-heading">{t('apply.involves')}</h2>
        <dl className="answer-list">
          <dt>{t('apply.period')}</dt>
          <dd>
            <ProgrammePeriod programme={programme} />
          </dd>
          {programme.meetingCadence ? (
            <>
              <dt>{t('apply.cadence')}</dt>
              <dd>{programme.meetingCadence}</dd>
            </>
          ) : null}
          <dt>{t('apply.setSize')}</dt>
          <dd>{t('apply.setSizeValue', { min: programme.setSize.min, max: programme.setSize.max })}</dd>
          {programme.theme ? (
            <>
              <dt>{t('apply.theme')}</dt>
              <dd>{programme.theme}</dd>
            </>
          ) : null}
        </dl>
        {programme.participation ? <p>{programme.participation}</p> : null}
        <p className="muted">{t('apply.voluntary')}</p>
      </section>
      {me || invited ? (
        <p className="callout callout--info">
          {t('apply.as', { name: me?.name ?? invited?.name, email: me?.email ?? invited?.email })}
        </p>
      ) : null}
      <ApplyForm
        token={token}
        info={info.data}
        askIdentity={!me && !invited}
        onApplied={() => setApplied(true)}
        onConsentChanged={() => void info.reload()}
      />
    </section>
  );
}
