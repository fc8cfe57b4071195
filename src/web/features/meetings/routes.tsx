import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.ts';

/**
 * The set's working pages and the live room, for the signed-in part of the app:
 * /sets/:setId/{meetings,problems,actions,journal}, /meetings/:meetingId/room and /meetings/:meetingId/record.
 */
export const meetingRoutes: RouteObject[] = [
  {
    lazy: lazyPage(
      () => import('./SetSection.tsx'),
      (m) => m.SetSection,
    ),
    children: [
      {
        path: 'sets/:setId/meetings',
        lazy: lazyPage(
          () => import('./MeetingsTab.tsx'),
          (m) => m.MeetingsTab,
        ),
      },
      {
        path: 'sets/:setId/problems',
        lazy: lazyPage(
          () => import('../problems/ProblemsTab.tsx'),
          (m) => m.ProblemsTab,
        ),
      },
      {
        path: 'sets/:setId/actions',
        lazy: lazyPage(
          () => import('../actions/ActionsTab.tsx'),
          (m) => m.ActionsTab,
        ),
      },
      {
        path: 'sets/:setId/journal',
        lazy: lazyPage(
          () => import('../journal/JournalTab.tsx'),
          (m) => m.JournalTab,
        ),
      },
    ],
  },
  // The live room is the largest part of the app and only a set's meetings need it: its own chunk, shown
  // once its words (the rest of the catalogue) have come too.
  {
    path: 'meetings/:meetingId/room',
    lazy: lazyPage(
      () => import('./room/RoomPage.tsx'),
      (m) => m.RoomPage,
    ),
  },
  {
    path: 'meetings/:meetingId/record',
    lazy: lazyPage(
      () => import('./RecordPage.tsx'),
      (m) => m.RecordPage,
    ),
  },
];
