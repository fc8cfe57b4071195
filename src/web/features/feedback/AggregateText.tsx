import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { choiceAggregate, scaleAggregate } from '../../../contract/feedback.ts';

/** A K-ruled aggregate in words: the mean and count, or "not enough answers yet". */
export function AggregateText({
  label,
  aggregate,
}: {
  label: string;
  aggregate: z.infer<typeof scaleAggregate> | z.infer<typeof choiceAggregate>;
}) {
  const { t } = useTranslation();
  if (!aggregate.shown)
    return (
      <p>
        <strong>{label}:</strong>{' '}
        {t('feedback.notEnough', { count: aggregate.count, needed: aggregate.needed })}
      </p>
    );
  return (
    <p>
      <strong>{label}:</strong>{' '}
      {'mean' in aggregate
        ? t('feedback.meanOf', { mean: aggregate.mean, count: aggregate.count })
        : t('feedback.answers', { count: aggregate.count })}
    </p>
  );
}
