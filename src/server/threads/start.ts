/**
 * Worker threads run real modules, named `*.thread.ts`, so tsc and Biome check them like the rest.
 * The bundled server (`dist/server/revans.mjs`, how `revans serve` runs) has each one built beside
 * it as `<name>.thread.mjs` (scripts/build-server.mjs); run from the sources (tests, `npm run dev`),
 * the TypeScript file is loaded through tsx, registered in the new thread by `from-source.mjs`.
 */
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** True in the bundle: this file's code is then part of `revans.mjs`, not `start.ts`. */
const bundled = !import.meta.url.endsWith('.ts');

/** Where a thread's code is, given its source: `new URL('./name.thread.ts', import.meta.url)`. */
export function threadUrl(source: URL): URL {
  if (!source.pathname.endsWith('.thread.ts')) throw new Error(`${source} is not a *.thread.ts module`);
  // In the bundle the caller's import.meta.url is the bundle's too: only the file's name is kept.
  return bundled ? new URL(`./${path.posix.basename(source.pathname, '.ts')}.mjs`, import.meta.url) : source;
}

/** Starts the thread whose source is `source`, with the options a Worker takes (workerData, …). */
export function startThread(source: URL, options: WorkerOptions = {}): Worker {
  const url = threadUrl(source);
  if (bundled) return new Worker(url, options);
  return new Worker(new URL('./from-source.mjs', import.meta.url), {
    ...options,
    argv: [url.href, ...(options.argv ?? [])],
  });
}
