import type { RouteObject } from 'react-router';
import { MyActionsPage } from './MyActionsPage.tsx';

/** /me/actions: a person's actions across every set and programme (the set's own list is a set tab). */
export const actionRoutes: RouteObject[] = [{ path: 'me/actions', element: <MyActionsPage /> }];
