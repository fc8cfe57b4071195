// @vitest-environment jsdom
// Reading the session at boot: one round trip tells a page whether Revans is set up and who is signed
// in, so a signed-out visitor meets no 401 in their console and a signed-in one waits for nothing more.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, hostAdmin } from '../test-support.tsx';
import { startSession } from './session.tsx';

const status = (body: { needed?: boolean; me?: typeof hostAdmin | null }) => ({
  body: { needed: false, signedIn: Boolean(body.me), defaultLanguage: 'en', me: null, ...body },
});

afterEach(() => vi.unstubAllGlobals());

describe('reading the session at boot', () => {
  it('asks a signed-out visitor only whether anyone is signed in, never for a person', async () => {
    const { calls } = fakeApi({ 'GET /api/setup': status({}) });
    const session = await startSession();
    expect(session).toMatchObject({ ready: true, needsSetup: false, me: null });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/setup']);
  });

  it('learns who is signed in from the same single request', async () => {
    const { calls } = fakeApi({ 'GET /api/setup': status({ me: hostAdmin }) });
    const session = await startSession();
    expect(session.me?.person.id).toBe(hostAdmin.person.id);
    expect(calls.map((c) => c.path)).toEqual(['/api/setup']);
  });

  it('shows the first-run setup on an empty installation', async () => {
    fakeApi({ 'GET /api/setup': status({ needed: true }) });
    expect(await startSession()).toMatchObject({ ready: true, needsSetup: true, me: null });
  });

  it('reports a server it cannot reach instead of pretending nobody is signed in', async () => {
    fakeApi({});
    const session = await startSession();
    expect(session.ready).toBe(true);
    expect(session.error).toBeInstanceOf(Error);
  });
});
