import { describe, expect, it } from 'vitest';
import {
  airtimeMs,
  bestClockOffset,
  clockOffset,
  extendTimer,
  formatCountdown,
  pauseTimer,
  remainingMs,
  resetTimer,
  resumeTimer,
  serverNow,
  startTimer,
} from './timer.ts';

const minute = 60_000;
const t0 = Date.parse('2025-03-04T09:00:00.000Z');

describe('the countdown, from server times', () => {
  it('counts down to a deadline, and into overtime without stopping', () => {
    const timer = startTimer(10, t0);
    expect(remainingMs(timer, t0)).toBe(10 * minute);
    expect(remainingMs(timer, t0 + 4 * minute)).toBe(6 * minute);
    expect(remainingMs(timer, t0 + 12 * minute)).toBe(-2 * minute);
  });

  it('holds still while paused and picks up where it was on resume', () => {
    const paused = pauseTimer(startTimer(10, t0), t0 + 3 * minute);
    expect(remainingMs(paused, t0 + 30 * minute)).toBe(7 * minute);
    const resumed = resumeTimer(paused, t0 + 30 * minute);
    expect(remainingMs(resumed, t0 + 31 * minute)).toBe(6 * minute);
  });

  it('extends what is left, running or paused, even in overtime', () => {
    const running = extendTimer(startTimer(10, t0), 5);
    expect(remainingMs(running, t0 + 12 * minute)).toBe(3 * minute);
    expect(running).toMatchObject({ plannedMs: 10 * minute, durationMs: 15 * minute });
    const over = extendTimer(pauseTimer(startTimer(10, t0), t0 + 13 * minute), 5);
    expect(remainingMs(over, t0 + 40 * minute)).toBe(2 * minute);
  });

  it('resets to the planned time, dropping extensions, and stays paused if it was', () => {
    const extended = extendTimer(startTimer(10, t0), 5);
    expect(remainingMs(resetTimer(extended, t0 + 8 * minute), t0 + 8 * minute)).toBe(10 * minute);
    const paused = resetTimer(pauseTimer(extended, t0 + 8 * minute), t0 + 9 * minute);
    expect(paused).toMatchObject({ status: 'paused', remainingMs: 10 * minute, durationMs: 10 * minute });
  });

  it('shows nothing when no countdown runs', () => {
    expect(remainingMs({ status: 'idle' }, t0)).toBeNull();
  });

  it('formats what is left the way a countdown reads', () => {
    expect(formatCountdown(4 * minute + 5_000)).toBe('4:05');
    expect(formatCountdown(4 * minute + 4_001)).toBe('4:05');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-90_000)).toBe('-1:30');
  });
});

describe('clients with skewed clocks', () => {
  /** A client whose clock runs `skew` ms ahead of the server's, on a link with `latency` ms each way. */
  function client(skew: number, latency: number) {
    const sentAt = t0 + 2 * minute; // server time when it sent the state
    const receivedAt = sentAt + latency + skew; // client clock on arrival
    return { offset: clockOffset(sentAt, receivedAt, 2 * latency), receivedAt };
  }

  it.each([
    ['five minutes fast', 5 * minute, 40],
    ['three minutes slow', -3 * minute, 120],
    ['in sync on a slow link', 0, 900],
  ])('shows the same time left on a client %s', (_, skew, latency) => {
    const timer = startTimer(10, t0);
    const { offset, receivedAt } = client(skew, latency);
    const laterOnClient = receivedAt + minute;
    const trueServerNow = t0 + 2 * minute + latency + minute;
    expect(serverNow(laterOnClient, offset)).toBe(trueServerNow);
    expect(remainingMs(timer, serverNow(laterOnClient, offset))).toBe(7 * minute - latency);
  });

  it('trusts the sample with the shortest round trip most', () => {
    const samples = [
      { serverSentAtMs: 1_000, clientReceivedAtMs: 61_000 + 400, roundTripMs: 2_000 },
      { serverSentAtMs: 5_000, clientReceivedAtMs: 65_000 + 20, roundTripMs: 40 },
    ];
    expect(bestClockOffset(samples)).toBe(-60_000);
    expect(bestClockOffset([])).toBe(0);
  });

  it('counts airtime up to now while the presenter holds the floor', () => {
    expect(airtimeMs({ airtimeMs: 5 * minute, floorSinceMs: t0 }, t0 + 2 * minute)).toBe(7 * minute);
    expect(airtimeMs({ airtimeMs: 5 * minute, floorSinceMs: null }, t0 + 2 * minute)).toBe(5 * minute);
  });
});
