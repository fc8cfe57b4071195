import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';
import { Loading } from '../../ui/Spinner.tsx';
import { ActionsTab } from '../actions/ActionsTab.tsx';
import { JournalTab } from '../journal/JournalTab.tsx';
import { ProblemsTab } from '../problems/ProblemsTab.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { RecordPage } from './RecordPage.tsx';
import { SetSection } from './SetSection.tsx';

/** The live room is the largest part of the app and only a set's meetings need it: its own chunk. */
const RoomPage = lazy(() => import('./room/RoomPage.tsx').then((m) => ({ default: m.RoomPage })));

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
    element: <SetSection />,
    children: [
      { path: 'sets/:setId/meetings', element: <MeetingsTab /> },
      { path: 'sets/:setId/problems', element: <ProblemsTab /> },
      { path: 'sets/:setId/actions', element: <ActionsTab /> },
      { path: 'sets/:setId/journal', element: <JournalTab /> },
    ],
  },
  { path: 'meetings/:meetingId/room', element: <LazyRoomPage /> },
  { path: 'meetings/:meetingId/record', element: <RecordPage /> },
];
