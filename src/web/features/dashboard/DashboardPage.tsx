import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../contract/me.ts';
import type { listProgrammes, ProgrammeSummary } from '../../../contract/programmes.ts';
import { routeRef, useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useMe } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { CheckboxField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ProgrammePeriod, ProgrammeStatusBadge } from '../programmes/ProgrammeStatus.tsx';
import { GettingStarted } from './GettingStarted.tsx';
import { WhatsNext } from './WhatsNext.tsx';

function MySets({ sets }: { sets: Me['sets'] }) {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="my-sets">
      <h2 id="my-sets">{t('dashboard.mySets')}</h2>
      {sets.length === 0 ? (
        <EmptyState title={t('dashboard.noSetsTitle')}>{t('dashboard.noSets')}</EmptyState>
      ) : (
        <ul className="card-grid">
          {sets.map((set) => (
            <li key={set.id} className="card card--link">
              <h3 className="card__title">
                <Link to={`/sets/${set.id}`}>{set.name}</Link>
              </h3>
              <p className="card__meta">{set.programme.name}</p>
              <p className="badges">
                <Badge tone={set.role === 'facilitator' ? 'accent' : 'info'}>
                  {t(`set.role.${set.role}`)}
                </Badge>
                {set.archived ? <Badge>{t('common.archived')}</Badge> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ProgrammesProps {
  me: Me;
  programmes: ProgrammeSummary[];
  showArchived: boolean;
  onShowArchived(show: boolean): void;
}

function Programmes({ me, programmes, showArchived, onShowArchived }: ProgrammesProps) {
  const { t } = useTranslation();
  const coordinated = new Set(me.coordinates.map((c) => c.id));
  const canCreate = me.abilities['programme.create'];
  const runsAny = me.hostAdmin || me.coordinates.length > 0;
  return (
    <section className="section" aria-labelledby="programmes">
      <div className="section__header">
        <h2 id="programmes">{t('dashboard.programmes')}</h2>
        <div className="section__tools">
          {runsAny ? (
            <CheckboxField
              id="programmes-archived"
              label={t('dashboard.showArchived')}
              checked={showArchived}
              onChange={(e) => onShowArchived(e.target.checked)}
            />
          ) : null}
          {canCreate && programmes.length > 0 ? (
            <ButtonLink to="/programmes/new" variant="secondary" small>
              {t('dashboard.newProgramme')}
            </ButtonLink>
          ) : null}
        </div>
      </div>
      {programmes.length === 0 ? (
        <EmptyState
          title={t('dashboard.noProgrammesTitle')}
          action={
            canCreate ? (
              <ButtonLink to="/programmes/new">{t('dashboard.newProgramme')}</ButtonLink>
            ) : undefined
          }
        >
          {canCreate ? t('dashboard.noProgrammesAdmin') : t('dashboard.noProgrammes')}
        </EmptyState>
      ) : (
        <ul className="card-grid">
          {programmes.map((p) => (
            <li key={p.id} className="card card--link">
              <h3 className="card__title">
                <Link to={`/programmes/${p.id}`}>{p.name}</Link>
              </h3>
              <p className="card__meta">
                <ProgrammePeriod programme={p} />
              </p>
              {p.theme ? <p className="card__text">{p.theme}</p> : null}
              <p className="badges">
                <ProgrammeStatusBadge status={p.status} />
                {p.archived ? <Badge>{t('common.archived')}</Badge> : null}
                {coordinated.has(p.id) ? <Badge tone="accent">{t('dashboard.youCoordinate')}</Badge> : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// Home is part of a member's first download: the route is named, not imported (see routeRef).
const programmesRoute = routeRef<typeof listProgrammes>('GET', '/api/hosts/:hostId/programmes');

/** Home: what's next for the person, then their sets and the programmes they take part in or run. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [showArchived, setShowArchived] = useState(false);
  const programmes = useRoute(
    programmesRoute,
    { params: { hostId: me.host.id }, query: { includeArchived: showArchived ? 'true' : undefined } },
    { keepPrevious: true },
  );
  useTitle(t('dashboard.title'));
  const runsThings = me.hostAdmin || me.coordinates.length > 0;

  return (
    <section className="page">
      <PageHeader title={t('dashboard.welcome', { name: me.person.name })} lead={me.host.name} />
      <WhatsNext />
      {me.sets.length > 0 || !runsThings ? <MySets sets={me.sets} /> : null}
      {programmes.data ? (
        <>
          {me.hostAdmin && programmes.data.length === 0 && !showArchived ? <GettingStarted /> : null}
          <Programmes
            me={me}
            programmes={programmes.data}
            showArchived={showArchived}
            onShowArchived={setShowArchived}
          />
        </>
      ) : programmes.error ? (
        <LoadError error={programmes.error} retry={programmes.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
