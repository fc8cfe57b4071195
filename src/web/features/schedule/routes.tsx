import type { RouteObject } from 'react-router';
import { SetSection } from '../meetings/SetSection.tsx';
import { NewPollPage } from './NewPollPage.tsx';
import { PollPage } from './PollPage.tsx';
import { SetSchedulePage } from './SetSchedulePage.tsx';
import { UpcomingPage } from './UpcomingPage.tsx';

/**
 * Schedules, polls and the personal "upcoming" view; links in mails point at /upcoming and /polls/:id.
 * The set's schedule is a tab of the set; the programme calendar is a tab of the programme (app routes).
 */
export const scheduleRoutes: RouteObject[] = [
  { path: 'upcoming', element: <UpcomingPage /> },
  { path: 'polls/:pollId', element: <PollPage /> },
  { path: 'sets/:setId/polls/new', element: <NewPollPage /> },
  { element: <SetSection />, children: [{ path: 'sets/:setId/schedule', element: <SetSchedulePage /> }] },
];
