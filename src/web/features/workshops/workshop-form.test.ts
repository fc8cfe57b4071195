import { describe, expect, it } from 'vitest';
import { createWebI18n } from '../../i18n.ts';
import { createBody, updateBody, validateWorkshop, workshopValues } from './workshop-form.ts';

const t = createWebI18n().t;
const base = { ...workshopValues('Europe/London'), title: 'Mid-year workshop' };

describe('the workshop form', () => {
  it('asks the programme through a poll over the times filled in, blanks left out', () => {
    const body = createBody({ ...base, option1: '2027-05-18T10:00', option2: '2027-05-19T10:00' }, ['t1']);
    expect(body).toMatchObject({
      title: 'Mid-year workshop',
      themeIds: ['t1'],
      capacity: null,
      facilitatorId: null,
      durationMinutes: 240,
      pollOptions: ['2027-05-18T10:00', '2027-05-19T10:00'],
    });
    expect(body).not.toHaveProperty('localStart');
  });

  it('sets the date directly, with a capacity', () => {
    const body = createBody(
      { ...base, dateMode: 'direct', localStart: '2027-05-18T10:00', capacity: '30' },
      [],
    );
    expect(body).toMatchObject({ localStart: '2027-05-18T10:00', capacity: 30 });
    expect(body).not.toHaveProperty('pollOptions');
  });

  it('says at the first time when a poll offers fewer than two, and names a missing title', () => {
    const errors = validateWorkshop(t, { ...base, title: '', option1: '2027-05-18T10:00' }, [], false);
    expect(errors.title).toBe('Title is needed');
    expect(errors.option1).toBeTruthy();
    expect(Object.keys(errors).some((k) => k.startsWith('pollOptions'))).toBe(false);
  });

  it('changes only what a change may change (never the date, which moves with its calendar entry)', () => {
    const body = updateBody(
      { ...base, place: 'Friends House', dateMode: 'direct', localStart: '2027-05-18T10:00' },
      [],
    );
    expect(body).toEqual({
      title: 'Mid-year workshop',
      agenda: '',
      themeIds: [],
      facilitatorId: null,
      capacity: null,
      place: 'Friends House',
      videoUrl: '',
    });
    expect(validateWorkshop(t, { ...base, capacity: '0' }, [], true).capacity).toBe(
      'Capacity must be at least 1',
    );
  });
});
