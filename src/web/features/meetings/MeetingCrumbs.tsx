import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../ui/PageHeader.tsx';

/** Home › the set's meetings › this page of one meeting (`current`). */
export function MeetingCrumbs({
  setId,
  setName,
  current,
}: {
  setId: string;
  setName: string;
  current: string;
}) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs
      fromHome
      trail={[{ to: `/sets/${setId}/meetings`, label: setName || t('meeting.tabs.meetings') }]}
      current={current}
    />
  );
}
