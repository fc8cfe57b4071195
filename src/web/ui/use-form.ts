import { type ChangeEvent, type FormEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/client.ts';

export type FieldErrors = Record<string, string>;

export interface FormOptions {
  /** Server field names that belong to another input, e.g. { setSize: 'setSize.min' }. */
  aliases?: Record<string, string>;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Form state with the server's errors placed next to the right field. A failed submit bumps `attempt`,
 * which the error summary uses to take focus.
 */
export function useForm<V extends Record<string, string | boolean>>(
  prefix: string,
  initial: V,
  options: FormOptions = {},
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const busy = useRef(false);

  const idFor = useCallback((name: string) => `${prefix}-${name.replace(/\W+/g, '-')}`, [prefix]);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
  }, []);

  const field = (name: keyof V & string) => ({
    id: idFor(name),
    name,
    value: String(values[name] ?? ''),
    error: errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      set(name, e.target.value as V[typeof name]),
  });

  const checkbox = (name: keyof V & string) => ({
    id: idFor(name),
    name,
    checked: Boolean(values[name]),
    error: errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(name, e.target.checked as V[typeof name]),
  });

  const fail = (fieldErrors: FieldErrors, general: string | null) => {
    setErrors(fieldErrors);
    setProblem(general);
    setAttempt((n) => n + 1);
  };

  /** Runs the action; maps a ProblemError's field errors onto fields, anything else into the summary. */
  const run = async (action: () => Promise<void>, known: readonly string[]): Promise<boolean> => {
    try {
      await action();
      setErrors({});
      setProblem(null);
      return true;
    } catch (error) {
      if (!isProblem(error)) throw error;
      if (error.code === 'network') {
        fail({}, t('errors.network'));
        return false;
      }
      const mapped: FieldErrors = {};
      let unplaced = false;
      for (const e of error.errors) {
        const target = options.aliases?.[e.field] ?? e.field;
        if (known.includes(target) && !mapped[target]) mapped[target] = capitalise(e.message);
        else unplaced = true;
      }
      const placed = Object.keys(mapped).length > 0;
      fail(mapped, placed && !unplaced ? null : error.detail);
      return false;
    }
  };

  /** `validate` may answer later (a schema fetched on first use, see checkAgainstLater). */
  const handleSubmit =
    (action: (values: V) => Promise<void>, validate?: (values: V) => FieldErrors | Promise<FieldErrors>) =>
    async (event: FormEvent) => {
      event.preventDefault();
      if (busy.current) return;
      busy.current = true;
      try {
        const checked = validate?.(values);
        const clientErrors = (checked instanceof Promise ? await checked : checked) ?? {};
        if (Object.keys(clientErrors).length > 0) return fail(clientErrors, null);
        setSubmitting(true);
        await run(() => action(values), Object.keys(values));
      } finally {
        busy.current = false;
        setSubmitting(false);
      }
    };

  const reset = (next: V = initial) => {
    setValues(next);
    setErrors({});
    setProblem(null);
  };

  return { values, set, field, checkbox, errors, problem, submitting, attempt, idFor, handleSubmit, reset };
}

export type Form<V extends Record<string, string | boolean>> = ReturnType<typeof useForm<V>>;
