import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { signOut as endSession } from '../../contract/accounts.ts';
import type { Me } from '../../contract/me.ts';
import type { setupStatus } from '../../contract/setup.ts';
import { call, routeRef } from '../api/call.ts';

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
const setupRoute = routeRef<typeof setupStatus>('GET', '/api/setup');
const signOutRoute = routeRef<typeof endSession>('POST', '/api/auth/sign-out');

const SessionContext = createContext<Session | null>(null);

type SessionState = { ready: boolean; needsSetup: boolean; me: Me | null; error: unknown };

/** Asks the server, in one round trip, whether Revans is set up and who is signed in (never a 401). */
async function readSession(): Promise<SessionState> {
  try {
    const setup = await call(setupRoute, {});
    return { ready: true, needsSetup: setup.needed, me: setup.me, error: undefined };
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
