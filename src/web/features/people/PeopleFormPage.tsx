import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
      <Breadcrumbs trail={[{ to: '/people', label: t('people.title') }]} current={title} />
      <PageHeader title={title} lead={lead} />
      <div className="card">{children}</div>
    </section>
  );
}
