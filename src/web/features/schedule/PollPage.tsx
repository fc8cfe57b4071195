import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { Failure } from '../../app/Failure.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { type Poll, wallClock } from './types.ts';

const answers = ['yes', 'ifneedbe', 'no'] as const;

/** /polls/:pollId: answer yes / if need be / no per option (times in my zone); the organiser confirms. */
export function PollPage() {
  const { t, i18n } = useTranslation();
  const { pollId } = useParams();
  const poll = useResource<Poll>(`/api/polls/${pollId}`);
  const [mine, setMine] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useTitle(poll.data?.title);
  if (!poll.data) return poll.error ? <Failure error={poll.error} retry={poll.reload} /> : <Loading />;
  const p = poll.data;
  const chosen = (optionId: string) => mine[optionId] ?? p.myAnswers[optionId] ?? '';
  const submit = async () => {
    setBusy(true);
    try {
      const list = p.options
        .filter((o) => chosen(o.id))
        .map((o) => ({ optionId: o.id, answer: chosen(o.id) }));
      poll.setData(await api.put<Poll>(`/api/polls/${p.id}/answers`, { answers: list }));
      setSaved(true);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (optionId: string) => {
    setBusy(true);
    try {
      poll.setData(await api.post<Poll>(`/api/polls/${p.id}/confirm`, { optionId }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="page page--narrow">
      <PageHeader
        title={p.title}
        lead={t('schedule.poll.lead', { zone: p.viewerTimeZone })}
        meta={
          p.status === 'confirmed' ? (
            <Badge tone="success">{t('schedule.poll.confirmed')}</Badge>
          ) : (
            <Badge tone="info">{t('schedule.poll.open')}</Badge>
          )
        }
      />
      <p>{t('schedule.poll.responses', { count: p.respondentCount, total: p.participantCount })}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <ul className="card-list">
          {p.options.map((o) => {
            const label = t('schedule.poll.option', {
              start: wallClock(o.viewerLocalStart, i18n.language),
              end: o.viewerLocalEnd.slice(11),
            });
            return (
              <li key={o.id} className="card" data-option={o.id}>
                <fieldset disabled={!p.abilities.answer}>
                  <legend>
                    {label}{' '}
                    {p.suggestedOptionId === o.id ? (
                      <Badge tone="accent">{t('schedule.poll.suggested')}</Badge>
                    ) : null}
                    {p.confirmedOptionId === o.id ? (
                      <Badge tone="success">{t('schedule.poll.chosen')}</Badge>
                    ) : null}
                  </legend>
                  {p.timeZone !== p.viewerTimeZone ? (
                    <p className="field__hint">
                      {t('schedule.poll.organiserTime', {
                        start: wallClock(o.localStart, i18n.language),
                        zone: p.timeZone,
                      })}
                    </p>
                  ) : null}
                  {answers.map((a) => (
                    <label key={a} className="radio">
                      <input
                        type="radio"
                        name={`answer-${o.id}`}
                        value={a}
                        checked={chosen(o.id) === a}
                        onChange={() => setMine({ ...mine, [o.id]: a })}
                      />{' '}
                      {t(`schedule.poll.answers.${a}`)}
                    </label>
                  ))}
                  <p className="field__hint">
                    {t('schedule.poll.tally', { yes: o.yes, ifNeedBe: o.ifNeedBe, no: o.no })}
                  </p>
                </fieldset>
                {p.abilities.confirm ? (
                  <Button variant="secondary" small busy={busy} onClick={() => void confirm(o.id)}>
                    {t('schedule.poll.confirm', { option: label })}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {p.abilities.answer ? (
          <Button type="submit" busy={busy}>
            {t('schedule.poll.save')}
          </Button>
        ) : null}
        {saved ? <p role="status">{t('schedule.poll.saved')}</p> : null}
      </form>
    </section>
  );
}
