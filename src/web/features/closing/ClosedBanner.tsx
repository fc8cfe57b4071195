import { useTranslation } from 'react-i18next';
import { downloadMyProgrammeMarkdown, downloadMyProgrammePdf } from '../../../contract/closing.ts';
import type { Programme } from '../../../contract/programmes.ts';
import { pathOf } from '../../../contract/route.ts';
import { useTimeFormat } from '../../app/time.ts';

/** A closed programme says so at the top; its participants can take their own content with them. */
export function ClosedBanner({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const closedAt = programme.closedAt ? time.dateTime(programme.closedAt) : '';
  return (
    <section className="callout callout--neutral" aria-labelledby="closed-heading">
      <h2 id="closed-heading">{t('closing.banner.title')}</h2>
      <p>{t('closing.banner.body', { date: closedAt })}</p>
      {programme.contentErasedAt ? (
        <p>{t('closing.banner.erased', { date: time.dateTime(programme.contentErasedAt) })}</p>
      ) : null}
      {programme.abilities['programme.exportOwn'] ? <MyContentLinks programme={programme} /> : null}
    </section>
  );
}

/** Download links for one's own content of the programme: Markdown and PDF. */
export function MyContentLinks({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const params = { params: { id: programme.id } };
  return (
    <div className="form-actions">
      <a
        className="button button--secondary"
        href={pathOf(downloadMyProgrammeMarkdown, params)}
        download={`my-content-${programme.name}.md`}
      >
        {t('closing.export.markdown')}
      </a>
      <a
        className="button button--secondary"
        href={pathOf(downloadMyProgrammePdf, params)}
        download={`my-content-${programme.name}.pdf`}
      >
        {t('closing.export.pdf')}
      </a>
    </div>
  );
}
