/**
 * The share of open questions among questions asked (issue 10, the process review): counts per label
 * from the same classifier the room's hint uses. Pure: the server feeds it a meeting's questions.
 */
import { classifyQuestion } from './classify.ts';
import { type CoachLabel, type CoachLanguage, coachLabels } from './types.ts';

export interface ShareFigures {
  asked: number;
  open: number;
  /** open / asked; null when nothing was asked. */
  share: number | null;
  labels: Record<CoachLabel, number>;
}

export const emptyFigures = (): ShareFigures => ({
  asked: 0,
  open: 0,
  share: null,
  labels: Object.fromEntries(coachLabels.map((l) => [l, 0])) as Record<CoachLabel, number>,
});

/** Labels of the given questions' texts, counted. */
export function shareOf(texts: readonly string[], language: CoachLanguage = 'en'): ShareFigures {
  const figures = emptyFigures();
  for (const text of texts) figures.labels[classifyQuestion(text, language).label] += 1;
  return finish(figures, texts.length);
}

/** Several meetings' figures added up. */
export function sumFigures(all: readonly ShareFigures[]): ShareFigures {
  const total = emptyFigures();
  for (const f of all) for (const l of coachLabels) total.labels[l] += f.labels[l];
  return finish(
    total,
    all.reduce((n, f) => n + f.asked, 0),
  );
}

function finish(figures: ShareFigures, asked: number): ShareFigures {
  const open = figures.labels.OPEN;
  return { ...figures, asked, open, share: asked === 0 ? null : open / asked };
}
