import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ErasureMode,
  type ErasurePreview,
  erasePerson,
  erasureModes,
  previewErasure,
} from '../../../contract/closing.ts';
import type { Person } from '../../../contract/people.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';

/**
 * A host admin erases a person: first what would go (counts per kind), then the choice for the set
 * content they wrote, then their name typed to confirm.
 */
export function ErasePersonSection({ person, onErased }: { person: Person; onErased(): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const id = useId();
  const [preview, setPreview] = useState<ErasurePreview | null>(null);
  const [mode, setMode] = useState<ErasureMode>('remove');
  const [confirmName, setConfirmName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!person.abilities['person.erase']) return null;

  const prepare = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(await call(previewErasure, { params: { id: person.id } }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const erase = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call(erasePerson, { params: { id: person.id }, body: { mode, confirmName } });
      announce(t('closing.erase.done'));
      setPreview(null);
      onErased();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section danger-zone" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('closing.erase.title')}</h2>
      <p>{t('closing.erase.lead')}</p>
      {error ? (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      ) : null}
      {!preview ? (
        <Button
          variant="secondary"
          busy={busy}
          busyLabel={t('common.loading')}
          onClick={() => void prepare()}
        >
          {t('closing.erase.prepare')}
        </Button>
      ) : (
        <form onSubmit={(e) => void erase(e)} aria-labelledby={`${id}-heading`}>
          <h3>{t('closing.erase.willGo', { name: preview.name })}</h3>
          <ul aria-label={t('closing.erase.countsLabel')}>
            {preview.counts.map((c) => (
              <li key={c.kind}>{t('closing.erase.count', { kind: c.kind, count: c.count })}</li>
            ))}
          </ul>
          <fieldset className="field">
            <legend className="field__label">{t('closing.erase.modeLegend')}</legend>
            {erasureModes.map((m) => (
              <div key={m} className="field field--checkbox">
                <input
                  id={`${id}-${m}`}
                  type="radio"
                  name={`${id}-mode`}
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />
                <label htmlFor={`${id}-${m}`}>{t(`closing.erase.mode.${m}`)}</label>
              </div>
            ))}
          </fieldset>
          <TextField
            id={`${id}-confirm`}
            label={t('closing.erase.confirmLabel', { name: preview.name })}
            value={confirmName}
            autoComplete="off"
            onChange={(e) => setConfirmName(e.target.value)}
          />
          <div className="form-actions">
            <Button
              type="submit"
              variant="danger"
              busy={busy}
              busyLabel={t('common.saving')}
              disabled={confirmName.trim() !== preview.name.trim()}
            >
              {t('closing.erase.action', { name: preview.name })}
            </Button>
            <Button variant="secondary" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
