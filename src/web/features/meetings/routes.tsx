import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.ts';
import { loadRestOfCatalogue } from '../../i18n.ts';
import { Loading } from '../../ui/Spinner.tsx';

/**
 * The live room is the largest part of the app and only a set's meetings need it: its own chunk, shown
 * with its words (the rest of the catalogue), and "Opening the meeting room…" while both come.
 */
const RoomPage = lazy(() =>
  Promise.all([import('./room/RoomPage.tsx'), loadRestOfCatalogue()]).then(([m]) => ({
    default: m.RoomPage,
  })),
);

function LazyRoomPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('meeting.room.loading')} />}>
      <RoomPage />
    </Suspense>
  );
}

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
  { path: 'meetings/:meetingId/room', element: <LazyRoomPage /> },
  {
    path: 'meetings/:meetingId/record',
    lazy: lazyPage(
      () => import('./RecordPage.tsx'),
      (m) => m.RecordPage,
    ),
  },
];
