// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client.ts';
import { choose, fakeApi, problem, renderPage } from '../../test-support.tsx';
import { PollForm } from './PollForm.tsx';
import { pollBody, pollValues } from './poll-form.ts';

const path = '/programmes/p1/calendar/polls/new';

function open(answer: Parameters<typeof fakeApi>[0][string], kind: 'date' | 'slot' = 'date') {
  const calls = fakeApi({ 'POST /api/programmes/p1/polls': answer });
  const sent = vi.fn();
  renderPage(
    <PollForm
      kind={kind}
      initial={pollValues({ title: 'Programme gathering', timeZone: 'Europe/London' })}
      submitLabel="Ask the programme"
      onSubmit={async (v) => {
        sent(v);
        await api.post('/api/programmes/p1/polls', pollBody(kind, v));
      }}
    />,
    { path, url: path },
  );
  return { ...calls, sent };
}

const option = (n: number) => screen.getByLabelText(`Option ${n}`, { exact: true }) as HTMLInputElement;
const fill = (n: number, value: string) => fireEvent.input(option(n), { target: { value } });

describe('the poll form', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('adds a time with a button and moves focus to it; removing one renumbers the rest', async () => {
    open({ status: 201, body: { id: 'x' } });
    await screen.findByLabelText('Option 1', { exact: true });
    expect(screen.queryByRole('button', { name: /^Remove option/ })).toBeNull();
    fill(1, '2027-06-09T14:00');
    fill(2, '2027-06-16T14:00');
    fireEvent.click(screen.getByRole('button', { name: 'Add another time' }));
    await waitFor(() => expect(document.activeElement).toBe(option(3)));
    fill(3, '2027-06-23T14:00');
    fireEvent.click(screen.getByRole('button', { name: 'Remove option 1' }));
    await waitFor(() => expect(document.activeElement).toBe(option(1)));
    expect(option(1).value).toBe('2027-06-16T14:00');
    expect(option(2).value).toBe('2027-06-23T14:00');
    expect(screen.queryByLabelText('Option 3', { exact: true })).toBeNull();
  });

  it('explains blank and repeated times at their fields and sends nothing', async () => {
    const { calls } = open({ status: 201, body: { id: 'x' } });
    await screen.findByLabelText('Option 1', { exact: true });
    fill(1, '2027-06-09T14:00');
    fill(2, '2027-06-09T14:00');
    fireEvent.click(screen.getByRole('button', { name: 'Ask the programme' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Option 2 is the same time as an earlier option');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(option(2).getAttribute('aria-invalid')).toBe('true');
    const errorId = (option(2).getAttribute('aria-describedby') ?? '').split(' ').at(-1) ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe(
      'Error: Option 2 is the same time as an earlier option',
    );
    expect(option(1).getAttribute('aria-invalid')).toBeNull();
    expect(calls).toHaveLength(0);
  });

  it("places the server's refusal of one option at that option", async () => {
    open(
      problem(400, 'validation-failed', 'Please correct: options.1 must be a date and time.', [
        { field: 'body.options.1', message: 'must be a date and time such as 2027-03-24T10:00' },
      ]),
    );
    await screen.findByLabelText('Option 1', { exact: true });
    fill(1, '2027-06-09T14:00');
    fill(2, '2027-06-16T14:00');
    fireEvent.click(screen.getByRole('button', { name: 'Ask the programme' }));
    await waitFor(() => expect(option(2).getAttribute('aria-invalid')).toBe('true'));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Must be a date and time such as 2027-03-24T10:00',
    );
  });

  it('sends the title, zone, times, length and place', async () => {
    const { calls } = open({ status: 201, body: { id: 'x' } });
    await screen.findByLabelText('Option 1', { exact: true });
    fill(1, '2027-06-09T14:00');
    fill(2, '2027-06-16T14:00');
    choose(screen.getByLabelText('Time zone of these times'), 'America/New_York');
    choose(screen.getByLabelText('Length'), '240');
    fireEvent.input(screen.getByLabelText(/^Place/), { target: { value: 'Friends House, London' } });
    expect(screen.queryByLabelText('Meet every how many weeks')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ask the programme' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({
      title: 'Programme gathering',
      timeZone: 'America/New_York',
      durationMinutes: 240,
      options: ['2027-06-09T14:00', '2027-06-16T14:00'],
      place: 'Friends House, London',
      videoUrl: '',
    });
  });
});
