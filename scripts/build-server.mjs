// Bundles the server and CLI (src/cli/index.ts) into one ES module that plain node runs: no
// TypeScript loader thread and no transpiling at start, which keeps an idle server's memory low.
// Packages stay external (node_modules). Written through a temporary file and a rename, so several
// processes starting at once never read a half-written bundle.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const serverBundle = path.join(root, 'dist/server/revans.mjs');

export function buildServer() {
  const result = buildSync({
    entryPoints: [path.join(root, 'src/cli/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: serverBundle,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(path.dirname(serverBundle), { recursive: true });
  const temporary = `${serverBundle}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, serverBundle);
  return serverBundle;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildServer();
