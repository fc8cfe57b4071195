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

/** Knows whether Revans is set up and who is signed in; pages read it through useSession(). */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Partial<Session> }) {
  const [state, setState] = useState<{ ready: boolean; needsSetup: boolean; me: Me | null; error: unknown }>({
    ready: initial?.ready ?? false,
    needsSetup: initial?.needsSetup ?? false,
    me: initial?.me ?? null,
    error: undefined,
  });

  const refresh = useCallback(async () => {
    try {
      const setup = await call(setupRoute, {});
      const me = setup.needed || !setup.signedIn ? null : await loadMe();
      setState({ ready: true, needsSetup: setup.needed, me, error: undefined });
      return me;
    } catch (error) {
      setState((s) => ({ ...s, ready: true, error }));
      return null;
    }
  }, []);

  const signOut = useCallback(async () => {
    await call(signOutRoute, { body: {} });
    setState((s) => ({ ...s, me: null }));
  }, []);

  useEffect(() => {
    if (!initial?.ready) void refresh();
  }, [initial?.ready, refresh]);

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
