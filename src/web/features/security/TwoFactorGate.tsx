import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { getMySecurity } from '../../../contract/security.ts';
import { routeRef, useRoute } from '../../api/call.ts';
import { useMe } from '../../app/session.tsx';
import { Loading } from '../../ui/Spinner.tsx';

const setUpPath = '/settings/security';
// Checked on every signed-in page's first download: named, not imported (see routeRef).
const securityRoute = routeRef<typeof getMySecurity>('GET', '/api/me/security');

const GateContext = createContext<{ reload(): Promise<void> } | null>(null);

/** Tells the gate that the second factor was turned on or off. */
export function useTwoFactorGate() {
  return useContext(GateContext);
}

/**
 * A host admin or coordinator the host requires a second factor of, who has none yet, is led to set it
 * up before anything else (the server holds back everything else meanwhile).
 */
export function TwoFactorGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const concerned = me.hostAdmin || me.coordinates.length > 0;
  const security = useRoute(securityRoute, concerned ? {} : null);
  if (!concerned) return children;
  if (!security.data && !security.error) return <Loading />;
  const mustSetUp = security.data?.twoFactorRequired && !security.data.twoFactorEnabled;
  if (mustSetUp && location.pathname !== setUpPath) return <Navigate to={setUpPath} replace />;
  return <GateContext.Provider value={{ reload: security.reload }}>{children}</GateContext.Provider>;
}
