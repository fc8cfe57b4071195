import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { catalogueParts } from './scripts/vite-catalogue-parts.ts';
import { preactAliases, preactJsx, quietPreactNotices } from './scripts/vite-preact.ts';
import { precompress } from './scripts/vite-precompress.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/** The web app lives in src/web and is built into dist/web, which the Revans server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [catalogueParts(), precompress()],
  resolve: { alias: preactAliases },
  oxc: preactJsx,
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Source maps stay private unless asked for: REVANS_SOURCEMAPS=1 npm run build:web.
    sourcemap: process.env.REVANS_SOURCEMAPS === '1',
    // Every browser Revans supports knows <link rel="modulepreload">: no polyfill in the first download.
    modulePreload: { polyfill: false },
    rolldownOptions: { onLog: quietPreactNotices },
  },
  server: {
    // The catalogues (src/i18n) and shared rules (src/domain) sit outside src/web.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
