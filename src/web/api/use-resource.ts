import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client.ts';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again; the current data stays on screen meanwhile. */
  reload(): Promise<void>;
  /** Replaces the data with a fresh copy the server returned from a change. */
  setData(data: T): void;
}

/**
 * Loads one API resource for a page; a null path waits (e.g. until the session is known). With
 * keepPrevious, a changed path (a filter) keeps showing the last answer until the new one arrives, so
 * the controls that changed it stay on screen and keep focus.
 */
export function useResource<T>(path: string | null, options: { keepPrevious?: boolean } = {}): Resource<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: unknown; loading: boolean }>({
    path,
    loading: path !== null,
  });

  const load = useCallback(async (target: string, isCurrent: () => boolean) => {
    setState((s) => ({ ...s, path: target, loading: true, error: undefined }));
    try {
      const data = await api.get<T>(target);
      if (isCurrent()) setState({ path: target, data, loading: false });
    } catch (error) {
      if (isCurrent())
        setState((s) => ({
          path: target,
          data: s.path === target ? s.data : undefined,
          error,
          loading: false,
        }));
    }
  }, []);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => (s.path === path ? s : { path, loading: true }));
    void load(path, () => current);
    return () => {
      current = false;
    };
  }, [path, load]);

  const reload = useCallback(async () => {
    if (path !== null) await load(path, () => true);
  }, [path, load]);

  const setData = useCallback((data: T) => setState({ path, data, loading: false }), [path]);

  const fresh = state.path === path;
  const last = useRef<T | undefined>(undefined);
  if (fresh && state.data !== undefined) last.current = state.data;
  const data =
    fresh && state.data !== undefined ? state.data : options.keepPrevious ? last.current : undefined;
  return {
    data,
    error: fresh ? state.error : undefined,
    loading: !fresh || state.loading,
    reload,
    setData,
  };
}
