import { useTranslation } from 'react-i18next';
import type { WorkshopState as State, Workshop } from '../../../contract/workshops.ts';
import { Badge } from '../../ui/Badge.tsx';
import { wallClock } from '../schedule/format.ts';

export function WorkshopState({ state }: { state: State }) {
  const { t } = useTranslation();
  const tone = state === 'cancelled' ? 'danger' : undefined;
  return <Badge {...(tone ? { tone } : {})}>{t(`workshops.state.${state}`)}</Badge>;
}

/** When it is, in the viewer's zone (and its own, if different); or that its poll will decide. */
export function WorkshopWhen({ workshop }: { workshop: Workshop }) {
  const { t, i18n } = useTranslation();
  const e = workshop.event;
  if (!e) return <p className="meeting-time">{t('workshops.byPoll')}</p>;
  return (
    <>
      <p className="meeting-time">
        {t('workshops.when', {
          start: wallClock(e.viewerLocalStart, i18n.language),
          end: e.viewerLocalEnd.slice(11),
        })}
      </p>
      {e.localStart !== e.viewerLocalStart ? (
        <p className="field__hint">
          {t('schedule.events.ownTime', { start: wallClock(e.localStart, i18n.language), zone: e.timeZone })}
        </p>
      ) : null}
    </>
  );
}
