import type { RouteObject } from 'react-router';
import { ActionsTab } from '../actions/ActionsTab.tsx';
import { JournalTab } from '../journal/JournalTab.tsx';
import { ProblemsTab } from '../problems/ProblemsTab.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { RecordPage } from './RecordPage.tsx';
import { RoomPage } from './room/RoomPage.tsx';
import { SetSection } from './SetSection.tsx';

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
  { path: 'meetings/:meetingId/room', element: <RoomPage /> },
  { path: 'meetings/:meetingId/record', element: <RecordPage /> },
];
