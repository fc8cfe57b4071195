import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { signOut as endSession } from '../../contract/accounts.ts';
import type { getMe, Me } from '../../contract/me.ts';
import type { setupStatus } from '../../contract/setup.ts';
import { call, routeRef } from '../api/call.ts';
import { isProblem } from '../api/client.ts';

export interface Session {
  /** False until the first answers from the server arrive. */
  ready: boolean;
  /** True on an empty installation: the first-run page must be shown. */
  needsSetup: boolean;
  me: Me | null;
  /** A problem reaching the server at start (shown instead of the app). */
  error: unknown;
  refresh(): Promise<Me | null>;
  signOut(): Promise<void>;
}

// Named, not imported: the contract's schemas stay out of the first download (see routeRef).
const meRoute = routeRef<typeof getMe>('GET', '/api/me');
const setupRoute = routeRef<typeof setupStatus>('GET', '/api/setup');
const signOutRoute = routeRef<typeof endSession>('POST', '/api/auth/sign-out');

const SessionContext = createContext<Session | null>(null);

async function loadMe(): Promise<Me | null> {
  try {
    return await call(meRoute, {});
  } catch (error) {
    if (isProblem(error) && error.status === 401) return null;
    throw error;
  }
}

type SessionState = { ready: boolean; needsSetup: boolean; me: Me | null; error: unknown };

/**
 * Kept in this browser while someone is signed in here (a flag, nothing about them): the next page load
 * asks for the person straight away instead of asking first whether anyone is signed in, one round trip
 * less before their home. A visitor who never signed in here is never asked for, so never sees a 401.
 */
const signedInKey = 'revans.signedIn';

function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(signedInKey, '1');
    else localStorage.removeItem(signedInKey);
  } catch {
    // Storage refused (private mode): every load asks /api/setup first, as it would anyway.
  }
}

function probablySignedIn(): boolean {
  try {
    return localStorage.getItem(signedInKey) === '1';
  } catch {
    return false;
  }
}

/** Asks the server who is signed in, and whether Revans is set up (no /api/me, so no 401, when nobody is). */
async function readSession(): Promise<SessionState> {
  try {
    if (probablySignedIn()) {
      const me = await loadMe();
      if (me) return { ready: true, needsSetup: false, me, error: undefined };
    }
    const setup = await call(setupRoute, {});
    const me = setup.needed || !setup.signedIn ? null : await loadMe();
    rememberSignedIn(me !== null);
    return { ready: true, needsSetup: setup.needed, me, error: undefined };
  } catch (error) {
    return { ready: true, needsSetup: false, me: null, error };
  }
}

/**
 * Starts reading the session at boot, while the page's language and code still download, so the first
 * page does not wait for a round trip that could have run alongside them. Pass it to <SessionProvider>.
 */
export const startSession = (): Promise<SessionState> => readSession();

/** Knows whether Revans is set up and who is signed in; pages read it through useSession(). */
export function SessionProvider({
  children,
  initial,
  started,
}: {
  children: ReactNode;
  initial?: Partial<Session>;
  started?: Promise<SessionState>;
}) {
  const [state, setState] = useState<SessionState>({
    ready: initial?.ready ?? false,
    needsSetup: initial?.needsSetup ?? false,
    me: initial?.me ?? null,
    error: undefined,
  });

  const refresh = useCallback(async () => {
    const next = await readSession();
    setState((s) => (next.error ? { ...s, ready: true, error: next.error } : next));
    return next.me;
  }, []);

  const signOut = useCallback(async () => {
    await call(signOutRoute, { body: {} });
    rememberSignedIn(false);
    setState((s) => ({ ...s, me: null }));
  }, []);

  useEffect(() => {
    if (initial?.ready) return;
    if (started) void started.then(setState);
    else void refresh();
  }, [initial?.ready, started, refresh]);

  const value = useMemo<Session>(() => ({ ...state, refresh, signOut }), [state, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>.');
  return session;
}

/** The signed-in person's session; only for pages behind <RequireSignIn>. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe needs a signed-in person.');
  return me;
}

/** The session if there is one: for helpers (such as the time format) that also serve pages outside it. */
export function useOptionalSession(): Session | null {
  return useContext(SessionContext);
}
