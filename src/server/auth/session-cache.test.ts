import { describe, expect, it } from 'vitest';
import { type CachedSession, SessionCache } from './session-cache.ts';

const session = (id: string, userId = 'u1', expiresAt = Date.now() + 60_000): CachedSession => ({
  sessionId: id,
  userId,
  twoFactorEnabled: false,
  expiresAt,
});

describe('SessionCache', () => {
  it('looks a cookie up once within its time to live, and again after it', async () => {
    let clock = 0;
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10, clock: () => clock });
    let lookups = 0;
    const load = async () => {
      lookups++;
      return session('s1');
    };
    await cache.resolve('cookie', load);
    await cache.resolve('cookie', load);
    expect(lookups).toBe(1);
    clock = 5001;
    await cache.resolve('cookie', load);
    expect(lookups).toBe(2);
  });

  it('forgets an ended session and every session of a changed account at once', async () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10 });
    await cache.resolve('a', async () => session('s1', 'u1'));
    await cache.resolve('b', async () => session('s2', 'u1'));
    await cache.resolve('c', async () => session('s3', 'u2'));
    cache.evict({ sessionId: 's1' });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.sessionId).toBe('s2');
    cache.evict({ userId: 'u1' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')?.sessionId).toBe('s3');
  });

  it('does not keep an answer that was being looked up while a session ended', async () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10 });
    let release: () => void = () => {};
    const pending = cache.resolve(
      'a',
      () => new Promise<CachedSession>((r) => (release = () => r(session('s1')))),
    );
    cache.evict({ sessionId: 's1' });
    release();
    expect((await pending)?.sessionId).toBe('s1');
    expect(cache.get('a')).toBeUndefined();
  });

  it('never answers with an expired session, and keeps nothing for a cookie that did not verify', async () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 10 });
    await cache.resolve('a', async () => session('s1', 'u1', Date.now() - 1));
    expect(cache.get('a')).toBeUndefined();
    await cache.resolve('b', async () => null);
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry when full', async () => {
    const cache = new SessionCache({ ttlMs: 5000, maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) await cache.resolve(k, async () => session(k));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.sessionId).toBe('c');
  });
});
