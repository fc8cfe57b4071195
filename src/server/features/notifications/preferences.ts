import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  defaultActionsNudgeOffset,
  defaultReminderOffsets,
  type ReminderPreferences,
} from '../../../domain/schedule/reminders.ts';
import type { Database } from '../../store/schema.ts';

/** The mails a person can choose to receive or not. */
export const notificationKinds = ['invitations', 'changes', 'reminders', 'actions', 'polls'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface Preferences {
  disabled: NotificationKind[];
  /** Minutes before each meeting. */
  reminderOffsets: number[];
}

export const defaultPreferences = (): Preferences => ({
  disabled: [],
  reminderOffsets: [...defaultReminderOffsets],
});

type Db = Kysely<Database> | Transaction<Database>;

export async function loadPreferences(db: Db, personIds: string[]): Promise<Map<string, Preferences>> {
  const map = new Map(personIds.map((id) => [id, defaultPreferences()]));
  if (!personIds.length) return map;
  const rows = await db
    .selectFrom('notification_preference')
    .selectAll()
    .where('person_id', 'in', personIds)
    .execute();
  for (const row of rows) {
    map.set(row.person_id, {
      disabled: JSON.parse(row.disabled_json),
      reminderOffsets: JSON.parse(row.reminder_offsets_json),
    });
  }
  return map;
}

export async function savePreferences(db: Db, personId: string, prefs: Preferences, now: Date) {
  await db.deleteFrom('notification_preference').where('person_id', '=', personId).execute();
  await db
    .insertInto('notification_preference')
    .values({
      person_id: personId,
      disabled_json: JSON.stringify([...new Set(prefs.disabled)].sort()),
      reminder_offsets_json: JSON.stringify([...new Set(prefs.reminderOffsets)].sort((a, b) => b - a)),
      updated_at: now.toISOString(),
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
