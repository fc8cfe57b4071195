import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { catalogueParts } from './scripts/vite-catalogue-parts.ts';
import { preactAliases, preactJsx } from './scripts/vite-preact.ts';

// Vitest's default (one worker fewer than the cores) leaves a 2-core machine one worker, yet these files
// wait on sockets, databases and timers as much as on the CPU: two workers there halve the API step
// (590 s to 263 s on 2026-12-08). Every file makes its own databases and listens on free ports.
const workers = Math.max(2, availableParallelism() - 1);

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
          maxWorkers: workers,
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
          maxWorkers: workers,
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
