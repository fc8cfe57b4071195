import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.ts';

/** A workshop's own pages (its list and "plan a workshop" are tabs of the programme). */
export const workshopRoutes: RouteObject[] = [
  {
    path: 'workshops/:workshopId',
    lazy: lazyPage(
      () => import('./WorkshopPage.tsx'),
      (m) => m.WorkshopPage,
    ),
  },
  {
    path: 'workshops/:workshopId/edit',
    lazy: lazyPage(
      () => import('./EditWorkshopPage.tsx'),
      (m) => m.EditWorkshopPage,
    ),
  },
];
