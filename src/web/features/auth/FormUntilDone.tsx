import type { FormEvent, ReactNode } from 'react';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import type { Form } from '../../ui/use-form.ts';

/**
 * A form (its fields are the children) until it has done its job, then what happened and the one way on.
 * The live region is there from the start, so that screen readers announce the message when it appears.
 */
export function FormUntilDone({
  form,
  onSubmit,
  done,
  message,
  onward,
  children,
}: {
  form: Pick<Form<Record<string, string>>, 'errors' | 'problem' | 'attempt' | 'idFor'>;
  onSubmit(event: FormEvent): void;
  done: boolean;
  message: ReactNode;
  onward: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <div role="status" aria-live="polite">
        {done ? <div className="callout callout--success">{message}</div> : null}
      </div>
      {done ? (
        <p>{onward}</p>
      ) : (
        <form noValidate onSubmit={onSubmit}>
          <ErrorSummary
            errors={form.errors}
            problem={form.problem}
            attempt={form.attempt}
            idFor={form.idFor}
          />
          {children}
        </form>
      )}
    </>
  );
}
