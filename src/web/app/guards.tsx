import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { TwoFactorGate } from '../features/security/TwoFactorGate.tsx';
import { Loading } from '../ui/Spinner.tsx';
import { Failure } from './Failure.tsx';
import { useSession } from './session.tsx';

/** Pages for signed-in people: others go to sign in (and come back afterwards). */
export function RequireSignIn() {
  const { ready, needsSetup, me, error } = useSession();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (error) return <Failure error={error} retry={() => window.location.reload()} />;
  if (needsSetup) return <Navigate to="/setup" replace />;
  if (!me) {
    const next =
      location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return (
    <TwoFactorGate>
      <Outlet />
    </TwoFactorGate>
  );
}

/** Only a path inside this app may be a destination after signing in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Sign-in and password pages: a signed-in person goes on to where they were heading. */
export function SignedOutOnly() {
  const { ready, needsSetup, me } = useSession();
  const [params] = useSearchParams();
  if (!ready) return <Loading />;
  if (needsSetup) return <Navigate to="/setup" replace />;
  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;
  return <Outlet />;
}
