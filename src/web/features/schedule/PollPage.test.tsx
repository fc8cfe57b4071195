// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Poll } from '../../../contract/polls.ts';
import { fakeApi, renderPage } from '../../test-support.tsx';
import { PollPage } from './PollPage.tsx';

const option = {
  id: 'o1',
  optionId: 'o1',
  startsAt: '2027-03-02T10:00:00.000Z',
  endsAt: '2027-03-02T13:00:00.000Z',
  localStart: '2027-03-02T10:00',
  viewerLocalStart: '2027-03-02T10:00',
  viewerLocalEnd: '2027-03-02T13:00',
  yes: 0,
  ifNeedBe: 0,
  no: 0,
  unanswered: 6,
};

const poll = (overrides: Partial<Poll> = {}): Poll =>
  ({
    id: 'p1',
    title: 'When can Set Kestrel meet?',
    purpose: 'date',
    setId: 's1',
    programmeId: 'pr1',
    timeZone: 'Europe/London',
    viewerTimeZone: 'Europe/London',
    durationMinutes: 180,
    pattern: null,
    untilDate: null,
    place: '',
    videoUrl: '',
    status: 'open',
    confirmedOptionId: null,
    result: null,
    participantCount: 6,
    respondentCount: 0,
    suggestedOptionId: null,
    options: [option],
    myAnswers: {},
    abilities: { answer: false, confirm: true },
    ...overrides,
  }) as Poll;

const open = () => renderPage(<PollPage />, { path: '/polls/:pollId', url: '/polls/p1' });

describe('confirming a poll (issue 13)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('warns before confirming a date nobody answered, and confirms only when told to', async () => {
    const api = fakeApi({
      'GET /api/polls/p1': { body: poll() },
      'POST /api/polls/p1/confirm': { body: poll({ status: 'confirmed', confirmedOptionId: 'o1' }) },
    });
    open();
    fireEvent.click(await screen.findByRole('button', { name: /^Confirm / }));
    const dialog = await screen.findByRole('dialog', { name: 'Nobody has answered yet' });
    expect(dialog.textContent).toContain('None of the 6 people asked has answered this poll yet.');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm without answers' }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
  });

  it('confirms at once when people have answered', async () => {
    const api = fakeApi({
      'GET /api/polls/p1': {
        body: poll({ respondentCount: 4, options: [{ ...option, yes: 4, unanswered: 2 }] }),
      },
      'POST /api/polls/p1/confirm': { body: poll({ status: 'confirmed', confirmedOptionId: 'o1' }) },
    });
    open();
    fireEvent.click(await screen.findByRole('button', { name: /^Confirm / }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
