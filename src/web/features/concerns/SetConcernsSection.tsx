import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { listSetConcerns } from '../../../contract/concerns.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { PeriodSetting } from './PeriodSetting.tsx';
import { ProposalCard } from './ProposalCard.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import './concerns.css';

/**
 * "Concerns to share", on the set's page: propose a concern for the programme, see the set's proposals
 * with their deadlines, object or withdraw an objection, edit or withdraw one's own. The set's only.
 */
export function SetConcernsSection({ setId, archived }: { setId: string; archived: boolean }) {
  const { t } = useTranslation();
  const concerns = useRoute(listSetConcerns, { params: { setId } }, { keepPrevious: true });
  const section = useRef<HTMLElement>(null);
  const loaded = Boolean(concerns.data);
  // A mail links to /sets/:id#concerns: the section appears once loaded, so bring it into view then.
  useEffect(() => {
    if (loaded && window.location.hash === '#concerns') section.current?.scrollIntoView();
  }, [loaded]);

  const data = concerns.data;
  const open = data?.proposals.filter((p) => p.status === 'proposed') ?? [];
  const shared = data?.proposals.filter((p) => p.status === 'shared') ?? [];
  return (
    <section
      className="section concerns-section"
      id="concerns"
      ref={section}
      aria-labelledby="concerns-heading"
    >
      <h2 id="concerns-heading">{t('concerns.set.title')}</h2>
      {concerns.error ? <LoadError error={concerns.error} retry={concerns.reload} /> : null}
      {!data && !concerns.error ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted">{t('concerns.set.lead', { count: data.objectionDays })}</p>
          {data.abilities['concern.propose'] && !archived ? (
            <details className="card concern-propose">
              <summary>{t('concerns.set.proposeTitle')}</summary>
              <p className="callout callout--info callout--compact">{t('concerns.set.guidance')}</p>
              <ProposeForm
                setId={setId}
                idPrefix={`propose-${setId}`}
                onProposed={() => void concerns.reload()}
              />
            </details>
          ) : null}
          <h3>{t('concerns.set.openTitle')}</h3>
          {open.length === 0 ? (
            <p className="muted">{t('concerns.set.noneOpen')}</p>
          ) : (
            <ul className="concern-list">
              {open.map((p) => (
                <li key={p.id}>
                  <ProposalCard proposal={p} onChange={() => void concerns.reload()} headingLevel={4} />
                </li>
              ))}
            </ul>
          )}
          {shared.length ? (
            <>
              <h3>{t('concerns.set.sharedTitle')}</h3>
              <ul className="concern-list">
                {shared.map((p) => (
                  <li key={p.id}>
                    <ProposalCard proposal={p} onChange={() => void concerns.reload()} headingLevel={4} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.abilities['concern.configure'] && !archived ? (
            <PeriodSetting concerns={data} onSaved={concerns.setData} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
