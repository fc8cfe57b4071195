import type { RouteObject } from 'react-router';
import { lazyPage } from '../../app/lazy-page.ts';

/** /me/actions: a person's actions across every set and programme (the set's own list is a set tab). */
export const actionRoutes: RouteObject[] = [
  {
    path: 'me/actions',
    lazy: lazyPage(
      () => import('./MyActionsPage.tsx'),
      (m) => m.MyActionsPage,
    ),
  },
];
