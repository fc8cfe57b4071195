import { useTranslation } from 'react-i18next';
import type { WorkshopState as State, Workshop } from '../../../contract/workshops.ts';
import { useTimeFormat } from '../../app/time.ts';
import { Badge } from '../../ui/Badge.tsx';

export function WorkshopState({ state }: { state: State }) {
  const { t } = useTranslation();
  const tone = state === 'cancelled' ? 'danger' : undefined;
  return <Badge {...(tone ? { tone } : {})}>{t(`workshops.state.${state}`)}</Badge>;
}

/** When it is, in the viewer's zone (and its own, if different); or that its poll will decide. */
export function WorkshopWhen({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const e = workshop.event;
  if (!e) return <p className="meeting-time">{t('workshops.byPoll')}</p>;
  return <p className="meeting-time">{time.whenText(e)}</p>;
}
