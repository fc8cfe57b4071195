import type { AppContext } from '../context.ts';
import { withAccounts } from './accounts-context.ts';

/**
 * Ends every session of an account, through the accounts library so that its hooks run: each ended
 * session is signalled to every process, which closes that session's live sockets at once.
 * Returns how many sessions were ended.
 */
export async function endAllSessions(ctx: AppContext, userId: string): Promise<number> {
  // The accounts library's tables name their columns in camelCase already: read them without the plugin.
  const { count } = await ctx.store.plain
    .selectFrom('session')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  await withAccounts(async () => {
    const auth = await ctx.auth.$context;
    await auth.internalAdapter.deleteUserSessions(userId);
  });
  return Number(count);
}
