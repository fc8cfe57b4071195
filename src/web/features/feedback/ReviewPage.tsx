import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  answerReview,
  getReview,
  type QuestionInput,
  questionKinds,
  type Review,
  remindReview,
  reviewLevels,
  updateReview,
} from '../../../contract/feedback.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { ReviewState } from './ReviewsTab.tsx';
import './feedback.css';
import { useTimeFormat } from '../../app/time.ts';

const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocal = (value: string) => (value ? new Date(value).toISOString() : null);

function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}

/** The coordinator's builder: title, dates, questions; once answered, changes are saved as a new version. */
function Builder({ review, onReview }: { review: Review; onReview(r: Review): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [title, setTitle] = useState(review.title);
  const [opensAt, setOpensAt] = useState(toLocal(review.opensAt));
  const [closesAt, setClosesAt] = useState(toLocal(review.closesAt));
  const [questions, setQuestions] = useState<QuestionInput[]>(review.questions as QuestionInput[]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answered = review.responses > 0;
  const change = (i: number, patch: Partial<QuestionInput>) =>
    setQuestions((qs) => qs.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const nextId = () => {
    let n = questions.length + 1;
    while (questions.some((q) => q.id === `q${n}`)) n++;
    return `q${n}`;
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        title,
        opensAt: fromLocal(opensAt),
        closesAt: fromLocal(closesAt),
        questions: questions.map((q) => (q.kind === 'choice' ? q : { ...q, options: undefined })),
        newVersion: answered,
      };
      const saved = await call(updateReview, { params: { id: review.id }, body });
      onReview(saved);
      setQuestions(saved.questions as QuestionInput[]);
      announce(t('feedback.review.saved'));
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };
  const remind = async () => {
    try {
      const { queued } = await call(remindReview, { params: { id: review.id } });
      announce(t('feedback.review.reminded', { count: queued }));
    } catch (err) {
      setError(problemText(t, err));
    }
  };
  return (
    <form onSubmit={save} className="review-builder" aria-labelledby="builder-heading">
      <h2 id="builder-heading">{t('feedback.review.builder')}</h2>
      {answered ? (
        <p className="muted">{t('feedback.review.versionNote', { version: review.version })}</p>
      ) : null}
      <TextField
        id="review-title"
        label={t('feedback.review.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextField
        id="review-opens"
        type="datetime-local"
        label={t('feedback.review.opensAt')}
        value={opensAt}
        onChange={(e) => setOpensAt(e.target.value)}
        optional
      />
      <TextField
        id="review-closes"
        type="datetime-local"
        label={t('feedback.review.closesAt')}
        value={closesAt}
        onChange={(e) => setClosesAt(e.target.value)}
        optional
      />
      <ol className="review-questions">
        {questions.map((q, i) => (
          <li key={q.id} className="card review-question-editor">
            <TextAreaField
              id={`q-text-${q.id}`}
              label={t('feedback.review.questionText', { n: i + 1 })}
              rows={2}
              value={q.text}
              onChange={(e) => change(i, { text: e.target.value })}
            />
            <SelectField
              id={`q-kind-${q.id}`}
              label={t('feedback.review.kind')}
              value={q.kind}
              onChange={(e) => change(i, { kind: e.target.value as QuestionInput['kind'] })}
              options={questionKinds.map((k) => ({ value: k, label: t(`feedback.review.kinds.${k}`) }))}
            />
            <SelectField
              id={`q-level-${q.id}`}
              label={t('feedback.review.level')}
              value={q.level}
              onChange={(e) => change(i, { level: e.target.value as QuestionInput['level'] })}
              options={reviewLevels.map((l) => ({ value: l, label: t(`feedback.levels.${l}`) }))}
            />
            {q.kind === 'choice' ? (
              <TextAreaField
                id={`q-options-${q.id}`}
                label={t('feedback.review.options')}
                hint={t('feedback.review.optionsHint')}
                rows={3}
                value={(q.options ?? []).join('\n')}
                onChange={(e) => change(i, { options: e.target.value.split('\n') })}
              />
            ) : null}
            <Button
              variant="quiet"
              small
              onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
              aria-label={t('feedback.review.removeQuestion', { n: i + 1 })}
            >
              {t('feedback.review.remove')}
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={() =>
          setQuestions((qs) => [...qs, { id: nextId(), kind: 'scale', level: 'reaction', text: '' }])
        }
      >
        {t('feedback.review.addQuestion')}
      </Button>
      <ErrorLine error={error} />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {answered ? t('feedback.review.saveVersion') : t('feedback.review.save')}
        </Button>
        {review.state === 'open' ? (
          <Button variant="secondary" onClick={remind}>
            {t('feedback.review.remind')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

type Given = Record<string, { value: number | string | null; quotable: boolean }>;

/** A participant's answers: every question optional; words reach the coordinator only if quotable. */
function AnswerForm({ review, onReview }: { review: Review; onReview(r: Review): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const initial: Given = {};
  if (review.mine?.version === review.version)
    for (const a of review.mine.answers) initial[a.questionId] = { value: a.value, quotable: a.quotable };
  const [given, setGiven] = useState<Given>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (id: string, patch: Partial<Given[string]>) =>
    setGiven((g) => ({ ...g, [id]: { value: null, quotable: false, ...g[id], ...patch } }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answers = Object.entries(given).map(([questionId, a]) => ({ questionId, ...a }));
      onReview(await call(answerReview, { params: { id: review.id }, body: { answers } }));
      announce(t('feedback.review.thanks'));
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t('feedback.review.answerTitle')}</h2>
      <p className="muted">{t('feedback.review.anonymous')}</p>
      {review.questions.map((q, i) => (
        <div key={q.id} className="review-question">
          {q.kind === 'text' ? (
            <>
              <TextAreaField
                id={`a-${q.id}`}
                label={`${i + 1}. ${q.text}`}
                rows={3}
                maxLength={500}
                optional
                value={String(given[q.id]?.value ?? '')}
                onChange={(e) => set(q.id, { value: e.target.value })}
              />
              <CheckboxField
                id={`a-${q.id}-quotable`}
                label={t('feedback.review.mayQuote')}
                hint={t('feedback.review.mayQuoteHint')}
                checked={given[q.id]?.quotable ?? false}
                onChange={(e) => set(q.id, { quotable: e.target.checked })}
              />
            </>
          ) : (
            <fieldset className="scale-choice">
              <legend>{`${i + 1}. ${q.text}`}</legend>
              <div className="scale-choice__points">
                {(q.kind === 'scale' ? ['1', '2', '3', '4', '5'] : (q.options ?? [])).map((label, j) => {
                  const value = q.kind === 'scale' ? j + 1 : j;
                  return (
                    <label key={label}>
                      <input
                        type="radio"
                        name={`a-${q.id}`}
                        checked={given[q.id]?.value === value}
                        onChange={() => set(q.id, { value })}
                      />
                      <span>{q.kind === 'scale' ? t(`feedback.scale.${value}`) : label}</span>
                    </label>
                  );
                })}
              </div>
            </fieldset>
          )}
        </div>
      ))}
      <ErrorLine error={error} />
      <Button type="submit" busy={busy}>
        {review.mine ? t('feedback.review.changeAnswers') : t('feedback.review.send')}
      </Button>
    </form>
  );
}

/** /reviews/:reviewId: the builder for those who run the programme, the questionnaire for participants. */
export function ReviewPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { reviewId = '' } = useParams();
  const review = useRoute(getReview, { params: { id: reviewId } });
  useTitle(review.data?.title ?? t('feedback.review.loading'));
  if (review.error && !review.data) return <LoadError error={review.error} retry={review.reload} />;
  if (!review.data) return <Loading />;
  const r = review.data;
  const canAnswer = r.abilities['review.answer'] && r.state === 'open';
  const seesReport =
    r.abilities['review.readReport'] || (r.publishedAt && r.abilities['report.readPublished']);
  return (
    <div className="review-page">
      <PageHeader title={r.title} />
      <p>
        <ReviewState review={r} />{' '}
        {r.opensAt ? t('feedback.review.opens', { date: time.dateTime(r.opensAt) }) : null}{' '}
        {r.closesAt ? t('feedback.review.closes', { date: time.dateTime(r.closesAt) }) : null}
      </p>
      <p>
        {t('feedback.review.responses', { responses: r.responses, invited: r.invited })}{' '}
        <Link to={`/programmes/${r.programmeId}/reviews`}>{t('feedback.review.back')}</Link>
        {seesReport ? (
          <>
            {' · '}
            <Link to={`/reviews/${r.id}/report`}>{t('feedback.report.open')}</Link>
          </>
        ) : null}
      </p>
      {r.state === 'closed' && r.abilities['review.answer'] ? <p>{t('feedback.review.closedNote')}</p> : null}
      {canAnswer ? <AnswerForm key={r.version} review={r} onReview={review.setData} /> : null}
      {r.abilities['review.manage'] ? <Builder review={r} onReview={review.setData} /> : null}
    </div>
  );
}
