import type { ComponentType } from 'react';
import { loadRestOfCatalogue } from '../i18n.ts';

/**
 * A route's page loaded when first visited (react-router's `lazy`): the sign-in page does not carry the
 * coordinator's screens. The router waits for the page's code before it shows the page, so a link never
 * lands on a half-drawn screen, nor on one whose words are still on their way (the rest of the catalogue).
 */
export const lazyPage =
  <M>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => {
    const [module] = await Promise.all([load(), loadRestOfCatalogue()]);
    return { Component: pick(module) };
  };

/**
 * A page of the first download (a member's home): its words are in the catalogue's first part
 * (src/web/i18n-core.ts), so it does not wait for the rest.
 */
export const lazyFirstPage =
  <M>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });
