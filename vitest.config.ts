import { defineConfig } from 'vitest/config';
import { catalogueParts } from './scripts/vite-catalogue-parts.ts';
import { preactAliases, preactJsx } from './scripts/vite-preact.ts';

export default defineConfig({
  test: {
    projects: [
      {
        // The web catalogues in two parts, as the app loads them (src/web/i18n-core.ts).
        plugins: [catalogueParts()],
        // Components are tested on the runtime the browser gets (scripts/vite-preact.ts).
        oxc: preactJsx,
        resolve: { conditions: ['module', 'browser', 'development|production'] },
        test: {
          name: 'unit',
          include: [
            'src/domain/**/*.test.ts',
            'src/web/**/*.test.{ts,tsx}',
            'src/cli/**/*.test.ts',
            'src/contract/**/*.test.ts',
            'src/shared/**/*.test.ts',
            'src/i18n/**/*.test.ts',
          ],
          environment: 'node',
          // The web catalogues load on demand (src/web/i18n.ts); tests start with English loaded.
          setupFiles: ['src/web/test-setup.ts'],
          alias: preactAliases,
          // Libraries written for React go through the bundler, so their "react" is Preact too.
          server: { deps: { inline: [/react-router/, /react-i18next/, /react-markdown/] } },
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/server/**/*.test.ts', 'test/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
