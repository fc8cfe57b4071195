import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type NotificationKind,
  notificationKinds,
  type preferencesBody,
} from '../../../contract/notifications.ts';
import {
  defaultActionsNudgeOffset,
  defaultReminderOffsets,
  type ReminderPreferences,
} from '../../../domain/schedule/reminders.ts';
import type { DB } from '../../store/schema.ts';

/** The kinds of mail a person turned off, and how many minutes before each meeting reminders come. */
export type Preferences = z.output<typeof preferencesBody>;

export const defaultPreferences = (): Preferences => ({
  disabled: [],
  reminderOffsets: [...defaultReminderOffsets],
});

export async function loadPreferences(
  db: Kysely<DB>,
  personIds: string[],
): Promise<Map<string, Preferences>> {
  const map = new Map(personIds.map((id) => [id, defaultPreferences()]));
  if (!personIds.length) return map;
  const rows = await db
    .selectFrom('notificationPreference')
    .selectAll()
    .where('personId', 'in', personIds)
    .execute();
  for (const row of rows) {
    map.set(row.personId, {
      disabled: JSON.parse(row.disabledJson),
      reminderOffsets: JSON.parse(row.reminderOffsetsJson),
    });
  }
  return map;
}

/** Replaces a person's choices; run it inside `transact` with whatever read them. */
export async function savePreferences(db: Kysely<DB>, personId: string, prefs: Preferences, now: Date) {
  await db.deleteFrom('notificationPreference').where('personId', '=', personId).execute();
  await db
    .insertInto('notificationPreference')
    .values({
      personId,
      disabledJson: JSON.stringify([...new Set(prefs.disabled)].sort()),
      reminderOffsetsJson: JSON.stringify([...new Set(prefs.reminderOffsets)].sort((a, b) => b - a)),
      updatedAt: now.toISOString(),
    })
    .execute();
}

export function reminderPreferences(prefs: Preferences): ReminderPreferences {
  return {
    reminders: !prefs.disabled.includes('reminders'),
    reminderOffsets: prefs.reminderOffsets,
    actionsNudge: !prefs.disabled.includes('actions'),
    actionsNudgeOffset: defaultActionsNudgeOffset,
  };
}

/**
 * One-click unsubscribe tokens: the person and the kind of mail, signed with the server's secret, so a
 * link works without storing anything and cannot be forged for someone else.
 */
export function unsubscribeToken(secret: string, personId: string, kind: NotificationKind): string {
  // Short enough for a URL path segment: the person id without dashes, the kind's index, a 128-bit MAC.
  const payload = `${personId.replaceAll('-', '')}${notificationKinds.indexOf(kind)}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(
  secret: string,
  token: string,
): { personId: string; kind: NotificationKind } | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature || !/^[0-9a-f]{32}\d$/.test(payload)) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const hex = payload.slice(0, 32);
  const personId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const kind = notificationKinds[Number(payload.slice(32))];
  if (!kind) return null;
  return { personId, kind };
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', `${secret}:unsubscribe`)
    .update(payload)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}
