/**
 * Extracts the English sentences of problem details from the server's code into src/i18n/problems.en.json,
 * the catalogue translators copy per language (problems.fr.json, ...). As with gettext, the English
 * sentence in the code is the message id: `conflict('This set is closed.')`, `problem('conflict', 'There is
 * already a {{what}}.', { what })`, `notFound('set')` (the noun is translated on its own), `tr('...')` in
 * the validation messages and error handler, and the titles of the problem codes.
 *
 * Run `npx tsx scripts/extract-problems.ts` (npm run extract:problems) after changing a sentence; src/i18n/problems.test.ts fails while
 * the file is out of date. A sentence built with a template literal (`${x}`) is not extracted and stays
 * English: write it with a {{placeholder}} and values instead.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const problemsCatalogue = path.join(root, 'src/i18n/problems.en.json');

const literal = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"`;
const code = String.raw`'[\w-]+'`;
/** A literal, or literals joined with `+` across lines. */
const joined = String.raw`((?:${literal})(?:\s*\+\s*(?:${literal}))*)`;

const patterns = [
  new RegExp(String.raw`new Problem\(\s*${code},\s*${joined}`, 'g'),
  new RegExp(String.raw`\b(?:problem|problemBody)\(\s*${code},\s*${joined}`, 'g'),
  new RegExp(String.raw`\b(?:conflict|forbidden|notFound)\(\s*${joined}`, 'g'),
  new RegExp(String.raw`\btr\(\s*${joined}`, 'g'),
];

/** One sentence for one, another for many: `conflict(n === 1 ? '…' : '…', …)`. */
const choice = new RegExp(
  String.raw`\b(?:conflict|forbidden)\(\s*[\w.\s=!<>]+\?\s*${joined}\s*:\s*${joined}`,
  'g',
);

/** A literal or literals joined with `+`, as the text they make. */
function unquote(text: string): string {
  return [...text.matchAll(new RegExp(literal, 'g'))]
    .map(([part]) => {
      const body = part.slice(1, -1);
      return part.startsWith('"') ? (JSON.parse(part) as string) : body.replace(/\\(.)/g, '$1');
    })
    .join('');
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

export function extractProblems(): Record<string, string> {
  const ids = new Set<string>();
  for (const file of [...sources(path.join(root, 'src/server')), ...sources(path.join(root, 'src/domain'))]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) ids.add(unquote(match[1]!));
    for (const match of text.matchAll(choice))
      for (const part of [match[1]!, match[2]!]) ids.add(unquote(part));
    const base = path.basename(file);
    // The problem codes' titles, and fastify's own errors' details.
    if (base === 'problem.ts' || base === 'error-handler.ts')
      for (const match of text.matchAll(new RegExp(String.raw`\b(?:title|detail): (${literal})`, 'g')))
        ids.add(unquote(match[1]!));
    // The nouns of "There is no {{what}} here".
    if (base === 'authorize.ts') {
      const nouns = /const nouns[^=]*= \{([^}]*)\}/.exec(text)?.[1] ?? '';
      for (const match of nouns.matchAll(new RegExp(`: (${literal})`, 'g'))) ids.add(unquote(match[1]!));
    }
  }
  ids.delete('');
  return Object.fromEntries([...ids].sort().map((id) => [id, id]));
}

export const catalogueText = (problems: Record<string, string>) => `${JSON.stringify(problems, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = extractProblems();
  writeFileSync(problemsCatalogue, catalogueText(problems));
  console.log(`${Object.keys(problems).length} problem sentences written to src/i18n/problems.en.json`);
}
