// The poll form's values, checks and request body, for a set's regular slot and for a programme-wide
// date alike: pure, so the rules are tested without a browser.
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../ui/use-form.ts';
import { checks } from '../../ui/validate.ts';

/** 'slot': a set's regular slot (confirming creates a series); 'date': a programme-wide one-off date. */
export type PollKind = 'slot' | 'date';

export type PollValues = {
  title: string;
  timeZone: string;
  durationMinutes: string;
  place: string;
  videoUrl: string;
  /** Slot polls only: every how many weeks, and the last possible date. */
  interval: string;
  untilDate: string;
} & Record<`option${number}`, string>;

/** As many as the server takes; a poll needs at least two. */
export const minOptions = 2;
export const maxOptions = 20;
export const durations = [60, 90, 120, 150, 180, 240, 300, 360, 420, 480];

const localPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const optionKey = (i: number) => `option${i + 1}` as const;

export function pollValues(defaults: {
  title: string;
  timeZone: string;
  durationMinutes?: number;
}): PollValues {
  return {
    title: defaults.title,
    timeZone: defaults.timeZone,
    durationMinutes: String(defaults.durationMinutes ?? 180),
    place: '',
    videoUrl: '',
    interval: '4',
    untilDate: '',
    option1: '',
    option2: '',
  };
}

/** The candidate times in order, blank ones included (each shown field is one option). */
export function optionsOf(values: PollValues): string[] {
  const found: string[] = [];
  for (let i = 0; optionKey(i) in values; i++) found.push(values[optionKey(i)] ?? '');
  return found;
}

/** The values with the options replaced (renumbered from option1), the rest kept. */
export function withOptions(values: PollValues, options: string[]): PollValues {
  const rest = Object.fromEntries(Object.entries(values).filter(([k]) => !/^option\d+$/.test(k)));
  return {
    ...rest,
    ...Object.fromEntries(options.map((o, i) => [optionKey(i), o])),
  } as PollValues;
}

export const addOption = (values: PollValues): PollValues =>
  optionsOf(values).length >= maxOptions ? values : withOptions(values, [...optionsOf(values), '']);

export const removeOption = (values: PollValues, index: number): PollValues =>
  optionsOf(values).length <= minOptions
    ? values
    : withOptions(
        values,
        optionsOf(values).filter((_, i) => i !== index),
      );

/** Checks that mirror the server's, each message at its field. */
export function validatePoll(t: TFunction, kind: PollKind, v: PollValues): FieldErrors {
  const c = checks(t).required('title', v.title, t('schedule.pollForm.title'));
  const seen = new Set<string>();
  optionsOf(v).forEach((option, i) => {
    const key = optionKey(i);
    const label = t('schedule.pollForm.option', { n: i + 1 });
    c.required(key, option, label)
      .check(key, !localPattern.test(option), t('schedule.pollForm.optionInvalid', { label }))
      .check(key, seen.has(option), t('schedule.pollForm.optionTwice', { label }));
    seen.add(option);
  });
  c.check(
    'videoUrl',
    v.videoUrl.trim() !== '' && !/^https?:\/\/\S+$/.test(v.videoUrl.trim()),
    t('schedule.pollForm.videoUrlInvalid'),
  );
  if (kind === 'slot') {
    const interval = Number(v.interval);
    c.check(
      'interval',
      !Number.isInteger(interval) || interval < 1 || interval > 12,
      t('schedule.pollForm.intervalInvalid', { min: 1, max: 12 }),
    ).required('untilDate', v.untilDate, t('schedule.pollForm.until'));
    const latest = optionsOf(v).sort().at(-1)?.slice(0, 10) ?? '';
    c.check('untilDate', v.untilDate < latest, t('schedule.pollForm.untilTooEarly'));
  }
  return c.errors;
}

/** The body for POST /api/sets/:id/polls (slot) or POST /api/programmes/:id/polls (date). */
export function pollBody(kind: PollKind, v: PollValues) {
  const common = {
    title: v.title.trim(),
    timeZone: v.timeZone,
    durationMinutes: Number(v.durationMinutes),
    options: optionsOf(v),
    place: v.place.trim(),
    videoUrl: v.videoUrl.trim(),
  };
  if (kind === 'date') return common;
  return {
    ...common,
    purpose: 'slot' as const,
    pattern: { frequency: 'weekly' as const, interval: Number(v.interval) },
    untilDate: v.untilDate,
  };
}

/** Where the server's field errors belong: "options.1" at the second option, the pattern at its interval. */
export function pollAliases(): Record<string, string> {
  return {
    options: optionKey(0),
    ...Object.fromEntries(Array.from({ length: maxOptions }, (_, i) => [`options.${i}`, optionKey(i)])),
    pattern: 'interval',
    'pattern.interval': 'interval',
  };
}
