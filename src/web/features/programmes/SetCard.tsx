import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LearningSet } from '../../../contract/sets.ts';
import { Badge } from '../../ui/Badge.tsx';
import { listOf } from '../../ui/lists.ts';
import { SizeWarning } from '../sets/SizeWarning.tsx';

/** One set on the programme page: its roster at a glance and any size warning. */
export function SetCard({ set }: { set: LearningSet }) {
  const { t, i18n } = useTranslation();
  const facilitators = set.roster.filter((r) => r.role === 'facilitator');
  const members = set.roster.filter((r) => r.role === 'member');
  const headingId = `set-${set.id}`;
  return (
    <li className="card set-card">
      <div className="set-card__head">
        <h3 className="card__title" id={headingId}>
          <Link to={`/sets/${set.id}`}>{set.name}</Link>
        </h3>
        <p className="badges">
          <Badge>{t(`set.mode.${set.mode}`)}</Badge>
          {set.archived ? <Badge>{t('common.archived')}</Badge> : null}
        </p>
      </div>
      {set.theme ? <p className="card__meta">{set.theme}</p> : null}
      <p className="card__meta">
        {t('set.memberCount', { count: set.memberCount })}
        {facilitators.length > 0
          ? ` · ${t('set.facilitatedBy', {
              names: listOf(
                facilitators.map((f) => f.name),
                i18n.language,
              ),
            })}`
          : null}
      </p>
      <SizeWarning warning={set.sizeWarning} compact />
      {members.length > 0 ? (
        <ul className="roster-list" aria-label={t('set.rosterOf', { name: set.name })}>
          {members.map((m) => (
            <li key={m.personId}>
              <span className="roster-list__name">{m.name}</span>
              {m.organisation ? <span className="roster-list__org">{m.organisation.name}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('set.noMembersYet')}</p>
      )}
    </li>
  );
}
