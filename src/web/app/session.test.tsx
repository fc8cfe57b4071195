// @vitest-environment jsdom
// Reading the session at boot: a visitor who never signed in here is not asked for (no 401 in their
// console); a browser where someone is signed in asks for them at once, one round trip less before home.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, hostAdmin, problem } from '../test-support.tsx';
import { startSession } from './session.tsx';

const signedOut = { body: { needed: false, signedIn: false, defaultLanguage: 'en' } };
const signedIn = { body: { needed: false, signedIn: true, defaultLanguage: 'en' } };

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('reading the session at boot', () => {
  it('asks a signed-out visitor only whether anyone is signed in, never for a person', async () => {
    const { calls } = fakeApi({ 'GET /api/setup': signedOut });
    const session = await startSession();
    expect(session).toMatchObject({ ready: true, needsSetup: false, me: null });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/setup']);
  });

  it('asks for the person at once in a browser where they signed in, and not whether anyone is', async () => {
    const first = fakeApi({ 'GET /api/setup': signedIn, 'GET /api/me': { body: hostAdmin } });
    await startSession();
    expect(first.calls.map((c) => c.path)).toEqual(['/api/setup', '/api/me']);

    const next = fakeApi({ 'GET /api/me': { body: hostAdmin } });
    const session = await startSession();
    expect(session.me?.person.id).toBe(hostAdmin.person.id);
    expect(next.calls.map((c) => c.path)).toEqual(['/api/me']);
  });

  it('falls back to asking, and forgets, when the session there has ended', async () => {
    fakeApi({ 'GET /api/setup': signedIn, 'GET /api/me': { body: hostAdmin } });
    await startSession();

    const ended = fakeApi({
      'GET /api/me': problem(401, 'unauthenticated', 'Sign in to continue.'),
      'GET /api/setup': signedOut,
    });
    expect((await startSession()).me).toBeNull();
    expect(ended.calls.map((c) => c.path)).toEqual(['/api/me', '/api/setup']);

    const later = fakeApi({ 'GET /api/setup': signedOut });
    await startSession();
    expect(later.calls.map((c) => c.path)).toEqual(['/api/setup']);
  });
});
