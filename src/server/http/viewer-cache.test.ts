import { describe, expect, it } from 'vitest';
import type { SignedInPerson } from '../auth/actor.ts';
import { ViewerCache } from './viewer-cache.ts';

function cacheWith(options: { ttlMs?: number; maxEntries?: number; maxBytes?: number } = {}) {
  const state = { version: '1:0', now: 0 };
  const cache = new ViewerCache(() => state.version, {
    ttlMs: options.ttlMs ?? 2000,
    maxEntries: options.maxEntries ?? 100,
    maxBytes: options.maxBytes ?? 1_000_000,
    now: () => state.now,
  });
  return { cache, state };
}

const answer = (text: string) => ({ status: 200, contentType: 'application/json', body: Buffer.from(text) });
const actor = {
  signedIn: { actor: { personId: 'p' } } as unknown as SignedInPerson,
  twoFactorRequired: false,
};

describe('viewer cache', () => {
  it('keeps an answer only for the data version it was made at', async () => {
    const { cache, state } = cacheWith();
    await cache.rememberAnswer({ key: 'k', version: '1:0' }, answer('a'));
    expect(cache.answer({ key: 'k', version: '1:0' })?.body.toString()).toBe('a');
    state.version = '1:1';
    expect(cache.answer({ key: 'k', version: '1:1' })).toBeUndefined();
    // Gone for good: the old version is never asked for again, and the entry is not kept.
    expect(cache.entries.answers).toBe(0);
  });

  it('does not store an answer if any row changed while it was being made', async () => {
    const { cache, state } = cacheWith();
    state.version = '1:7';
    await cache.rememberAnswer({ key: 'k', version: '1:6' }, answer('made while a write committed'));
    expect(cache.answer({ key: 'k', version: '1:6' })).toBeUndefined();
    expect(cache.answer({ key: 'k', version: '1:7' })).toBeUndefined();
  });

  it('forgets answers and actors after the time to live on the context’s clock', async () => {
    const { cache, state } = cacheWith({ ttlMs: 2000 });
    await cache.rememberAnswer({ key: 'k', version: '1:0' }, answer('a'));
    cache.rememberActor('u', '1:0', actor);
    state.now = 1999;
    expect(cache.answer({ key: 'k', version: '1:0' })).toBeDefined();
    expect(cache.actor('u', '1:0')).toBe(actor);
    state.now = 2000;
    expect(cache.answer({ key: 'k', version: '1:0' })).toBeUndefined();
    expect(cache.actor('u', '1:0')).toBeUndefined();
  });

  it('holds at most its bound, dropping the oldest first', async () => {
    const { cache } = cacheWith({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.rememberAnswer({ key, version: '1:0' }, answer(key));
    expect(cache.entries.answers).toBe(2);
    expect(cache.answer({ key: 'a', version: '1:0' })).toBeUndefined();
    expect(cache.answer({ key: 'c', version: '1:0' })?.body.toString()).toBe('c');
  });

  it('holds at most its budget of bytes, and never an answer larger than the whole budget', async () => {
    const { cache } = cacheWith({ maxBytes: 10 });
    await cache.rememberAnswer({ key: 'a', version: '1:0' }, answer('aaaa'));
    await cache.rememberAnswer({ key: 'b', version: '1:0' }, answer('bbbb'));
    await cache.rememberAnswer({ key: 'c', version: '1:0' }, answer('cccc'));
    expect(cache.entries).toMatchObject({ answers: 2, answerBytes: 8 });
    expect(cache.answer({ key: 'a', version: '1:0' })).toBeUndefined();
    await cache.rememberAnswer({ key: 'huge', version: '1:0' }, answer('x'.repeat(11)));
    expect(cache.answer({ key: 'huge', version: '1:0' })).toBeUndefined();
    expect(cache.entries).toMatchObject({ answers: 2, answerBytes: 8 });
    // Replacing an entry counts its new size only.
    await cache.rememberAnswer({ key: 'c', version: '1:0' }, answer('cc'));
    expect(cache.entries.answerBytes).toBe(6);
  });
});
