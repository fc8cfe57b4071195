import { type MouseEvent, useId, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './use-form.ts';

interface Props {
  errors: FieldErrors;
  problem: string | null;
  /** Increments on each failed submit: the summary then takes focus so the reader hears it. */
  attempt: number;
  idFor(field: string): string;
}

/** The list of problems at the top of a form after a failed submit; each links to its field. */
export function ErrorSummary({ errors, problem, attempt, idFor }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || problem !== null;

  useLayoutEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (!shown) return null;

  const jump = (field: string) => (event: MouseEvent) => {
    const target = document.getElementById(idFor(field));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: 'center' });
  };

  return (
    <div className="error-summary" role="alert" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 id={headingId} className="error-summary__title">
        {t('forms.errorSummaryTitle')}
      </h2>
      {problem ? <p>{problem}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#${idFor(field)}`} onClick={jump(field)}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
