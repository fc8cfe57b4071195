import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';

/** A page under People that holds one form: the way back to the list, the page's heading and the form's card. */
export function PeopleFormPage({
  title,
  lead,
  children,
}: {
  title: string;
  lead: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="page page--form">
      <Breadcrumbs label={t('common.breadcrumbs')}>
        <li>
          <Link to="/people">{t('people.title')}</Link>
        </li>
        <li aria-current="page">{title}</li>
      </Breadcrumbs>
      <PageHeader title={title} lead={lead} />
      <div className="card">{children}</div>
    </section>
  );
}
