import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { extendMinutes } from '../../../../domain/meeting/rule-kit.ts';
import { formatCountdown, remainingMs, type TimerState } from '../../../../domain/meeting/timer.ts';
import { Button } from '../../../ui/Button.tsx';
import type { Room } from './model.ts';

/** Re-renders every intervalMs while mounted (only the countdown ticks; the rest of the room does not). */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, active]);
  return now;
}

/** The moments worth saying out loud: a few minutes left, one minute left, time is up. */
const thresholds = [5 * 60_000, 60_000, 0];

/**
 * The shared countdown: the server owns the deadline; this shows it against the server's clock
 * (the local clock corrected by the measured offset). It runs into overtime, never moves the meeting on.
 */
export function Countdown({
  timer,
  clockOffsetMs,
  label,
}: {
  timer: TimerState;
  clockOffsetMs: number;
  label: string;
}) {
  const { t } = useTranslation();
  const now = useNow(1000, timer.status === 'running');
  const left = remainingMs(timer, now + clockOffsetMs);
  const [spoken, setSpoken] = useState('');
  const lastThreshold = useRef<{ key: string; crossed: number } | null>(null);

  // Announce each threshold once per countdown, when it is crossed (never every second).
  const durationMs = timer.status === 'idle' ? 0 : timer.durationMs;
  const key = timer.status === 'idle' ? 'idle' : `${timer.plannedMs}:${timer.durationMs}`;
  useEffect(() => {
    if (left === null || timer.status !== 'running') return;
    const crossed = thresholds.filter((ms) => left <= ms && durationMs > ms).length;
    const last = lastThreshold.current;
    if (!last || last.key !== key) {
      lastThreshold.current = { key, crossed };
      return;
    }
    if (crossed > last.crossed) {
      lastThreshold.current = { key, crossed };
      const at = thresholds[crossed - 1]!;
      setSpoken(
        at === 0
          ? t('meeting.timer.timeUp', { label })
          : t('meeting.timer.minutesLeft', { count: at / 60_000, label }),
      );
    }
  }, [left, key, timer.status, durationMs, label, t]);

  if (left === null || timer.status === 'idle') {
    return (
      <div className="countdown countdown--idle">
        <span className="countdown__time">–:––</span>
        <span className="countdown__label">{t('meeting.timer.none')}</span>
      </div>
    );
  }
  const over = left < 0;
  const fraction = timer.durationMs > 0 ? Math.min(1, Math.max(0, left / timer.durationMs)) : 0;
  const time = formatCountdown(Math.abs(left));
  return (
    <div
      className={`countdown${over ? ' countdown--over' : ''}${timer.status === 'paused' ? ' countdown--paused' : ''}`}
    >
      {/* One sentence for screen readers ("24:59 left for Opening"); the visible time and label, which
          would read "24:59 left left for Opening" one after the other, are hidden from them. */}
      <span className="visually-hidden">
        {timer.status === 'paused'
          ? t('meeting.timer.spokenPaused', { time, label })
          : over
            ? t('meeting.timer.spokenOver', { time, label })
            : t('meeting.timer.spokenLeft', { time, label })}
      </span>
      <span className="countdown__time" aria-hidden="true">
        {over ? `+${time}` : time}
      </span>
      <span className="countdown__label" aria-hidden="true">
        {timer.status === 'paused'
          ? t('meeting.timer.paused')
          : over
            ? t('meeting.timer.over', { label })
            : t('meeting.timer.leftFor', { label })}
      </span>
      <span className="countdown__bar" aria-hidden="true">
        <span style={{ width: `${over ? 100 : fraction * 100}%` }} />
      </span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {spoken}
      </span>
    </div>
  );
}

/** Pause, resume, extend and reset, for the chair and the facilitator. */
export function TimerControls({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state, can, send } = room;
  if (!room.controls || state.status !== 'live' || state.timer.status === 'idle') return null;
  const extendBy = Math.min(5, extendMinutes.max);
  return (
    <fieldset className="timer-controls">
      <legend className="visually-hidden">{t('meeting.timer.controls')}</legend>
      {state.timer.status === 'running' ? (
        <Button
          variant="secondary"
          small
          disabled={!can({ type: 'timer.pause' })}
          onClick={() => send({ type: 'timer.pause' })}
        >
          {t('meeting.timer.pause')}
        </Button>
      ) : (
        <Button
          variant="secondary"
          small
          disabled={!can({ type: 'timer.resume' })}
          onClick={() => send({ type: 'timer.resume' })}
        >
          {t('meeting.timer.resume')}
        </Button>
      )}
      <Button
        variant="secondary"
        small
        disabled={!can({ type: 'timer.extend', minutes: extendBy })}
        onClick={() => send({ type: 'timer.extend', minutes: extendBy })}
      >
        {t('meeting.timer.extend', { count: extendBy })}
      </Button>
      <Button
        variant="quiet"
        small
        disabled={!can({ type: 'timer.reset' })}
        onClick={() => send({ type: 'timer.reset' })}
      >
        {t('meeting.timer.reset')}
      </Button>
    </fieldset>
  );
}
