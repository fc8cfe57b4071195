// The workshop form's values, checks and request bodies: pure, so the rules are tested without a browser.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { createWorkshopBody, updateWorkshopBody, type Workshop } from '../../../contract/workshops.ts';
import { checkAgainst } from '../../ui/check-against.ts';
import type { FieldErrors } from '../../ui/use-form.ts';

export type WorkshopValues = {
  title: string;
  agenda: string;
  facilitatorId: string;
  capacity: string;
  timeZone: string;
  durationMinutes: string;
  place: string;
  videoUrl: string;
  /** 'direct': a date now; 'poll': ask the programme. */
  dateMode: string;
  localStart: string;
  option1: string;
  option2: string;
  option3: string;
};

export const durations = [60, 90, 120, 180, 240, 300, 360, 420, 480];

export function workshopValues(timeZone: string, w?: Workshop): WorkshopValues {
  return {
    title: w?.title ?? '',
    agenda: w?.agenda ?? '',
    facilitatorId: w?.facilitator?.id ?? '',
    capacity: w?.capacity ? String(w.capacity) : '',
    timeZone: w?.timeZone ?? timeZone,
    durationMinutes: String(w?.durationMinutes ?? 240),
    place: w?.place ?? '',
    videoUrl: w?.videoUrl ?? '',
    dateMode: 'poll',
    localStart: w?.event?.localStart ?? '',
    option1: '',
    option2: '',
    option3: '',
  };
}

const commonBody = (v: WorkshopValues, themeIds: string[]) => ({
  title: v.title,
  agenda: v.agenda,
  themeIds,
  facilitatorId: v.facilitatorId || null,
  capacity: v.capacity.trim() === '' ? null : Number(v.capacity),
  place: v.place,
  videoUrl: v.videoUrl,
});

/** The request body a new workshop's values stand for (the server's schema checks it, here and there). */
export function createBody(v: WorkshopValues, themeIds: string[]): z.input<typeof createWorkshopBody> {
  return {
    ...commonBody(v, themeIds),
    timeZone: v.timeZone,
    durationMinutes: Number(v.durationMinutes),
    ...(v.dateMode === 'direct'
      ? { localStart: v.localStart }
      : { pollOptions: [v.option1, v.option2, v.option3].filter((o) => o.trim() !== '') }),
  };
}

export function updateBody(v: WorkshopValues, themeIds: string[]): z.input<typeof updateWorkshopBody> {
  return commonBody(v, themeIds);
}

/** Each field's label, as the form shows it and as its error messages name it. */
export const labelsFor = (t: TFunction) => ({
  title: t('workshops.form.title'),
  agenda: t('workshops.form.agenda'),
  capacity: t('workshops.form.capacity'),
  localStart: t('workshops.form.localStart'),
  pollOptions: t('workshops.form.options'),
  place: t('workshops.form.place'),
  videoUrl: t('workshops.form.videoUrl'),
});

/** Checks the values with the server's own schema; a problem with the poll's times lands at the first time. */
export function validateWorkshop(
  t: TFunction,
  v: WorkshopValues,
  themeIds: string[],
  editing: boolean,
): FieldErrors {
  const labels = labelsFor(t);
  const errors = editing
    ? checkAgainst(updateWorkshopBody, updateBody(v, themeIds), t, labels)
    : checkAgainst(createWorkshopBody, createBody(v, themeIds), t, labels);
  for (const key of Object.keys(errors))
    if (key.startsWith('pollOptions')) {
      errors.option1 ??= errors[key]!;
      delete errors[key];
    }
  return errors;
}
