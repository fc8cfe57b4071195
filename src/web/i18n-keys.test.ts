// Every t('…') key the web app uses must exist in the English catalogue (src/i18n/web.en.json),
// so no reader ever sees a raw key. Scans the source; dynamic keys (t(`a.${x}`)) must name a group.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { erasureModes } from '../contract/closing.ts';
import { actionsByResource } from '../domain/access.ts';
import { applicationStatuses, dayParts, days, decisions } from '../domain/enrolment.ts';
import { preferences } from '../domain/grouping/formation/types.ts';
import { refusalCodes } from '../domain/meeting/refusals.ts';
import { programmeStatuses, setModes } from '../domain/programme.ts';
import catalogue from '../i18n/web.en.json' with { type: 'json' };

const webDir = path.dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

/** A plain key, or a plural one (key_one / key_other). */
const exists = (key: string) =>
  typeof lookup(key) === 'string' ||
  (typeof lookup(`${key}_one`) === 'string' && typeof lookup(`${key}_other`) === 'string');

/** The first argument of every t( call: its text up to the first top-level comma or closing parenthesis. */
function firstArguments(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/(?<![\w.$])t\(/g)) {
    let depth = 0;
    let i = (match.index ?? 0) + 2;
    const start = i;
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
    }
    found.push(code.slice(start, i));
  }
  return found;
}

const usage = sources(webDir).flatMap((file) =>
  firstArguments(readFileSync(file, 'utf8')).map((arg) => ({ file: path.relative(webDir, file), arg })),
);

describe('web catalogue', () => {
  it('finds the t() calls it checks', () => {
    expect(usage.length).toBeGreaterThan(300);
  });

  it('has every literal key used in the source', () => {
    const missing = usage.flatMap(({ file, arg }) =>
      [...arg.matchAll(/'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)]
        .map((m) => m[1]!)
        .filter((key) => !exists(key))
        .map((key) => `${key} (${file})`),
    );
    expect(missing).toEqual([]);
  });

  it('has a group for every dynamic key', () => {
    const groups = usage.flatMap(({ file, arg }) =>
      [...arg.matchAll(/`([\w.-]+)\.\$\{/g)].map((m) => ({ group: m[1]!, file })),
    );
    expect(groups.length).toBeGreaterThan(5);
    const missing = groups
      .filter(({ group }) => typeof lookup(group) !== 'object')
      .map(({ group, file }) => `${group} (${file})`);
    expect(missing).toEqual([]);
  });

  it('names every value those dynamic keys can take', () => {
    const expected: Record<string, readonly string[]> = {
      'programme.status': programmeStatuses,
      'set.mode': setModes,
      'set.role': ['member', 'facilitator'],
      'set.roster.makeRole': ['member', 'facilitator'],
      'set.roster.nowRole': ['member', 'facilitator'],
      'account.status': ['active', 'invited', 'not-invited'],
      'person.account': ['active', 'invited', 'not-invited'],
      'mail.status': ['pending', 'sending', 'sent', 'failed', 'written'],
      'mail.delivery': ['smtp', 'files'],
      languages: ['en', 'fr', 'es'],
      'enrolment.status': applicationStatuses,
      'enrolment.decision': decisions,
      'yourApplication.status': applicationStatuses,
      'yourApplication.explain': applicationStatuses,
      'enrolment.lifecycle.now': programmeStatuses,
      'enrolment.lifecycle.to': programmeStatuses,
      'formation.notForming': programmeStatuses,
      'formation.preference': preferences,
      'formation.severity': ['hard', 'strong', 'preference', 'notice'],
      'apply.day': days,
      'apply.part': dayParts,
      'apply.consent.agree': ['groundRules', 'confidentiality', 'dataUse'],
      'meeting.refusal': refusalCodes,
      'closing.erase.mode': erasureModes,
      'closing.log.kind': ['retention', 'remove', 'anonymise'],
      // A refusal (403) is explained in words for every action of the access map.
      refusals: [...new Set(Object.values(actionsByResource).flat())],
    };
    const missing = Object.entries(expected).flatMap(([group, values]) =>
      values.filter((v) => lookup(`${group}.${v}`) === undefined).map((v) => `${group}.${v}`),
    );
    expect(missing).toEqual([]);
  });
});
