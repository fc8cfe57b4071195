import type { NotificationPreferences, Unsubscription } from '../../../contract/notifications.ts';
import { notificationKinds } from '../../../contract/notifications.ts';
import type { PersonActor } from '../../../domain/access.ts';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../http/authorize.ts';
import { Problem } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { personResource } from '../resources.ts';
import { loadPreferences, type Preferences, readUnsubscribeToken, savePreferences } from './preferences.ts';

async function self(ctx: AppContext, actor: PersonActor) {
  authorize(actor, 'person.update', await personResource(ctx.db, actor.personId));
}

/** Which emails I receive and when reminders come, with every kind there is. */
export async function myPreferences(ctx: AppContext, actor: PersonActor): Promise<NotificationPreferences> {
  await self(ctx, actor);
  const prefs = (await loadPreferences(ctx.db, [actor.personId])).get(actor.personId)!;
  return { ...prefs, kinds: [...notificationKinds] };
}

export async function saveMyPreferences(
  ctx: AppContext,
  actor: PersonActor,
  prefs: Preferences,
): Promise<NotificationPreferences> {
  await self(ctx, actor);
  await transact(ctx, (tx) => savePreferences(tx.db, actor.personId, prefs, ctx.now()));
  return myPreferences(ctx, actor);
}

function readToken(ctx: AppContext, token: string) {
  const parsed = readUnsubscribeToken(ctx.config.authSecret, token);
  if (!parsed)
    throw new Problem('gone', 'This unsubscribe link is not valid. Choose your emails in Revans instead.');
  return parsed;
}

/** What an unsubscribe link would turn off, and whether it already is. */
export async function unsubscription(ctx: AppContext, token: string): Promise<Unsubscription> {
  const { personId, kind } = readToken(ctx, token);
  const prefs = (await loadPreferences(ctx.db, [personId])).get(personId)!;
  return { kind, unsubscribed: prefs.disabled.includes(kind) };
}

/** One click turns one kind of mail off; the link is the credential. */
export async function unsubscribe(ctx: AppContext, token: string): Promise<Unsubscription> {
  const { personId, kind } = readToken(ctx, token);
  await transact(ctx, async (tx) => {
    const prefs = (await loadPreferences(tx.db, [personId])).get(personId)!;
    if (!prefs.disabled.includes(kind)) prefs.disabled.push(kind);
    await savePreferences(tx.db, personId, prefs, ctx.now());
  });
  return { kind, unsubscribed: true };
}
