import { useTranslation } from 'react-i18next';
import { downloadMyData } from '../../../contract/closing.ts';
import { pathOf } from '../../../contract/route.ts';

/** On one's own page: all of one's data, as one archive of JSON and readable Markdown. */
export function MyDataSection() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t('closing.myData.title')}</h2>
      <p>{t('closing.myData.lead')}</p>
      <a
        className="button button--secondary"
        href={pathOf(downloadMyData, {})}
        download="revans-my-data.tar.gz"
      >
        {t('closing.myData.download')}
      </a>
    </section>
  );
}
