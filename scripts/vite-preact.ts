// The web app is written against React's API and runs on Preact (preact/compat): the same components and
// libraries (react-router, react-i18next, react-markdown) for about a tenth of react-dom's bytes, which is
// what lets a first page fit the download budget (docs/performance.md). Shared by the build and the
// component tests, so both run what the browser runs.
import type { AliasOptions, UserConfig } from 'vite';

export const preactAliases: AliasOptions = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
  // react-i18next's fallback for React 17; compat has the real hook.
  { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: 'preact/compat' },
];

/** JSX compiled straight to Preact's runtime (no React plugin needed: Vite's own transform does it). */
export const preactJsx: UserConfig['oxc'] = {
  jsx: { runtime: 'automatic', importSource: 'preact/compat' },
};

/**
 * Two build notices that are expected on Preact and would hide real ones: react-router marks itself
 * "use client" (meaningless without server components) and looks for React 19's useOptimistic, falling
 * back to plain state when it is absent, as it is in preact/compat.
 */
export const quietPreactNotices: NonNullable<NonNullable<UserConfig['build']>['rolldownOptions']>['onLog'] = (
  level,
  log,
  handler,
) => {
  if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use client')) return;
  if (log.code === 'IMPORT_IS_UNDEFINED' && log.message.includes('useOptimistic')) return;
  handler(level, log);
};
