// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { choose, fakeApi, renderPage } from '../../test-support.tsx';
import { AddProgrammeEventForm } from './AddProgrammeEventForm.tsx';

const event = {
  id: 'e1',
  programmeId: 'pr1',
  programmeName: 'Leading change',
  kind: 'gathering',
  title: 'Closing gathering',
  startsAt: '2027-06-10T13:00:00.000Z',
  endsAt: '2027-06-10T16:00:00.000Z',
  timeZone: 'Europe/London',
  localStart: '2027-06-10T14:00',
  localEnd: '2027-06-10T17:00',
  viewerLocalStart: '2027-06-10T14:00',
  viewerLocalEnd: '2027-06-10T17:00',
  place: '',
  videoUrl: '',
  status: 'scheduled',
  sequence: 0,
  pollId: null,
  workshopId: null,
  abilities: { manage: true },
};

describe('a programme date agreed without a poll (issue 13)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends the date as one wall-clock start in its zone, and needs a title, a day and a time', async () => {
    const api = fakeApi({ 'POST /api/programmes/pr1/events': { status: 201, body: event } });
    const added = vi.fn();
    renderPage(<AddProgrammeEventForm programmeId="pr1" onAdded={added} />, { path: '/', url: '/' });
    fireEvent.click(await screen.findByRole('button', { name: 'Add the date and tell everyone' }));
    expect(await screen.findByText('There is a problem')).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.input(screen.getByLabelText('What it is'), { target: { value: 'Closing gathering' } });
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '2027-06-10' } });
    fireEvent.input(screen.getByLabelText('Start time'), { target: { value: '14:00' } });
    choose(screen.getByLabelText('Time zone of the meeting'), 'Europe/London');
    fireEvent.click(screen.getByRole('button', { name: 'Add the date and tell everyone' }));
    await waitFor(() => expect(added).toHaveBeenCalled());
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      title: 'Closing gathering',
      localStart: '2027-06-10T14:00',
      timeZone: 'Europe/London',
      durationMinutes: 180,
    });
  });
});
