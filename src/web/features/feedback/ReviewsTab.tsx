import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createReview, listReviews, type Review } from '../../../contract/feedback.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { KSetting } from './KSetting.tsx';
import './feedback.css';

function NewReview({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [phase, setPhase] = useState<'mid' | 'end'>('end');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('feedback.review.titleNeeded'));
      return;
    }
    setBusy(true);
    try {
      const created = await call(createReview, { params: { programmeId }, body: { title, phase } });
      navigate(`/reviews/${created.id}`);
    } catch (err) {
      setError(problemText(t, err));
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-review">
      <h2 id="new-review" className="card__title">
        {t('feedback.review.new')}
      </h2>
      <p className="muted">{t('feedback.review.fromTemplate')}</p>
      <TextField
        id="review-title"
        label={t('feedback.review.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={error ?? undefined}
      />
      <SelectField
        id="review-phase"
        label={t('feedback.review.phase')}
        value={phase}
        onChange={(e) => setPhase(e.target.value as 'mid' | 'end')}
        options={[
          { value: 'mid', label: t('feedback.review.phases.mid') },
          { value: 'end', label: t('feedback.review.phases.end') },
        ]}
      />
      <Button type="submit" busy={busy}>
        {t('feedback.review.create')}
      </Button>
    </form>
  );
}

export function ReviewState({ review }: { review: Review }) {
  const { t } = useTranslation();
  const tone = review.state === 'open' ? 'success' : review.state === 'closed' ? 'neutral' : 'info';
  return <Badge tone={tone}>{t(`feedback.review.states.${review.state}`)}</Badge>;
}

/** /programmes/:id/reviews: the programme's reviews; the coordinator starts one from the template. */
export function ReviewsTab() {
  const { t } = useTranslation();
  const { programme } = useProgramme();
  const allowed = programme.abilities['review.list'];
  const list = useRoute(listReviews, allowed ? { params: { programmeId: programme.id } } : null);
  useTitle(t('feedback.review.pageTitle', { name: programme.name }));
  if (!allowed) return <NotFoundPage />;
  if (list.error && !list.data) return <LoadError error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading />;
  const { reviews, canCreate } = list.data;
  return (
    <div className="reviews-page">
      <p className="lead">{t('feedback.review.lead')}</p>
      {reviews.length === 0 ? (
        <EmptyState title={t('feedback.review.emptyTitle')}>{t('feedback.review.empty')}</EmptyState>
      ) : (
        <ul className="review-list">
          {reviews.map((r) => (
            <li key={r.id} className="card">
              <h2 className="card__title">
                <Link to={`/reviews/${r.id}`}>{r.title}</Link> <ReviewState review={r} />
              </h2>
              <p className="muted">
                {t('feedback.review.responses', { responses: r.responses, invited: r.invited })}
                {r.mine ? ` · ${t('feedback.review.youAnswered')}` : ''}
              </p>
              {r.abilities['review.readReport'] || (r.publishedAt && r.abilities['report.readPublished']) ? (
                <Link to={`/reviews/${r.id}/report`}>{t('feedback.report.open')}</Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canCreate ? <NewReview programmeId={programme.id} /> : null}
      <KSetting />
    </div>
  );
}
