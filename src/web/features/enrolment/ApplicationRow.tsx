import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Application,
  type ApplicationStatus,
  type Decision,
  decideApplication,
} from '../../../contract/enrolment.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useTimeFormat } from '../../app/time.ts';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { languageName } from './LanguagePicker.tsx';
import { slotLabel } from './slots.ts';

const tones: Record<ApplicationStatus, Tone> = {
  invited: 'neutral',
  submitted: 'info',
  accepted: 'success',
  waitlisted: 'warning',
  declined: 'danger',
  withdrawn: 'neutral',
};

const outcome: Record<Decision, ApplicationStatus> = {
  accept: 'accepted',
  waitlist: 'waitlisted',
  decline: 'declined',
};

/** One application: who, their answers and consent on request, and the decisions open to the coordinator. */
export function ApplicationRow({
  application: a,
  decisionsOpen,
  onChange,
}: {
  application: Application;
  decisionsOpen: boolean;
  onChange(application: Application): void;
}) {
  const { t, i18n } = useTranslation();
  const time = useTimeFormat();
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<string | null>(null);
  const decidable =
    decisionsOpen && a.abilities['application.decide'] && a.status !== 'invited' && a.status !== 'withdrawn';

  const decide = async (decision: Decision) => {
    setBusy(decision);
    setError(null);
    try {
      onChange(await call(decideApplication, { params: { id: a.id }, body: { decision } }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(null);
    }
  };
  const list = (items: string[]) => (items.length ? items.join(', ') : t('enrolment.applications.none'));

  return (
    <tr>
      <th scope="row">
        {a.name}
        <span className="cell-sub cell-email">{a.email}</span>
        {a.asFacilitator ? <Badge tone="accent">{t('enrolment.applications.facilitator')}</Badge> : null}
      </th>
      <td data-label={t('enrolment.applications.organisation')}>
        {a.organisation || '—'}
        <span className="cell-sub">{a.role}</span>
      </td>
      <td data-label={t('enrolment.applications.status')}>
        <Badge tone={tones[a.status]}>{t(`enrolment.status.${a.status}`)}</Badge>
      </td>
      <td data-label={t('enrolment.applications.details')}>
        {a.consent ? (
          <details className="disclosure">
            <summary>
              {t('enrolment.applications.consentGiven', {
                version: a.consent.version,
                when: time.dateTime(a.consent.givenAt),
              })}
            </summary>
            <p className="consent-text consent-text--stored">{a.consent.wording}</p>
          </details>
        ) : (
          <span className="muted">{t('enrolment.applications.noConsent')}</span>
        )}
        {a.status !== 'invited' ? (
          <details className="disclosure">
            <summary>{t('enrolment.applications.answers')}</summary>
            <dl className="answer-list">
              <dt>{t('apply.form.themes')}</dt>
              <dd>{list(a.themes)}</dd>
              <dt>{t('apply.form.languages')}</dt>
              <dd>
                {list(
                  a.languages.map((code) =>
                    /^[a-z]{2,3}$/.test(code) ? languageName(code, i18n.language) : code,
                  ),
                )}
              </dd>
              <dt>{t('apply.form.timeZone')}</dt>
              <dd>{a.timeZone || '—'}</dd>
              <dt>{t('apply.form.availability')}</dt>
              <dd>{list(a.availability.map((s) => slotLabel(t, s)))}</dd>
              <dt>{t('apply.form.hopes')}</dt>
              <dd>{a.hopes || '—'}</dd>
              <dt>{t('apply.form.mustAvoid')}</dt>
              <dd>{list(a.mustAvoid)}</dd>
            </dl>
          </details>
        ) : null}
      </td>
      <td className="cell-actions-end">
        {decidable ? (
          <div className="cell-actions">
            {(['accept', 'waitlist', 'decline'] as const)
              .filter((d) => outcome[d] !== a.status)
              .map((d) => (
                <Button
                  key={d}
                  small
                  variant={d === 'accept' ? 'primary' : 'secondary'}
                  busy={busy === d}
                  busyLabel={t('common.saving')}
                  aria-label={t(`enrolment.decision.${d}Label`, { name: a.name })}
                  onClick={() => void decide(d)}
                >
                  {t(`enrolment.decision.${d}`)}
                </Button>
              ))}
          </div>
        ) : null}
        {error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
