/** The host's K: host admins change it; anyone on the host may read it (the pages say it). */

import type { PersonActor } from '../../../domain/access.ts';
import { minAnswers } from '../../../domain/feedback/k-rule.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { hostResource } from '../resources.ts';
import { hostK } from './store.ts';

const view = (k: number) => ({ minAnswers: k, floor: minAnswers.floor, default: minAnswers.default });

export async function getFeedbackSettings(ctx: AppContext, actor: PersonActor, hostId: string) {
  authorize(actor, 'host.read', hostResource(hostId));
  return view(await hostK(ctx.db, hostId));
}

export async function updateFeedbackSettings(ctx: AppContext, actor: PersonActor, hostId: string, k: number) {
  authorize(actor, 'feedback.configure', hostResource(hostId));
  const now = ctx.now().toISOString();
  await ctx.db
    .insertInto('feedbackSetting')
    .values({ hostId, minAnswers: k, updatedAt: now })
    .onConflict((oc) => oc.column('hostId').doUpdateSet({ minAnswers: k, updatedAt: now }))
    .execute();
  return view(await hostK(ctx.db, hostId));
}
