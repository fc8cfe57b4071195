import type { RouteObject } from 'react-router';
import { EditWorkshopPage } from './EditWorkshopPage.tsx';
import { WorkshopPage } from './WorkshopPage.tsx';

/** A workshop's own pages (its list and "plan a workshop" are tabs of the programme). */
export const workshopRoutes: RouteObject[] = [
  { path: 'workshops/:workshopId', element: <WorkshopPage /> },
  { path: 'workshops/:workshopId/edit', element: <EditWorkshopPage /> },
];
