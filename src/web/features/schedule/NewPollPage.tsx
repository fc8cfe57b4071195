import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, isProblem } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { browserTimeZone, timeZones } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useTitle } from '../../ui/use-title.ts';

/** /sets/:setId/polls/new: ask the set which regular slot suits them. */
export function NewPollPage() {
  const { t } = useTranslation();
  const { setId } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('schedule.newPoll.title'));
  const submit = async (form: FormData) => {
    setBusy(true);
    setError(null);
    try {
      const options = [1, 2, 3].map((i) => String(form.get(`option${i}`) ?? '')).filter(Boolean);
      const poll = await api.post<{ id: string }>(`/api/sets/${setId}/polls`, {
        title: String(form.get('title')),
        purpose: 'slot',
        timeZone: String(form.get('timeZone')),
        durationMinutes: Number(form.get('duration')) * 60,
        options,
        pattern: { frequency: 'weekly', interval: Number(form.get('interval')) },
        untilDate: String(form.get('untilDate')),
      });
      navigate(`/polls/${poll.id}`);
    } catch (e) {
      setError(isProblem(e) ? e.detail : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="page page--narrow">
      <PageHeader title={t('schedule.newPoll.title')} lead={t('schedule.newPoll.lead')} />
      {error ? (
        <p role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(new FormData(e.currentTarget));
        }}
      >
        <TextField
          id="poll-title"
          name="title"
          label={t('schedule.newPoll.name')}
          required
          defaultValue={t('schedule.newPoll.defaultName')}
        />
        <SelectField
          id="poll-zone"
          name="timeZone"
          label={t('schedule.newPoll.zone')}
          defaultValue={browserTimeZone()}
          options={timeZones(browserTimeZone()).map((z) => ({ value: z, label: z }))}
        />
        {[1, 2, 3].map((i) => (
          <TextField
            key={i}
            id={`poll-option-${i}`}
            name={`option${i}`}
            type="datetime-local"
            label={t('schedule.newPoll.option', { n: i })}
            required={i <= 2}
          />
        ))}
        <TextField
          id="poll-interval"
          name="interval"
          type="number"
          min={1}
          max={12}
          defaultValue="4"
          label={t('schedule.newPoll.interval')}
        />
        <TextField
          id="poll-duration"
          name="duration"
          type="number"
          min={1}
          max={8}
          defaultValue="3"
          label={t('schedule.newPoll.duration')}
        />
        <TextField
          id="poll-until"
          name="untilDate"
          type="date"
          required
          label={t('schedule.newPoll.until')}
        />
        <Button type="submit" busy={busy}>
          {t('schedule.newPoll.submit')}
        </Button>
      </form>
    </section>
  );
}
