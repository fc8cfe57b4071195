/**
 * The accounts library (better-auth) keeps each call's context in AsyncLocalStorage. On Node 20 the first
 * `run` turns promise hooks on for the whole process and nothing turns them off again, so after the first
 * sign-in every promise of every later request pays for them (about a fifth of Upcoming's CPU, a tenth of
 * a set page's). Every call into the library goes through `withAccounts`, which turns the library's stores
 * off again once no call is in flight; the library's next `run` turns them back on by itself.
 * (Node 24's AsyncContextFrame has no promise hooks; this can go when Revans requires it.)
 */
import {
  getCurrentAuthContextAsyncLocalStorage,
  getCurrentDBAdapterAsyncLocalStorage,
  getRequestStateAsyncLocalStorage,
} from '@better-auth/core/context';

interface Switchable {
  disable(): void;
}

let inFlight = 0;
let stores: Switchable[] | undefined;

async function libraryStores(): Promise<Switchable[]> {
  stores ??= await Promise.all([
    getCurrentAuthContextAsyncLocalStorage(),
    getRequestStateAsyncLocalStorage(),
    getCurrentDBAdapterAsyncLocalStorage(),
  ]);
  return stores;
}

/** Runs one call into the accounts library; the last one to finish switches its context stores off. */
export async function withAccounts<T>(call: () => Promise<T>): Promise<T> {
  const switchable = await libraryStores();
  inFlight += 1;
  try {
    return await call();
  } finally {
    inFlight -= 1;
    // Never while another call is inside the library: it would lose its context half-way.
    if (inFlight === 0) for (const store of switchable) store.disable();
  }
}

/** For the tests: whether the library's promise hooks are still on. */
export async function accountsContextActive(): Promise<boolean> {
  return (await libraryStores()).some((store) => (store as unknown as { enabled: boolean }).enabled);
}
