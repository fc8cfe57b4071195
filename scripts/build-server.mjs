// Bundles the server and CLI (src/cli/index.ts) into one ES module that plain node runs: no
// TypeScript loader thread and no transpiling at start, which keeps an idle server's memory low.
// Each worker thread's module (src/server/**/NAME.thread.ts) is bundled beside it as
// NAME.thread.mjs, where src/server/threads/start.ts finds it. Packages stay external
// (node_modules). Written through temporary files and renames, threads first, so several processes
// starting at once never read a half-written bundle nor a bundle whose threads are not there yet.
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, stop } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outdir = path.join(root, 'dist/server');
export const serverBundle = path.join(outdir, 'revans.mjs');

/** The worker threads' entry points, by the name of the file each is built to (without .mjs). */
export function threadEntries(dir = path.join(root, 'src/server'), entries = {}) {
  // A walk by hand: readdirSync's own recursive walk stats every file, ten times slower here.
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) threadEntries(file, entries);
    else if (entry.name.endsWith('.thread.ts')) {
      const name = entry.name.slice(0, -'.ts'.length);
      if (entries[name])
        throw new Error(`Two worker threads are called ${name}: ${entries[name]} and ${file}`);
      entries[name] = file;
    }
  }
  return entries;
}

export function buildServer() {
  const result = buildSync({
    entryPoints: { ...threadEntries(), revans: path.join(root, 'src/cli/index.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'warning',
  });
  // buildSync runs in a worker thread that esbuild keeps for later calls; there are none, and in a
  // server about to run for months that thread would hold some 30-50 MiB for nothing.
  void stop();
  mkdirSync(outdir, { recursive: true });
  const files = result.outputFiles.sort((a, b) => (a.path === serverBundle) - (b.path === serverBundle));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return serverBundle;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildServer();
