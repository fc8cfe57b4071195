import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.ts';

/**
 * Schedules, polls and the personal "upcoming" view; links in mails point at /upcoming and /polls/:id.
 * The set's schedule is a tab of the set; the programme calendar is a tab of the programme (app routes).
 */
export const scheduleRoutes: RouteObject[] = [
  {
    path: 'upcoming',
    lazy: lazyPage(
      () => import('./UpcomingPage.tsx'),
      (m) => m.UpcomingPage,
    ),
  },
  {
    path: 'polls/:pollId',
    lazy: lazyPage(
      () => import('./PollPage.tsx'),
      (m) => m.PollPage,
    ),
  },
  {
    path: 'sets/:setId/polls/new',
    lazy: lazyPage(
      () => import('./NewPollPage.tsx'),
      (m) => m.NewPollPage,
    ),
  },
  {
    lazy: lazyPage(
      () => import('../meetings/SetSection.tsx'),
      (m) => m.SetSection,
    ),
    children: [
      {
        path: 'sets/:setId/schedule',
        lazy: lazyPage(
          () => import('./SetSchedulePage.tsx'),
          (m) => m.SetSchedulePage,
        ),
      },
    ],
  },
];
