import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';

interface Flash {
  id: number;
  message: string;
  path: string;
  seen: boolean;
}

type Announce = (message: string, options?: { path?: string }) => void;

const FlashContext = createContext<{ flash: Flash | null; announce: Announce } | null>(null);

/**
 * Short confirmations ("Organisation added") in one polite live region that is always on the page.
 * A message belongs to a path: announce before navigating and it shows on arrival, then clears on leaving.
 */
export function FlashProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const [flash, setFlash] = useState<Flash | null>(null);

  const announce = useCallback<Announce>((message, options) => {
    const here = window.location.pathname;
    const path = options?.path ?? here;
    setFlash((f) => ({ id: (f?.id ?? 0) + 1, message, path, seen: path === here }));
  }, []);

  useEffect(() => {
    setFlash((f) => {
      if (!f) return f;
      if (f.path === location.pathname) return f.seen ? f : { ...f, seen: true };
      return f.seen ? null : f;
    });
  }, [location.pathname]);

  const value = useMemo(() => ({ flash, announce }), [flash, announce]);
  return <FlashContext.Provider value={value}>{children}</FlashContext.Provider>;
}

export function useAnnounce(): Announce {
  const context = useContext(FlashContext);
  if (!context) throw new Error('useAnnounce must be used inside <FlashProvider>.');
  return context.announce;
}

/** The live region itself; rendered once by the layout. */
export function FlashRegion() {
  const context = useContext(FlashContext);
  const location = useLocation();
  const flash = context?.flash;
  const shown = flash && flash.path === location.pathname ? flash : null;
  return (
    <div className={shown ? 'flash flash--shown' : 'flash'} role="status" aria-live="polite">
      {shown ? <span key={shown.id}>{shown.message}</span> : null}
    </div>
  );
}
