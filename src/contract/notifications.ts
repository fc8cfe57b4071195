/** Which emails a person receives, when reminders come, and the one-click unsubscribe links in each mail. */
import { z } from 'zod';
import { route } from './route.ts';

/** The mails a person can choose to receive or not. New kinds go at the end: an unsubscribe link carries a kind's position in this list. */
export const notificationKinds = [
  'invitations',
  'changes',
  'reminders',
  'actions',
  'polls',
  'concerns',
  'reviews',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Reminders come from 15 minutes to 14 days before a meeting, at most four of them. */
export const reminderOffset = { min: 15, max: 14 * 24 * 60 } as const;
export const maxReminders = 4;

export const preferencesBody = z.strictObject({
  disabled: z.array(z.enum(notificationKinds)).max(notificationKinds.length),
  /** Minutes before each meeting. */
  reminderOffsets: z
    .array(z.number().int().min(reminderOffset.min).max(reminderOffset.max))
    .max(maxReminders),
});

export const notificationPreferences = z.object({
  disabled: z.array(z.enum(notificationKinds)),
  reminderOffsets: z.array(z.number().int()),
  /** Every kind there is, in the order to offer them. */
  kinds: z.array(z.enum(notificationKinds)),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const getNotificationPreferences = route({
  method: 'GET',
  path: '/api/me/notifications',
  tags: ['notifications'],
  summary: 'Which emails you receive, and when reminders come',
  response: notificationPreferences,
});

export const setNotificationPreferences = route({
  method: 'PUT',
  path: '/api/me/notifications',
  tags: ['notifications'],
  summary: 'Choose which emails you receive and how long before a meeting reminders come',
  body: preferencesBody,
  response: notificationPreferences,
});

const tokenParams = z.strictObject({ token: z.string().min(20).max(300) });

export const unsubscription = z.object({ kind: z.enum(notificationKinds), unsubscribed: z.boolean() });
export type Unsubscription = z.infer<typeof unsubscription>;

export const getUnsubscribe = route({
  method: 'GET',
  path: '/api/unsubscribe/:token',
  tags: ['notifications'],
  summary: 'What an unsubscribe link would turn off (the link is the credential)',
  public: true,
  params: tokenParams,
  response: unsubscription,
});

export const unsubscribe = route({
  method: 'POST',
  path: '/api/unsubscribe/:token',
  tags: ['notifications'],
  summary: 'Stop one kind of email with one click (RFC 8058); the link is the credential',
  public: true,
  params: tokenParams,
  response: unsubscription,
});
