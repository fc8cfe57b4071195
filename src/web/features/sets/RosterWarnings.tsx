import { useTranslation } from 'react-i18next';
import type { RosterWarning } from '../../../contract/sets.ts';

/** Advice about the mix of organisations in a set (METHOD.md, "Forming sets"): warnings, not errors. */
export function RosterWarnings({ warnings }: { warnings: RosterWarning[] }) {
  const { t } = useTranslation();
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
              ? t('set.mix.facilitator', { facilitator: w.people[0], members: w.people.slice(1).join(', ') })
              : t('set.mix.shared', { people: w.people.join(', ') })}
          </li>
        ))}
      </ul>
    </div>
  );
}
