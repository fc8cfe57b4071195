import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFeedbackSettings, minAnswers, updateFeedbackSettings } from '../../../contract/feedback.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useMe } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';

/** K for the whole host: what everyone reads, and the form host admins change it with (never below 3). */
export function KSetting() {
  const { t } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const settings = useRoute(getFeedbackSettings, { params: { hostId: me.host.id } });
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!settings.data) return null;
  const k = settings.data.minAnswers;
  if (!me.abilities['feedback.configure']) return <p className="muted">{t('feedback.k.explain', { k })}</p>;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value ?? k);
    if (!Number.isInteger(n) || n < minAnswers.floor || n > minAnswers.ceiling) {
      setError(t('feedback.k.range', { floor: minAnswers.floor, ceiling: minAnswers.ceiling }));
      return;
    }
    try {
      settings.setData(
        await call(updateFeedbackSettings, { params: { hostId: me.host.id }, body: { minAnswers: n } }),
      );
      setError(null);
      announce(t('feedback.k.saved', { k: n }));
    } catch (err) {
      setError(problemText(t, err));
    }
  };
  return (
    <form className="card" onSubmit={save} aria-labelledby="k-heading">
      <h2 id="k-heading" className="card__title">
        {t('feedback.k.title')}
      </h2>
      <p className="muted">{t('feedback.k.explain', { k })}</p>
      <TextField
        id="k-value"
        type="number"
        inputMode="numeric"
        min={minAnswers.floor}
        max={minAnswers.ceiling}
        label={t('feedback.k.label')}
        hint={t('feedback.k.hint', { floor: minAnswers.floor, default: minAnswers.default })}
        value={value ?? String(k)}
        onChange={(e) => setValue(e.target.value)}
        error={error ?? undefined}
      />
      <Button type="submit" variant="secondary">
        {t('feedback.k.save')}
      </Button>
    </form>
  );
}
