import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSetCoach, updateMyCoach, updateSetCoach } from '../../../contract/coach.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { LoadError } from '../../app/Failure.tsx';
import { Loading } from '../../ui/Spinner.tsx';

/**
 * The question coach's switches for a set's page: the set's (its facilitator's, or any member's in a
 * self-facilitated set) and the viewer's own, which follows them to every set and device.
 */
export function CoachSettings({ setId }: { setId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const settings = useRoute(getSetCoach, { params: { setId } });
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = settings.data;

  const save = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setStatus(null);
    try {
      await work();
      await settings.reload();
      setStatus(t('coach.settings.saved'));
    } catch (e) {
      setStatus(t('coach.settings.failed', { reason: problemText(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('coach.settings.title')}</h2>
      <p className="muted">{t('coach.settings.lead')}</p>
      {data ? (
        <>
          {data.abilities['set.configureCoach'] ? (
            <div className="field field--checkbox">
              <input
                type="checkbox"
                className="checkbox"
                id={`${id}-set`}
                checked={data.set.enabled}
                disabled={busy}
                onChange={(e) => {
                  const enabled = e.target.checked;
                  void save(() => call(updateSetCoach, { params: { setId }, body: { enabled } }));
                }}
              />
              <label className="field__label" htmlFor={`${id}-set`}>
                {t('coach.settings.setSwitch')}
              </label>
            </div>
          ) : (
            <p>{data.set.enabled ? t('coach.settings.setOnByOther') : t('coach.settings.setOffByOther')}</p>
          )}
          <div className="field field--checkbox">
            <input
              type="checkbox"
              className="checkbox"
              id={`${id}-mine`}
              checked={data.mine.enabled}
              disabled={busy}
              onChange={(e) => {
                const enabled = e.target.checked;
                void save(() => call(updateMyCoach, { body: { enabled } }));
              }}
            />
            <label className="field__label" htmlFor={`${id}-mine`}>
              {t('coach.settings.mySwitch')}
            </label>
          </div>
          <p role="status" className="muted">
            {status}
          </p>
        </>
      ) : settings.error ? (
        <LoadError error={settings.error} retry={settings.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
