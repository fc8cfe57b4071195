import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProgrammeEvent } from '../../../contract/programme-events.ts';
import * as events from '../../../contract/programme-events.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useTimeFormat } from '../../app/time.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';

/** Move form and cancel button, for those who run the programme's polls. */
function Manage({ event, onChange }: { event: ProgrammeEvent; onChange: () => void }) {
  const { t } = useTranslation();
  const [localStart, setLocalStart] = useState(event.localStart);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await change();
      onChange();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const inputId = `event-start-${event.id}`;
  return (
    <>
      <form
        className="event-manage"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() =>
            call(events.changeProgrammeEvent, { params: { id: event.id }, body: { localStart } }),
          );
        }}
      >
        <TextField
          id={inputId}
          type="datetime-local"
          label={t('schedule.events.newTime', { zone: event.timeZone })}
          value={localStart}
          onChange={(e) => setLocalStart(e.target.value)}
        />
        <Button type="submit" variant="secondary" small busy={busy}>
          {t('schedule.events.move')}
        </Button>
        <Button
          variant="danger"
          small
          busy={busy}
          onClick={() => void run(() => call(events.cancelProgrammeEvent, { params: { id: event.id } }))}
        >
          {t('schedule.events.cancel', { title: event.title })}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="callout callout--danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** One programme event: its time in the viewer's zone (and its own), place, link and .ics. */
export function ProgrammeEventItem({
  event,
  onChange,
  level = 3,
}: {
  event: ProgrammeEvent;
  timeZone: string;
  onChange: () => void;
  /** The heading level of the event's title, one below the list's own heading. */
  level?: 3 | 4;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const Heading = level === 4 ? 'h4' : 'h3';
  return (
    <li className="card" data-event={event.id}>
      <Heading>
        {event.workshopId ? (
          <Link to={`/workshops/${event.workshopId}`}>
            {t('schedule.events.eventTitle', { title: event.title, programme: event.programmeName })}
          </Link>
        ) : (
          t('schedule.events.eventTitle', { title: event.title, programme: event.programmeName })
        )}{' '}
        {event.status === 'cancelled' ? <Badge tone="danger">{t('schedule.status.cancelled')}</Badge> : null}
      </Heading>
      <p className="meeting-time">{time.whenText(event)}</p>
      {event.place ? <p>{t('schedule.upcoming.place', { place: event.place })}</p> : null}
      {event.videoUrl ? (
        <p>
          <a href={event.videoUrl}>{t('schedule.events.online')}</a>
        </p>
      ) : null}
      <p>
        <a
          href={
            event.workshopId
              ? `/api/workshops/${event.workshopId}/calendar.ics`
              : `/api/programme-events/${event.id}/calendar.ics`
          }
          download
        >
          {t('schedule.upcoming.download')}
        </a>
      </p>
      {event.abilities.manage ? <Manage event={event} onChange={onChange} /> : null}
    </li>
  );
}
