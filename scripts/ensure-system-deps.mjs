// Makes sure the Debian packages the tests need are present: Chromium (browser journeys) and,
// when no TEST_DATABASE_URL is given, PostgreSQL's server binaries (throwaway cluster).
// Run directly (`node scripts/ensure-system-deps.mjs [chromium] [postgres]`) or import.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Directory holding initdb/postgres/pg_ctl (newest /usr/lib/postgresql/N/bin first, then PATH), or undefined. */
export function findPostgresBinDir() {
  const root = '/usr/lib/postgresql';
  const versioned = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(root, v, 'bin'))
    : [];
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...versioned, ...onPath].find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')),
  );
}

/**
 * Installs what is missing with apt-get (root only). Throws with a sentence telling the user
 * what to run when not root or when apt-get fails.
 * @param {{ chromium?: boolean, postgres?: boolean }} needs
 */
export function ensureSystemDeps({ chromium = false, postgres = false } = {}) {
  const missing = [];
  if (chromium && !existsSync(CHROMIUM_PATH)) missing.push('chromium');
  if (postgres && !findPostgresBinDir()) missing.push('postgresql');
  if (missing.length === 0) return;

  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The tests need the Debian package(s) ${missing.join(', ')}, which are not installed. ` +
        `Run as root: ${command}`,
    );
  }
  console.log(`Installing missing system packages: ${missing.join(', ')} (${command})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) {
      throw new Error(
        `\`apt-get ${args.join(' ')}\` failed (exit ${r.status ?? r.signal}); run \`${command}\` by hand.`,
      );
    }
  }
  if (chromium && !existsSync(CHROMIUM_PATH))
    throw new Error(`apt-get finished but ${CHROMIUM_PATH} is still missing.`);
  if (postgres && !findPostgresBinDir()) throw new Error('apt-get finished but initdb is still not found.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.slice(2);
  const all = wanted.length === 0;
  try {
    ensureSystemDeps({
      chromium: all || wanted.includes('chromium'),
      postgres: all || wanted.includes('postgres'),
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
