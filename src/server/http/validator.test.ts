import { describe, expect, it } from 'vitest';
import { nestedDeeperThan, nulCharacterPaths } from './validator.ts';

describe('finding NUL characters in a request', () => {
  it('names each string and key that holds one, by its path', () => {
    expect(
      nulCharacterPaths({
        name: 'Ox\u0000fam',
        tags: ['fine', 'bad\u0000'],
        nested: { 'key\u0000': 'fine', deeper: [{ text: '\u0000' }] },
        clean: 'Oxfam',
        count: 3,
        none: null,
      }).sort(),
    ).toEqual([['name'], ['nested', 'deeper', 0, 'text'], ['nested', 'key\u0000'], ['tags', 1]].sort());
  });

  it('finds nothing in clean input, and in values that are not text', () => {
    expect(nulCharacterPaths({ name: 'Oxfam', list: [1, true, null], nested: {} })).toEqual([]);
    expect(nulCharacterPaths(undefined)).toEqual([]);
    expect(nulCharacterPaths('\u0000')).toEqual([[]]);
  });

  it('names twenty places at most, however many there are', () => {
    expect(nulCharacterPaths(Array.from({ length: 100_000 }, () => '\u0000'))).toHaveLength(20);
  });

  it('walks input nested far deeper than a call stack', () => {
    const depth = 200_000;
    const deep = JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`);
    const [path] = nulCharacterPaths(deep);
    expect(path).toHaveLength(depth);
  });
});

describe('how deep a body is nested', () => {
  it('counts objects and lists as levels, values as none', () => {
    expect(nestedDeeperThan('text', 0)).toBe(false);
    expect(nestedDeeperThan({ email: 'a@example.org', password: 'x' }, 1)).toBe(false);
    expect(nestedDeeperThan({ email: 'a@example.org' }, 0)).toBe(true);
    expect(nestedDeeperThan({ a: [1, 2] }, 2)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: 2 }] }, 2)).toBe(true);
  });

  it('answers for bodies nested far deeper than a call stack, looking no further than asked', () => {
    const depth = 200_000;
    expect(nestedDeeperThan(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`), 3)).toBe(true);
  });
});
