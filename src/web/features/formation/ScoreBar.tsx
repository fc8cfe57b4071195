import { useTranslation } from 'react-i18next';
import type { SetReport } from '../../../contract/formation.ts';

const parts = ['language', 'themes', 'role', 'timeZone', 'availability'] as const;

export const formatScore = (score: number, language: string) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(score);

/**
 * A set's score as a bar scaled to the best set, split by preference; the numbers are in the text, so
 * the bar only helps the eye compare sets.
 */
export function ScoreBar({ report, best }: { report: SetReport; best: number }) {
  const { t, i18n } = useTranslation();
  const scale = best > 0 ? 100 / best : 0;
  return (
    <div className="score">
      <p className="score__value">
        {t('formation.set.score', { score: formatScore(report.score, i18n.language) })}
      </p>
      <div className="score-bar" aria-hidden="true">
        {parts.map((p) =>
          report.breakdown[p] > 0 ? (
            <span
              key={p}
              className={`score-bar__part score-bar__part--${p}`}
              style={{ width: `${report.breakdown[p] * scale}%` }}
              title={`${t(`formation.preference.${p}`)}: ${formatScore(report.breakdown[p], i18n.language)}`}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}

export function ScoreLegend() {
  const { t } = useTranslation();
  return (
    <ul className="score-legend" aria-label={t('formation.legend')}>
      {parts.map((p) => (
        <li key={p}>
          <span className={`score-bar__part score-bar__part--${p}`} aria-hidden="true" />
          {t(`formation.preference.${p}`)}
        </li>
      ))}
    </ul>
  );
}
