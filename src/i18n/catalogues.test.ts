// Every catalogue says everything English says, and nothing English does not: the same keys, plural keys
// for exactly the plural categories of the language (Intl.PluralRules), every {{placeholder}} kept and no
// value left empty. And every language in languages.ts has every namespace.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languages } from './languages.ts';

const dir = path.dirname(fileURLToPath(import.meta.url));
const files = readdirSync(dir).filter((name) => /^[a-z]+\.[a-z]{2,3}(-[A-Za-z]+)?\.json$/.test(name));
const namespaces = [...new Set(files.filter((f) => f.endsWith('.en.json')).map((f) => f.split('.')[0]!))];
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function read(file: string): Tree {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Tree;
}

/** Every leaf as a dotted key and its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(full, value);
    else for (const [k, v] of leaves(value, full)) found.set(k, v);
  }
  return found;
}

/** A key's plural base when English gives it as plural forms (x_one and x_other), else undefined. */
function pluralBase(key: string, english: Map<string, string>): string | undefined {
  if (!pluralSuffix.test(key)) return undefined;
  const base = key.replace(pluralSuffix, '');
  return english.has(`${base}_other`) && english.has(`${base}_one`) ? base : undefined;
}

/** The keys a language must have, given English's: plural groups take the language's own categories. */
function expectedKeys(english: Map<string, string>, language: string): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    const base = pluralBase(key, english);
    if (base === undefined) keys.add(key);
    else for (const category of categories) keys.add(`${base}_${category}`);
  }
  return keys;
}

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!));

describe('catalogues', () => {
  it('English has the web, mail and record namespaces', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['web', 'mail', 'record']));
  });

  for (const file of files.filter((f) => !f.endsWith('.en.json'))) {
    const [namespace, language] = file.split('.') as [string, string];
    describe(file, () => {
      const english = leaves(read(`${namespace}.en.json`));
      const translated = leaves(read(file));

      it('has exactly the keys English has (plurals by the language’s own categories)', () => {
        const expected = expectedKeys(english, language);
        const missing = [...expected].filter((key) => !translated.has(key));
        const extra = [...translated.keys()].filter((key) => !expected.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('keeps every placeholder English uses and leaves no value empty', () => {
        const problems: string[] = [];
        for (const [key, text] of translated) {
          if (!text.trim()) problems.push(`${key}: empty`);
          const base = pluralBase(key, english);
          const source = english.get(key) ?? (base ? english.get(`${base}_other`) : undefined);
          if (source === undefined) continue;
          for (const name of placeholders(source)) {
            // A plural form may say the count in words ("one member") instead of {{count}}.
            if (name === 'count' && base) continue;
            if (!placeholders(text).has(name)) problems.push(`${key}: lacks {{${name}}}`);
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }

  for (const { code } of languages) {
    it(`${code} has every namespace English has`, () => {
      const missing = namespaces.filter((namespace) => !files.includes(`${namespace}.${code}.json`));
      expect(missing).toEqual([]);
    });
  }
});
