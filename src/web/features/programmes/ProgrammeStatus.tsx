import { useTranslation } from 'react-i18next';
import type { ProgrammeSummary } from '../../../contract/programmes.ts';
import type { ProgrammeStatus } from '../../../domain/programme.ts';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { formatDate } from '../../ui/format.ts';

const tones: Record<ProgrammeStatus, Tone> = {
  draft: 'neutral',
  recruiting: 'info',
  forming: 'accent',
  running: 'success',
  closed: 'neutral',
};

export function ProgrammeStatusBadge({ status }: { status: ProgrammeStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`programme.status.${status}`)}</Badge>;
}

/** "3 Feb 2027 – 2 Nov 2027", "From 3 Feb 2027", or "Dates not set yet". */
export function ProgrammePeriod({ programme }: { programme: Pick<ProgrammeSummary, 'startsOn' | 'endsOn'> }) {
  const { t, i18n } = useTranslation();
  const { startsOn, endsOn } = programme;
  const start = startsOn ? formatDate(startsOn, i18n.language) : null;
  const end = endsOn ? formatDate(endsOn, i18n.language) : null;
  if (start && end) return <>{t('programme.period.both', { start, end })}</>;
  if (start) return <>{t('programme.period.from', { start })}</>;
  if (end) return <>{t('programme.period.until', { end })}</>;
  return <>{t('programme.period.none')}</>;
}
