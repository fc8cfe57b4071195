// The poll form's values, checks and request body, for a set's regular slot and for a programme-wide
// date alike: pure, so the rules are tested without a browser.
import type { TFunction } from 'i18next';
import { createProgrammePoll, createSetPoll, maxPollOptions } from '../../../contract/polls.ts';
import type { BodyInput } from '../../../contract/route.ts';
import { pattern } from '../../../contract/series.ts';
import { checkAgainst } from '../../ui/check-against.ts';
import type { FieldErrors } from '../../ui/use-form.ts';

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
export const maxOptions = maxPollOptions;
export const durations = [60, 90, 120, 150, 180, 240, 300, 360, 420, 480];

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

/**
 * The poll's own route checks what it would send (title, times, link, repeat), each message at its
 * field; the form adds what only it asks: no time twice, and for a slot a last date after the options.
 */
export function validatePoll(t: TFunction, kind: PollKind, v: PollValues): FieldErrors {
  const options = optionsOf(v);
  const optionLabel = (i: number) => t('schedule.pollForm.option', { n: i + 1 });
  const labels: Record<string, string> = {
    title: t('schedule.pollForm.title'),
    timeZone: t('schedule.pollForm.zone'),
    durationMinutes: t('schedule.pollForm.duration'),
    place: t('schedule.pollForm.place'),
    videoUrl: t('schedule.pollForm.videoUrl'),
    untilDate: t('schedule.pollForm.until'),
    'pattern.interval': t('schedule.pollForm.interval'),
  };
  const messages: Record<string, string> = {
    videoUrl: t('schedule.pollForm.videoUrlInvalid'),
    'pattern.interval': t('schedule.pollForm.intervalInvalid', {
      min: pattern.shape.interval.minValue,
      max: pattern.shape.interval.maxValue,
    }),
  };
  options.forEach((option, i) => {
    labels[`options.${i}`] = optionLabel(i);
    // A blank option is missing (checkAgainst says so); a filled one the server cannot read needs both parts.
    if (option.trim())
      messages[`options.${i}`] = t('schedule.pollForm.optionInvalid', { label: optionLabel(i) });
  });
  const route = kind === 'slot' ? createSetPoll : createProgrammePoll;
  const aliases = pollAliases();
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(
    checkAgainst(route.body, pollBody(kind, v), t, labels, messages),
  ))
    errors[aliases[field] ?? field] ??= message;
  const seen = new Set<string>();
  options.forEach((option, i) => {
    const key = optionKey(i);
    if (!errors[key] && seen.has(option))
      errors[key] = t('schedule.pollForm.optionTwice', { label: optionLabel(i) });
    seen.add(option);
  });
  if (kind === 'slot') {
    const latest = [...options].sort().at(-1)?.slice(0, 10) ?? '';
    if (!v.untilDate.trim()) errors.untilDate = t('forms.required', { label: labels.untilDate });
    else if (v.untilDate < latest) errors.untilDate = t('schedule.pollForm.untilTooEarly');
  }
  return errors;
}

/** The body for POST /api/sets/:id/polls (slot) or POST /api/programmes/:id/polls (date). */
export function pollBody(kind: 'date', v: PollValues): BodyInput<typeof createProgrammePoll>;
export function pollBody(kind: 'slot', v: PollValues): BodyInput<typeof createSetPoll>;
export function pollBody(
  kind: PollKind,
  v: PollValues,
): BodyInput<typeof createProgrammePoll> | BodyInput<typeof createSetPoll>;
export function pollBody(
  kind: PollKind,
  v: PollValues,
): BodyInput<typeof createProgrammePoll> | BodyInput<typeof createSetPoll> {
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
