import type { AppContext } from './context.ts';

/**
 * Runs work in one transaction. Called inside another `transact`, it joins that transaction, so a use
 * case that spans services (confirming a poll creates a series and sends mail) commits or fails as one.
 * Effects registered with `ctx.afterCommit` run once the outermost transaction has committed, and not
 * at all if it fails.
 */
export async function transact<T>(ctx: AppContext, work: (tx: AppContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  const effects: (() => void)[] = [];
  const result = await ctx.db
    .transaction()
    .execute((trx) => work({ ...ctx, db: trx, afterCommit: (effect) => effects.push(effect) }));
  for (const effect of effects) effect();
  return result;
}
