import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
    <Breadcrumbs label={t('common.breadcrumbs')}>
      <li>
        <Link to="/">{t('nav.home')}</Link>
      </li>
      <li>
        <Link to={`/sets/${setId}/meetings`}>{setName || t('meeting.tabs.meetings')}</Link>
      </li>
      <li aria-current="page">{current}</li>
    </Breadcrumbs>
  );
}
