/**
 * When the live room's hint speaks (issue 10): only about a question that is not OPEN, only once the
 * member has typed enough to judge, and, in the clarifying step, never about a closed question: facts
 * ("How many people report to you?") are what clarifying is for.
 */
import type { CoachLabel, Evidence } from './types.ts';

/** Fewer words than this is a question still being typed: no hint yet. */
export const minimumWords = 3;

export type QuestioningStep = 'clarifying' | 'questioning';

export function wordsIn(text: string): number {
  return text.trim().split(/\s+/u).filter(Boolean).length;
}

export function shouldHint(text: string, label: CoachLabel, step: QuestioningStep): boolean {
  if (wordsIn(text) < minimumWords) return false;
  if (label === 'OPEN') return false;
  if (step === 'clarifying' && label === 'CLOSED') return false;
  return true;
}

/** The text cut into plain and highlighted pieces, for showing the deciding words in place. */
export function highlight(text: string, evidence: readonly Evidence[]): { text: string; marked: boolean }[] {
  const spans = [...evidence]
    .filter((e) => e.start >= 0 && e.end <= text.length && e.end > e.start)
    .sort((a, b) => a.start - b.start);
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
