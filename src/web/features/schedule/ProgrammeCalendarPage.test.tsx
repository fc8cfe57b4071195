// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/preact';
import { Outlet, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Programme } from '../../../contract/programmes.ts';
import { fakeApi, renderPage } from '../../test-support.tsx';
import type { ProgrammeContext } from '../programmes/context.ts';
import { ProgrammeCalendarPage } from './ProgrammeCalendarPage.tsx';

const programmeId = 'prog';
const path = `/programmes/${programmeId}/calendar`;

/** The calendar as a tab of the programme: the layout hands it the programme through the outlet. */
function AsTab({ runsPolls }: { runsPolls: boolean }) {
  const programme = {
    id: programmeId,
    name: 'Leading Learning 2027',
    abilities: { 'programme.readCalendar': true, 'programme.runPoll': runsPolls },
  } as unknown as Programme;
  const context = { programme } as ProgrammeContext;
  return (
    <Routes>
      <Route element={<Outlet context={context} />}>
        <Route path="*" element={<ProgrammeCalendarPage />} />
      </Route>
    </Routes>
  );
}

const poll = (id: string, title: string, status: string) => ({
  id,
  title,
  status,
  options: [{ id: `${id}-a` }, { id: `${id}-b` }, { id: `${id}-c` }],
  respondentCount: 1,
  participantCount: 4,
});

function open(runsPolls: boolean) {
  fakeApi({
    [`GET /api/programmes/${programmeId}/calendar`]: {
      body: { viewerTimeZone: 'Europe/London', events: [], meetings: [] },
    },
    [`GET /api/programmes/${programmeId}/polls`]: {
      body: [poll('p1', 'Plenary gathering', 'open'), poll('p2', 'Kick-off', 'confirmed')],
    },
  });
  renderPage(<AsTab runsPolls={runsPolls} />, { path: '/programmes/:programmeId/*', url: path });
}

describe('the programme calendar', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('offers those who run its polls to propose a date, and lists only the open polls', async () => {
    open(true);
    const propose = await screen.findByRole('link', { name: 'Propose a programme date' });
    expect(propose.getAttribute('href')).toBe(`${path}/polls/new`);
    const link = await screen.findByRole('link', { name: 'Plenary gathering' });
    expect(link.getAttribute('href')).toBe('/polls/p1');
    expect(screen.getByText('3 dates proposed. 1 of 4 people have answered.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Kick-off' })).toBeNull();
  });

  it('offers no proposal to anyone else', async () => {
    open(false);
    await screen.findByRole('link', { name: 'Plenary gathering' });
    expect(screen.queryByRole('link', { name: 'Propose a programme date' })).toBeNull();
  });
});
