import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { highlight, type QuestioningStep, shouldHint } from '../../../../../domain/coach/hint.ts';
import { classifyQuestion, suggestRewrites } from '../../../../../domain/coach/index.ts';
import { Button } from '../../../../ui/Button.tsx';

/** How long typing pauses before the coach looks again. */
const settleMs = 400;

function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (text.trim() === '') {
      setSettled(text);
      return;
    }
    const timer = setTimeout(() => setSettled(text), settleMs);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

interface Props {
  text: string;
  step: QuestioningStep;
  /** Replace the question in the field with this one. */
  use(question: string): void;
  /** The member switches the coach off for themself (every set, every device). */
  switchOff(): void;
}

/**
 * The question coach's quiet hint (issue 10): in this browser only, never sent to anyone, never
 * blocking. When the question as typed is not open, it says what the question does, marks the words
 * that made it so, and offers one or two open rewrites; the member can use one, send anyway, or dismiss.
 * Only the explanation is in the polite live region, so a screen reader hears it once per change of
 * kind, not at every keystroke; focus stays in the field.
 */
export function CoachHint({ text, step, use, switchOff }: Props) {
  const { t } = useTranslation();
  const settled = useSettled(text);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    if (text.trim() === '') setDismissed(false);
  }, [text]);
  const hint = useMemo(() => {
    const result = classifyQuestion(settled);
    if (!shouldHint(settled, result.label, step)) return null;
    const rewrites = suggestRewrites(settled, result)
      .slice(0, 2)
      .map((r) => t(r.key, r.params))
      .filter((r) => r.trim() && r.trim() !== settled.trim());
    return { result, rewrites, pieces: highlight(settled, result.evidence) };
  }, [settled, step, t]);
  const shown = hint && !dismissed ? hint : null;

  return (
    <div className={shown ? 'coach-hint coach-hint--shown' : 'coach-hint'}>
      <div aria-live="polite" className="coach-hint__says">
        {shown ? (
          <p>
            <span className="coach-hint__label">{t('coach.room.title')}</span>{' '}
            {t(`coach.hint.${shown.result.label}`)}
          </p>
        ) : null}
      </div>
      {shown ? (
        <>
          {shown.result.evidence.length ? (
            <p className="coach-hint__words">
              <span className="visually-hidden">{t('coach.room.wordsLabel')} </span>
              {shown.pieces.map((piece, i) =>
                piece.marked ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, in order
                  <mark key={i}>{piece.text}</mark>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, in order
                  <span key={i}>{piece.text}</span>
                ),
              )}
            </p>
          ) : null}
          <div className="coach-hint__actions">
            {shown.rewrites.map((rewrite) => (
              <Button key={rewrite} small variant="secondary" onClick={() => use(rewrite)}>
                {t('coach.room.use', { question: rewrite })}
              </Button>
            ))}
            <Button small variant="quiet" onClick={() => setDismissed(true)}>
              {t('coach.room.dismiss')}
            </Button>
            <Button small variant="quiet" onClick={switchOff}>
              {t('coach.room.switchOff')}
            </Button>
          </div>
          <p className="coach-hint__note">{t('coach.room.private')}</p>
        </>
      ) : null}
    </div>
  );
}
