import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../../contract/programmes.ts';
import { updateProgramme } from '../../../contract/programmes.ts';
import type { ProgrammeStatus } from '../../../domain/programme.ts';
import { programmeStatuses } from '../../../domain/programme.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';

/** Where the programme is in draft -> recruiting -> forming -> running -> closed, and the next steps. */
export function LifecyclePanel({
  programme,
  onChange,
}: {
  programme: Programme;
  onChange(programme: Programme): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<ProgrammeStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = programmeStatuses.indexOf(programme.status);
  // Running starts only by publishing sets, from the Formation tab; closing asks first, in Settings.
  const steps = programme.nextStatuses.filter((s) => s !== 'running' && s !== 'closed');

  const move = async (status: ProgrammeStatus) => {
    setBusy(status);
    setError(null);
    try {
      onChange(await call(updateProgramme, { params: { id: programme.id }, body: { status } }));
      announce(t('enrolment.lifecycle.moved', { status: t(`programme.status.${status}`) }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="section" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t('enrolment.lifecycle.title')}</h2>
      <ol className="stages" aria-label={t('enrolment.lifecycle.stages')}>
        {programmeStatuses.map((s, i) => (
          <li
            key={s}
            className={i < current ? 'stages__done' : i === current ? 'stages__current' : undefined}
            aria-current={i === current ? 'step' : undefined}
          >
            {t(`programme.status.${s}`)}
          </li>
        ))}
      </ol>
      <p className="muted">{t(`enrolment.lifecycle.now.${programme.status}`)}</p>
      {error ? (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      ) : null}
      {programme.abilities['programme.update'] && steps.length > 0 ? (
        <div className="form-actions">
          {steps.map((s) => (
            <Button
              key={s}
              variant={programmeStatuses.indexOf(s) > current ? 'primary' : 'secondary'}
              busy={busy === s}
              busyLabel={t('common.saving')}
              onClick={() => void move(s)}
            >
              {t(`enrolment.lifecycle.to.${s}`)}
            </Button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
