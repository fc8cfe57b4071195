import type { ComponentType } from 'react';

/**
 * A route's page loaded when first visited (react-router's `lazy`): the sign-in page does not carry the
 * coordinator's screens. The router waits for the page's code before it shows the page, so a link never
 * lands on a half-drawn screen.
 */
export const lazyPage =
  <M>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });
