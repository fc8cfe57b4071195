import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as calendar from '../../../contract/calendar.ts';
import * as notifications from '../../../contract/notifications.ts';
import type { BodyInput } from '../../../contract/route.ts';
import { call, useRoute } from '../../api/call.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField, TextField } from '../../ui/Field.tsx';

/** The private calendar feed: create, replace or turn off; the address is shown once, when created. */
export function CalendarFeed() {
  const { t } = useTranslation();
  const status = useRoute(calendar.getCalendarFeed, {});
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
        />
      ) : active ? (
        <p>{t('schedule.feed.active')}</p>
      ) : null}
      <div className="button-row">
        <Button variant="secondary" busy={busy} onClick={() => void create()}>
          {active ? t('schedule.feed.regenerate') : t('schedule.feed.create')}
        </Button>
        {active ? (
          <Button variant="quiet" busy={busy} onClick={() => void revoke()}>
            {t('schedule.feed.revoke')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** Which emails I receive and when reminders come. */
export function NotificationSettings() {
  const { t } = useTranslation();
  const prefs = useRoute(notifications.getNotificationPreferences, {});
  const [saved, setSaved] = useState(false);
  if (!prefs.data) return null;
  const data = prefs.data;
  const save = async (next: BodyInput<typeof notifications.setNotificationPreferences>) => {
    prefs.setData(await call(notifications.setNotificationPreferences, { body: next }));
    setSaved(true);
  };
  const hours = data.reminderOffsets.map((m) => String(m / 60)).join(', ');
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
            void save({
              reminderOffsets: data.reminderOffsets,
              disabled: e.target.checked ? data.disabled.filter((k) => k !== kind) : [...data.disabled, kind],
            })
          }
        />
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const raw = String(new FormData(e.currentTarget).get('offsets') ?? '');
          const offsets = raw
            .split(',')
            .map((s) => Math.round(Number(s.trim()) * 60))
            .filter((n) => Number.isFinite(n) && n >= notifications.reminderOffset.min);
          void save({ disabled: data.disabled, reminderOffsets: offsets });
        }}
      >
        <TextField
          id="reminder-offsets"
          name="offsets"
          label={t('schedule.notifications.offsets')}
          hint={t('schedule.notifications.offsetsHint')}
          defaultValue={hours}
        />
        <Button type="submit" variant="secondary" small>
          {t('schedule.notifications.save')}
        </Button>
      </form>
      {saved ? <p role="status">{t('schedule.notifications.saved')}</p> : null}
    </section>
  );
}
