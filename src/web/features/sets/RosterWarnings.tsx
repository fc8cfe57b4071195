import { useTranslation } from 'react-i18next';
import type { RosterWarning } from '../../../contract/sets.ts';
import { listOf } from '../../ui/lists.ts';

/** Advice about the mix of organisations in a set (METHOD.md, "Forming sets"): warnings, not errors. */
export function RosterWarnings({ warnings }: { warnings: RosterWarning[] }) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="callout callout--warning">
      <p>
        <strong>{t('set.mix.title')}</strong>
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.kind}:${w.people.join('|')}`}>
            {w.kind === 'facilitator-same-organisation'
              ? t('set.mix.facilitator', {
                  facilitator: w.people[0],
                  members: listOf(w.people.slice(1), i18n.language),
                })
              : t('set.mix.shared', { people: listOf(w.people, i18n.language) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
