/**
 * What an operator watches, in Prometheus's text format at /metrics: request latency, live sockets,
 * how long the live event log takes to make an event durable (and how many wait), the mail outbox's
 * depth, and the process's own figures. One registry per app context, so test apps do not share one.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { EventLog } from './live/event-log.ts';

export interface Metrics {
  registry: Registry;
  requestSeconds: Histogram<'method' | 'route' | 'status'>;
  eventAppendSeconds: Histogram;
  eventAppendsWaiting: Gauge;
  viewerCacheAnswers: Counter<'result'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'revans_' });
  return {
    registry,
    requestSeconds: new Histogram({
      name: 'revans_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    eventAppendSeconds: new Histogram({
      name: 'revans_live_event_append_seconds',
      help: 'Event-log lag: from a live event being accepted to it being durable in the log',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    eventAppendsWaiting: new Gauge({
      name: 'revans_live_event_appends_waiting',
      help: 'Live events accepted but not yet durable in the log',
      registers: [registry],
    }),
    viewerCacheAnswers: new Counter({
      name: 'revans_viewer_cache_answers_total',
      help: 'SQLite: the busiest signed-in reads answered from memory (hit) or worked out (miss)',
      labelNames: ['result'],
      registers: [registry],
    }),
  };
}

/** The same log, timed: every append is observed from its call to its outcome. */
export function timedEventLog(log: EventLog, metrics: Metrics): EventLog {
  return {
    async append(writes) {
      const end = metrics.eventAppendSeconds.startTimer();
      metrics.eventAppendsWaiting.inc();
      try {
        return await log.append(writes);
      } finally {
        metrics.eventAppendsWaiting.dec();
        end();
      }
    },
  };
}
