import { describe, expect, it } from 'vitest';
import { createWebI18n } from '../../i18n.ts';
import {
  addOption,
  maxOptions,
  optionsOf,
  type PollValues,
  pollAliases,
  pollBody,
  pollValues,
  removeOption,
  validatePoll,
  withOptions,
} from './poll-form.ts';

const t = createWebI18n().t;
const base = pollValues({ title: 'Programme gathering', timeZone: 'Europe/London' });
const filled = (options: string[], extra: Partial<PollValues> = {}) =>
  ({ ...withOptions(base, options), ...extra }) as PollValues;

describe('the poll form: options', () => {
  it('starts with two blank options and adds and removes them, renumbering the rest', () => {
    expect(optionsOf(base)).toEqual(['', '']);
    const three = addOption(filled(['2027-06-09T14:00', '2027-06-16T14:00']));
    expect(optionsOf(three)).toEqual(['2027-06-09T14:00', '2027-06-16T14:00', '']);
    const removed = removeOption({ ...three, option3: '2027-06-23T14:00' }, 0);
    expect(optionsOf(removed)).toEqual(['2027-06-16T14:00', '2027-06-23T14:00']);
    expect('option3' in removed).toBe(false);
    expect(removed.title).toBe('Programme gathering');
  });

  it('keeps at least two options and at most as many as the server takes', () => {
    expect(optionsOf(removeOption(base, 1))).toHaveLength(2);
    let many = base;
    for (let i = 0; i < 30; i++) many = addOption(many);
    expect(optionsOf(many)).toHaveLength(maxOptions);
  });
});

describe('the poll form: checks at the fields', () => {
  it('passes a complete programme poll', () => {
    expect(validatePoll(t, 'date', filled(['2027-06-09T14:00', '2027-06-16T14:00']))).toEqual({});
  });

  it('names each missing, unreadable or repeated option at its own field', () => {
    const errors = validatePoll(
      t,
      'date',
      filled(['2027-06-09T14:00', '', '2027-06-09', '2027-06-09T14:00'], { title: ' ' }),
    );
    expect(errors).toEqual({
      title: 'Poll title is needed',
      option2: 'Option 2 is needed',
      option3: 'Option 3 needs a date and a start time',
      option4: 'Option 4 is the same time as an earlier option',
    });
  });

  it('asks for a web link for the video call', () => {
    const v = filled(['2027-06-09T14:00', '2027-06-16T14:00'], { videoUrl: 'meet.example.org/x' });
    expect(validatePoll(t, 'date', v)).toEqual({ videoUrl: 'Enter a link that starts with https://' });
  });

  it('checks the repeat and the last date only for a set slot', () => {
    const v = filled(['2027-06-09T14:00', '2027-06-16T14:00'], { interval: '0', untilDate: '2027-06-10' });
    expect(validatePoll(t, 'date', v)).toEqual({});
    expect(validatePoll(t, 'slot', v)).toEqual({
      interval: 'Enter a whole number of weeks from 1 to 12',
      untilDate: 'The last possible date must not be before the options',
    });
    expect(validatePoll(t, 'slot', { ...v, interval: '4', untilDate: '' })).toEqual({
      untilDate: 'Last possible date is needed',
    });
  });
});

describe('the poll form: what it sends', () => {
  const v = filled(['2027-06-09T14:00', '2027-06-16T14:00'], {
    title: ' Programme gathering ',
    durationMinutes: '240',
    place: ' Friends House, London ',
    interval: '4',
    untilDate: '2027-07-31',
  });

  it('sends a programme poll without a purpose or pattern (the programme route takes neither)', () => {
    expect(pollBody('date', v)).toEqual({
      title: 'Programme gathering',
      timeZone: 'Europe/London',
      durationMinutes: 240,
      options: ['2027-06-09T14:00', '2027-06-16T14:00'],
      place: 'Friends House, London',
      videoUrl: '',
    });
  });

  it('sends a set slot poll with its weekly pattern and last date', () => {
    expect(pollBody('slot', v)).toMatchObject({
      purpose: 'slot',
      pattern: { frequency: 'weekly', interval: 4 },
      untilDate: '2027-07-31',
    });
  });

  it("puts the server's errors about options and the pattern at their fields", () => {
    const aliases = pollAliases();
    expect(aliases['options.2']).toBe('option3');
    expect(aliases.options).toBe('option1');
    expect(aliases['pattern.interval']).toBe('interval');
  });
});
