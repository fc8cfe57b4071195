import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answerPulse,
  getMeetingPulse,
  type MeetingPulse,
  withdrawPulse,
} from '../../../contract/feedback.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextAreaField } from '../../ui/Field.tsx';
import { AggregateText } from './AggregateText.tsx';

const points = [1, 2, 3, 4, 5] as const;

function ScaleChoice({
  name,
  legend,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  value: number | null;
  onChange(v: number): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="scale-choice">
      <legend>{legend}</legend>
      <div className="scale-choice__points">
        {points.map((p) => (
          <label key={p}>
            <input type="radio" name={name} value={p} checked={value === p} onChange={() => onChange(p)} />
            <span>{t(`feedback.scale.${p}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function PulseForm({ pulse, onPulse }: { pulse: MeetingPulse; onPulse(p: MeetingPulse): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [useful, setUseful] = useState<number | null>(pulse.mine?.useful ?? null);
  const [safe, setSafe] = useState<number | null>(pulse.mine?.safe ?? null);
  const [comment, setComment] = useState(pulse.mine?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = pulse.meetingId;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (useful === null || safe === null) {
      setError(t('feedback.pulse.bothNeeded'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onPulse(await call(answerPulse, { params: { meetingId: id }, body: { useful, safe, comment } }));
      announce(t('feedback.pulse.saved'));
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async () => {
    setBusy(true);
    try {
      onPulse(await call(withdrawPulse, { params: { meetingId: id } }));
      setUseful(null);
      setSafe(null);
      setComment('');
      announce(t('feedback.pulse.withdrawn'));
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="pulse-form" onSubmit={submit} aria-label={t('feedback.pulse.formLabel')}>
      <p className="muted">{t('feedback.pulse.anonymous', { k: pulse.k })}</p>
      <ScaleChoice
        name={`useful-${id}`}
        legend={t('feedback.pulse.useful')}
        value={useful}
        onChange={setUseful}
      />
      <ScaleChoice name={`safe-${id}`} legend={t('feedback.pulse.safe')} value={safe} onChange={setSafe} />
      <TextAreaField
        id={`pulse-comment-${id}`}
        label={t('feedback.pulse.comment')}
        hint={t('feedback.pulse.commentHint', { k: pulse.k })}
        optional
        maxLength={500}
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={busy} small>
          {pulse.mine ? t('feedback.pulse.change') : t('feedback.pulse.give')}
        </Button>
        {pulse.mine ? (
          <Button variant="quiet" small onClick={withdraw} disabled={busy}>
            {t('feedback.pulse.withdraw')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The pulse of a meeting that is over: a member's own answer, and the set's aggregate over K answers. */
export function PulsePanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const pulse = useRoute(getMeetingPulse, { params: { meetingId } });
  const p = pulse.data;
  if (!p?.open) return null;
  return (
    <section className="pulse-panel" aria-labelledby={`pulse-${meetingId}`}>
      <h4 id={`pulse-${meetingId}`}>{t('feedback.pulse.title')}</h4>
      {p.canAnswer ? <PulseForm pulse={p} onPulse={pulse.setData} /> : null}
      <div className="pulse-summary">
        <AggregateText label={t('feedback.pulse.usefulShort')} aggregate={p.summary.useful} />
        <AggregateText label={t('feedback.pulse.safeShort')} aggregate={p.summary.safe} />
      </div>
      {p.comments?.length ? (
        <>
          <h5>{t('feedback.pulse.comments')}</h5>
          <ul className="pulse-comments">
            {p.comments.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id, on purpose
              <li key={i}>“{c}”</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
