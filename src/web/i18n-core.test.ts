// The first page (shell, sign-in, a member's home) renders before the rest of the catalogue arrives: every
// key its code uses must be in the catalogue's first part (src/web/i18n-core.ts), or a reader would see a
// raw key. Follows the static imports from main.tsx and the two first pages, as the bundler does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import catalogue from '../i18n/web.en.json' with { type: 'json' };
import { coreKeyPaths, splitCatalogue } from './i18n-core.ts';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const firstPages = ['main.tsx', 'features/auth/SignInPage.tsx', 'features/dashboard/DashboardPage.tsx'];

function staticImports(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  for (const match of code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+\.tsx?)'/gm)) {
    const target = path.resolve(path.dirname(entry), match[1]!);
    if (existsSync(target)) staticImports(target, seen);
  }
  return seen;
}

/** The fixed start of each t('…') key (up to any `${…}`). */
const keysIn = (code: string) =>
  [...code.matchAll(/(?<![\w.$])t\(\s*['"`]([\w.]+)/g)].map((m) => m[1]!.replace(/\.$/, ''));

const inCore = (key: string) => coreKeyPaths.some((p) => key === p || key.startsWith(`${p}.`));

describe('the first part of the web catalogue', () => {
  const files = new Set(firstPages.flatMap((page) => [...staticImports(path.join(webDir, page))]));

  it('holds every key the first page uses', () => {
    expect(files.size).toBeGreaterThan(10);
    const missing = [...files].flatMap((file) =>
      keysIn(readFileSync(file, 'utf8'))
        .filter((key) => !inCore(key))
        .map((key) => `${path.relative(webDir, file)}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('names only key paths the catalogue has, and with the rest makes the whole catalogue', () => {
    const lookup = (keyPath: string) =>
      keyPath
        .split('.')
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);
    expect(coreKeyPaths.filter((p) => lookup(p) === undefined)).toEqual([]);
    const { core, rest } = splitCatalogue(catalogue);
    const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
      const out = { ...a };
      for (const [k, v] of Object.entries(b))
        out[k] = out[k] && typeof v === 'object' ? merge(out[k] as Record<string, unknown>, v as never) : v;
      return out;
    };
    expect(merge(rest, core)).toEqual(catalogue);
    expect(JSON.stringify(core).length).toBeLessThan(JSON.stringify(catalogue).length / 5);
  });
});
