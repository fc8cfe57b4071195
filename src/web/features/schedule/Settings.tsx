import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as calendar from '../../../contract/calendar.ts';
import * as notifications from '../../../contract/notifications.ts';
import type { BodyInput } from '../../../contract/route.ts';
import { call, useRoute } from '../../api/call.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';

/** The private calendar feed: create, replace or turn off; the address is shown once, when created. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const status = useRoute(calendar.getCalendarFeed, {});
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      (document.getElementById('feed-url') as HTMLInputElement | null)?.select();
    }
  };
  const create = async () => {
    setBusy(true);
    try {
      const created = await call(calendar.createCalendarFeed, {});
      setUrl(created.url ?? null);
      status.setData(created);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    try {
      status.setData(await call(calendar.revokeCalendarFeed, {}));
      setUrl(null);
    } finally {
      setBusy(false);
    }
  };
  const active = status.data?.active ?? false;
  return (
    <section className="section" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('schedule.feed.title')}</h2>
      <p>{t('schedule.feed.lead')}</p>
      {url ? (
        <TextField
          id="feed-url"
          label={t('schedule.feed.url')}
          hint={t('schedule.feed.urlHint')}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : active ? (
        <p>{t('schedule.feed.active')}</p>
      ) : null}
      <div className="button-row">
        {url ? (
          <Button variant="secondary" onClick={() => void copy(url)}>
            {t('settings.feed.copy')}
          </Button>
        ) : null}
        <Button variant="secondary" busy={busy} onClick={() => void create()}>
          {active ? t('schedule.feed.regenerate') : t('schedule.feed.create')}
        </Button>
        {active ? (
          <Button variant="quiet" busy={busy} onClick={() => void revoke()}>
            {t('schedule.feed.revoke')}
          </Button>
        ) : null}
      </div>
      <p role="status" className="form-status">
        {copied ? t('settings.feed.copied') : ''}
      </p>
    </section>
  );
}

/** Reminder times people choose from, in minutes before a meeting. */
export const reminderPresets = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 4320, 10080] as const;

/** "2 days before", "2 hours before", "90 minutes before": a reminder time as people say it. */
export function useReminderLabel() {
  const { t } = useTranslation();
  return (minutes: number) =>
    minutes % 1440 === 0
      ? t('settings.reminders.days', { count: minutes / 1440 })
      : minutes % 60 === 0
        ? t('settings.reminders.hours', { count: minutes / 60 })
        : t('settings.reminders.minutes', { count: minutes });
}

/** Which emails I receive and when reminders come: reminder times are picked from presets, not typed. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const prefs = useRoute(notifications.getNotificationPreferences, {});
  const label = useReminderLabel();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = prefs.data;
  const available = reminderPresets.filter((m) => !data?.reminderOffsets.includes(m));
  const [adding, setAdding] = useState<number | null>(null);
  if (!data) return null;
  const choice = adding !== null && available.includes(adding as never) ? adding : (available[0] ?? null);
  const save = async (next: BodyInput<typeof notifications.setNotificationPreferences>, message: string) => {
    setBusy(true);
    try {
      prefs.setData(await call(notifications.setNotificationPreferences, { body: next }));
      setSaved(message);
    } finally {
      setBusy(false);
    }
  };
  const offsets = [...data.reminderOffsets].sort((a, b) => b - a);
  const full = offsets.length >= notifications.maxReminders;
  return (
    <section className="section" aria-labelledby="notification-settings">
      <h2 id="notification-settings">{t('schedule.notifications.title')}</h2>
      {data.kinds.map((kind) => (
        <CheckboxField
          key={kind}
          id={`notify-${kind}`}
          label={t(`schedule.notifications.kinds.${kind}`)}
          checked={!data.disabled.includes(kind)}
          onChange={(e) =>
            void save(
              {
                reminderOffsets: data.reminderOffsets,
                disabled: e.target.checked
                  ? data.disabled.filter((k) => k !== kind)
                  : [...data.disabled, kind],
              },
              t('schedule.notifications.saved'),
            )
          }
        />
      ))}
      <h3 id="reminder-times">{t('settings.reminders.title')}</h3>
      <p className="field__hint">{t('settings.reminders.lead', { count: notifications.maxReminders })}</p>
      {offsets.length === 0 ? (
        <p>{t('settings.reminders.none')}</p>
      ) : (
        <ul className="reminder-list" aria-labelledby="reminder-times">
          {offsets.map((m) => (
            <li key={m} className="reminder-list__item">
              <span>{label(m)}</span>
              <Button
                variant="quiet"
                small
                busy={busy}
                aria-label={t('settings.reminders.removeOne', { when: label(m) })}
                onClick={() =>
                  void save(
                    { disabled: data.disabled, reminderOffsets: data.reminderOffsets.filter((o) => o !== m) },
                    t('settings.reminders.removed', { when: label(m) }),
                  )
                }
              >
                {t('settings.reminders.remove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {full || choice === null ? (
        <p className="field__hint">{t('settings.reminders.full')}</p>
      ) : (
        <form
          className="reminder-add"
          onSubmit={(e) => {
            e.preventDefault();
            void save(
              { disabled: data.disabled, reminderOffsets: [...data.reminderOffsets, choice] },
              t('settings.reminders.added', { when: label(choice) }),
            );
          }}
        >
          <SelectField
            id="reminder-add"
            label={t('settings.reminders.add')}
            value={String(choice)}
            onChange={(e) => setAdding(Number(e.target.value))}
            options={available.map((m) => ({ value: String(m), label: label(m) }))}
          />
          <Button type="submit" variant="secondary" small busy={busy}>
            {t('settings.reminders.addButton')}
          </Button>
        </form>
      )}
      <p role="status" className="form-status">
        {saved ?? ''}
      </p>
    </section>
  );
}
