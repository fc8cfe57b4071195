/**
 * The part of each web catalogue that comes with the first page (the shell, sign-in, a member's home): the
 * key paths below, whole groups or single branches. The rest of the catalogue follows with the first
 * other page (see lazyPage). The files themselves stay whole (`src/i18n/web.<code>.json`, keys unchanged);
 * the build cuts them in two (scripts/vite-catalogue-parts.ts). `i18n-core.test.ts` checks that every key
 * the first page's code uses is here.
 */
export const coreKeyPaths: readonly string[] = [
  'app',
  'auth',
  'common',
  'dashboard',
  'errors',
  'forms',
  'home',
  'language',
  'languages',
  'nav',
  'notFound',
  'signIn',
  'actions.nav',
  'closing.nav',
  'schedule.nav',
  'meeting.room.loading',
  'programme.status',
  'programme.period',
  'set.role',
  'time.when',
];

type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => value !== null && typeof value === 'object';

/** Splits a catalogue into its first-page part and the rest; together they are the whole catalogue. */
export function splitCatalogue(catalogue: Tree): { core: Tree; rest: Tree } {
  const core: Tree = {};
  const rest: Tree = structuredClone(catalogue);
  for (const keyPath of coreKeyPaths) {
    const parts = keyPath.split('.');
    let from: unknown = catalogue;
    for (const part of parts) from = isTree(from) ? from[part] : undefined;
    if (from === undefined) continue;
    let into = core;
    let left: unknown = rest;
    for (const part of parts.slice(0, -1)) {
      if (!isTree(into[part])) into[part] = {};
      into = into[part] as Tree;
      left = isTree(left) ? left[part] : undefined;
    }
    const last = parts.at(-1)!;
    into[last] = structuredClone(from);
    if (isTree(left)) delete left[last];
  }
  return { core, rest };
}
