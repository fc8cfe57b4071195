import { useTranslation } from 'react-i18next';
import type { MailStatus } from '../../../contract/hosts.ts';
import { Badge, type Tone } from '../../ui/Badge.tsx';

const tones: Record<MailStatus, Tone> = {
  pending: 'info',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  written: 'neutral',
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`mail.status.${status}`)}</Badge>;
}
