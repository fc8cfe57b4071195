import type { RouteObject } from 'react-router';
import { NewPollPage } from './NewPollPage.tsx';
import { PollPage } from './PollPage.tsx';
import { ProgrammeCalendarPage } from './ProgrammeCalendarPage.tsx';
import { SetSchedulePage } from './SetSchedulePage.tsx';
import { UpcomingPage } from './UpcomingPage.tsx';

/** Schedules, polls and the personal "upcoming" view; links in mails point at /upcoming and /polls/:id. */
export const scheduleRoutes: RouteObject[] = [
  { path: 'upcoming', element: <UpcomingPage /> },
  { path: 'polls/:pollId', element: <PollPage /> },
  { path: 'sets/:setId/polls/new', element: <NewPollPage /> },
  { path: 'sets/:setId/schedule', element: <SetSchedulePage /> },
  { path: 'programmes/:programmeId/calendar', element: <ProgrammeCalendarPage /> },
];
