// `node scripts/i18n-check.mjs [LANG…]` compares every translated catalogue (src/i18n/NS.LANG.json) with its
// English original: the same keys in the same order, plural forms for the language's own categories
// (Intl.PluralRules: fr/es need key_many beside key_one and key_other), the same {{placeholders}}, $t()
// nestings, <tags> and Markdown markers, and no empty value. It lists what is missing, so a translator
// can see the delta after new English keys land. Exits 1 when anything is wrong.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(dirname(fileURLToPath(import.meta.url))), 'src', 'i18n');
const files = readdirSync(dir).filter((f) => /^\w+\.[a-z]{2,3}\.json$/.test(f));
const wanted = process.argv.slice(2);
const langs = [...new Set(files.map((f) => f.split('.')[1]))].filter(
  (l) => l !== 'en' && (wanted.length === 0 || wanted.includes(l)),
);

const tokens = (s) =>
  [...s.matchAll(/\{\{[^}]+\}\}|\$t\([^)]*\)|<\/?[a-zA-Z0-9]+\s*\/?>|\*\*|`/g)].map((m) => m[0]).sort();
const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

let problems = 0;
for (const lang of langs) {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  for (const file of files.filter((f) => f.endsWith('.en.json'))) {
    const ns = file.split('.')[0];
    const target = `${ns}.${lang}.json`;
    const report = (message) => {
      problems++;
      console.log(`${target} ${message}`);
    };
    if (!files.includes(target)) {
      report('is missing');
      continue;
    }
    const walk = (en, tr, path) => {
      if (Array.isArray(en)) {
        if (!Array.isArray(tr) || tr.length !== en.length)
          return report(`${path}: not a list of ${en.length}`);
        for (const [i, item] of en.entries()) walk(item, tr[i], `${path}[${i}]`);
        return;
      }
      if (typeof en === 'string') {
        if (typeof tr !== 'string' || tr.trim() === '') return report(`${path}: missing or empty`);
        // A 'one' form may name {{count}} where English says "1": French uses 'one' for 0 as well.
        const want = tokens(en).join(' ');
        const got = tokens(tr).join(' ');
        const withCount = [...tokens(en), '{{count}}'].sort().join(' ');
        if (got !== want && !(path.endsWith('_one') && got === withCount)) {
          report(`${path}: placeholders differ (en: ${want || 'none'}; ${lang}: ${got || 'none'})`);
        }
        return;
      }
      if (typeof tr !== 'object' || tr === null || Array.isArray(tr)) return report(`${path}: missing`);
      const expected = [];
      for (const key of Object.keys(en)) {
        const base = key.replace(/_other$/, '');
        if (key.endsWith('_other') && Object.hasOwn(en, `${base}_one`)) {
          for (const c of categories) if (c !== 'one' && c !== 'other') expected.push(`${base}_${c}`);
        }
        expected.push(key);
      }
      for (const key of expected) {
        const plural = key.match(/^(.*)_(zero|two|few|many)$/);
        const source = plural && !Object.hasOwn(en, key) ? en[`${plural[1]}_other`] : en[key];
        walk(source, tr[key], `${path}.${key}`);
      }
      const extra = Object.keys(tr).filter((key) => !expected.includes(key));
      if (extra.length) report(`${path}: keys not in English: ${extra.join(', ')}`);
      const order = expected.filter((key) => Object.hasOwn(tr, key));
      if (
        order.join() !==
        Object.keys(tr)
          .filter((key) => expected.includes(key))
          .join()
      ) {
        report(`${path}: keys not in the English order`);
      }
    };
    walk(read(file), read(target), ns);
  }
}
console.log(problems ? `${problems} problem(s) in ${langs.join(', ')}` : `OK: ${langs.join(', ')}`);
process.exit(problems ? 1 : 0);
