import { useTranslation } from 'react-i18next';
import type { SetSizeWarning } from '../../../domain/programme.ts';

/**
 * A set outside its programme's size bounds is allowed, so this is a warning, never an error: the text
 * says what is unusual and what a coordinator might do.
 */
export function SizeWarning({ warning, compact }: { warning: SetSizeWarning; compact?: boolean }) {
  const { t } = useTranslation();
  if (!warning) return null;
  const { members, bounds } = warning;
  const vars = { count: members, min: bounds.min, max: bounds.max };
  return (
    <div className={compact ? 'callout callout--warning callout--compact' : 'callout callout--warning'}>
      <p>
        <strong>{t('set.size.label')} </strong>
        {t(warning.kind === 'too-small' ? 'set.size.tooSmall' : 'set.size.tooLarge', vars)}
        {compact
          ? null
          : ` ${t(warning.kind === 'too-small' ? 'set.size.tooSmallAdvice' : 'set.size.tooLargeAdvice')}`}
      </p>
    </div>
  );
}
