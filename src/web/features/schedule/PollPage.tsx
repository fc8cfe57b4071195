import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import * as polls from '../../../contract/polls.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { Failure } from '../../app/Failure.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import './schedule.css';
import { useTimeFormat } from '../../app/time.ts';

type Answer = (typeof polls.pollAnswers)[number];

/** /polls/:pollId: answer yes / if need be / no per option (times in my zone); the organiser confirms. */
export function PollPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { pollId } = useParams();
  const poll = useRoute(polls.getPoll, pollId ? { params: { id: pollId } } : null);
  const [mine, setMine] = useState<Record<string, Answer>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useTitle(poll.data?.title);
  if (!poll.data) return poll.error ? <Failure error={poll.error} retry={poll.reload} /> : <Loading />;
  const p = poll.data;
  const chosen = (optionId: string): Answer | undefined => mine[optionId] ?? p.myAnswers[optionId];
  const submit = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const list = p.options.flatMap((o) => {
        const answer = chosen(o.id);
        return answer ? [{ optionId: o.id, answer }] : [];
      });
      poll.setData(await call(polls.answerPoll, { params: { id: p.id }, body: { answers: list } }));
      setSaved(true);
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (optionId: string) => {
    setBusy(true);
    setError(null);
    try {
      poll.setData(await call(polls.confirmPoll, { params: { id: p.id }, body: { optionId } }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  /** Nobody answered: the dialog has said so, and the organiser chose to decide anyway. */
  const confirmUnanswered = async (optionId: string) => {
    poll.setData(await call(polls.confirmPoll, { params: { id: p.id }, body: { optionId, force: true } }));
  };
  return (
    <section className="page page--narrow">
      <PageHeader
        title={p.title}
        lead={t(
          p.abilities.answer
            ? 'schedule.poll.lead'
            : p.setId
              ? 'schedule.poll.leadOrganiser'
              : 'schedule.poll.leadOrganiserProgramme',
          { zone: p.viewerTimeZone },
        )}
        meta={
          p.status === 'confirmed' ? (
            <Badge tone="success">{t('schedule.poll.confirmed')}</Badge>
          ) : (
            <Badge tone="info">{t('schedule.poll.open')}</Badge>
          )
        }
      />
      <p>{t('schedule.poll.responses', { count: p.respondentCount, total: p.participantCount })}</p>
      {p.status === 'confirmed' ? (
        <p className="callout callout--success">
          {p.setId ? t('schedule.poll.decided') : t('schedule.poll.decidedProgramme')}{' '}
          <Link to="/upcoming">{t('schedule.poll.seeUpcoming')}</Link>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="callout callout--danger">
          {error}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <ul className="card-list">
          {p.options.map((o) => {
            const label = time.range(o.startsAt, o.endsAt);
            const there = time.when({ startsAt: o.startsAt, endsAt: o.endsAt, timeZone: p.timeZone });
            const title = (
              <>
                {label}{' '}
                {p.suggestedOptionId === o.id ? (
                  <Badge tone="accent">{t('schedule.poll.suggested')}</Badge>
                ) : null}
                {p.confirmedOptionId === o.id ? (
                  <>
                    {' '}
                    <Badge tone="success">{t('schedule.poll.chosen')}</Badge>
                  </>
                ) : null}
              </>
            );
            const organiserTime =
              there.meeting !== null ? (
                <p className="field__hint">
                  {t('schedule.poll.organiserTime', {
                    start: there.meeting,
                    zone: there.meetingZone,
                  })}
                </p>
              ) : null;
            const tally = (
              <p className="poll-option__tally">
                {t('schedule.poll.tally', { yes: o.yes, ifNeedBe: o.ifNeedBe, no: o.no })}
              </p>
            );
            return (
              <li key={o.id} className="card poll-option" data-option={o.id}>
                {p.abilities.answer ? (
                  <fieldset className="fieldset">
                    <legend className="poll-option__title">{title}</legend>
                    {organiserTime}
                    <div className="answer-choices">
                      {polls.pollAnswers.map((a) => (
                        <label key={a} className="answer-choice">
                          <input
                            type="radio"
                            name={`answer-${o.id}`}
                            value={a}
                            checked={chosen(o.id) === a}
                            onChange={() => setMine({ ...mine, [o.id]: a })}
                          />
                          {t(`schedule.poll.answers.${a}`)}
                        </label>
                      ))}
                    </div>
                    {tally}
                  </fieldset>
                ) : (
                  <>
                    <h2 className="poll-option__title">{title}</h2>
                    {organiserTime}
                    {tally}
                  </>
                )}
                {p.abilities.confirm && p.respondentCount === 0 ? (
                  <ConfirmButton
                    small
                    variant="primary"
                    label={t('schedule.poll.confirm', { option: label })}
                    title={t('schedule.poll.noAnswersTitle')}
                    message={
                      <p>
                        {t('schedule.poll.noAnswersMessage', { option: label, count: p.participantCount })}
                      </p>
                    }
                    confirmLabel={t('schedule.poll.noAnswersConfirm')}
                    onConfirm={() => confirmUnanswered(o.id)}
                  />
                ) : p.abilities.confirm ? (
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
