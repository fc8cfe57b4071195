/**
 * One client process of the live benchmark: holds the 8 sockets of each of its meetings, speaks the raw
 * live protocol (no LiveConnection reducer, to keep this side cheap), sends the load and times delivery.
 * All 8 sockets of a meeting live in the same process, so "every client has it" is timed on one clock.
 * Driven over IPC by bench/live.ts (see protocol.ts).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { ClientMessage } from '../../src/contract/live.ts';
import type { MeetingCommand } from '../../src/domain/meeting/types.ts';
import type { FromClient, LoadResult, MeetingSpec, SocketSpec, ToClient } from './protocol.ts';

const send = (message: FromClient) => process.send!(message);

interface Phase {
  name: string;
  start: number;
  end: number;
  sent: number;
  acked: number;
  nacked: number;
  nackReasons: Set<string>;
  completed: number;
  completedInWindow: number;
  latencies: number[];
}

interface Pending {
  at: number;
  meeting: Meeting;
  phase: Phase | null;
  settle?: (outcome: { ok: boolean; reason?: string }) => void;
}

interface Meeting {
  spec: MeetingSpec;
  sockets: (WebSocket | undefined)[];
  /** Sockets joined (snapshot received): an event is delivered once this many have it. */
  joined: number;
  /** seq -> how many sockets have the event so far. */
  counts: Map<number, number>;
  /** seq -> when the last socket got it, until matched with its send. */
  fullAt: Map<number, number>;
  /** seq -> the send, once the ack told us its seq, until delivered to all. */
  sentBySeq: Map<number, Pending>;
  commands: number;
  step: 'clarifying' | 'questioning';
  /** Set up and fully joined: only these take load. */
  active: boolean;
  /** Per socket (by k): the last seq it has, from its snapshot on; -1 until it joined. */
  lastSeq: number[];
  /** The highest seq any socket of the meeting (or an ack) has seen. */
  maxSeq: number;
}

let meetings: Meeting[] = [];
const pending = new Map<string, Pending>();
let nextId = 0;
let dropped = 0;
/** Exactly-once-in-order bookkeeping, per load phase (see LoadResult). */
const order = { lost: 0, duplicated: 0, outOfOrder: 0 };

function checkOrder(meeting: Meeting, k: number, seq: number) {
  const last = meeting.lastSeq[k]!;
  if (last < 0) return;
  if (seq === last + 1) meeting.lastSeq[k] = seq;
  else if (seq <= last) {
    // Seen before or older than what the socket has: a duplicate if it was seen, else out of order.
    order.duplicated++;
  } else {
    order.lost += seq - last - 1;
    order.outOfOrder++;
    meeting.lastSeq[k] = seq;
  }
  if (seq > meeting.maxSeq) meeting.maxSeq = seq;
}
/** Sockets this process closed itself: their close is no drop, however late it comes. */
const closedByUs = new WeakSet<WebSocket>();

function complete(p: Pending, fullAt: number) {
  const phase = p.phase;
  if (!phase) return;
  phase.completed++;
  if (fullAt <= phase.end) phase.completedInWindow++;
  phase.latencies.push(fullAt - p.at);
}

function onEvent(meeting: Meeting, seq: number, now: number) {
  const count = (meeting.counts.get(seq) ?? 0) + 1;
  if (count < meeting.joined) {
    meeting.counts.set(seq, count);
    return;
  }
  meeting.counts.delete(seq);
  const sent = meeting.sentBySeq.get(seq);
  if (sent) {
    meeting.sentBySeq.delete(seq);
    complete(sent, now);
  } else meeting.fullAt.set(seq, now);
}

function onAck(id: string, seq: number) {
  const p = pending.get(id);
  if (!p) return;
  if (seq > p.meeting.maxSeq) p.meeting.maxSeq = seq;
  pending.delete(id);
  if (p.phase) p.phase.acked++;
  p.settle?.({ ok: true });
  const full = p.meeting.fullAt.get(seq);
  if (full !== undefined) {
    p.meeting.fullAt.delete(seq);
    complete(p, full);
  } else p.meeting.sentBySeq.set(seq, p);
}

function onNack(id: string, reason: string) {
  const p = pending.get(id);
  if (!p) return;
  pending.delete(id);
  if (p.phase) {
    p.phase.nacked++;
    if (p.phase.nackReasons.size < 5) p.phase.nackReasons.add(reason);
  }
  p.settle?.({ ok: false, reason });
}

function sendCommand(
  meeting: Meeting,
  k: number,
  command: MeetingCommand,
  phase: Phase | null,
  settle?: Pending['settle'],
) {
  const socket = meeting.sockets[k];
  const id = `c${nextId++}`;
  const at = performance.now();
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    settle?.({ ok: false, reason: 'socket not open' });
    return;
  }
  pending.set(id, { at, meeting, phase, ...(settle ? { settle } : {}) });
  socket.send(
    JSON.stringify({ t: 'cmd', meetingId: meeting.spec.meetingId, id, command } satisfies ClientMessage),
  );
}

function handleMessage(meeting: Meeting, k: number, data: Buffer, markJoined: () => void) {
  const text = data.toString();
  // Events are the bulk of the traffic: find their seq without parsing the whole message.
  if (text.startsWith('{"t":"event"')) {
    const i = text.indexOf('"seq":');
    const seq = Number.parseInt(text.slice(i + 6, i + 22), 10);
    checkOrder(meeting, k, seq);
    onEvent(meeting, seq, performance.now());
    return;
  }
  const message = JSON.parse(text) as {
    t: string;
    id?: string;
    seq?: number;
    reason?: string;
    code?: string;
    events?: { seq: number }[];
  };
  if (message.t === 'snapshot') {
    // A later snapshot (a start taken on another node is replayed whole) replaces what the socket had,
    // as it does in the web client: the events in it have arrived.
    const seq = message.events?.at(-1)?.seq ?? 0;
    if (seq > meeting.lastSeq[k]!) meeting.lastSeq[k] = seq;
    if (seq > meeting.maxSeq) meeting.maxSeq = seq;
  }
  if (message.t === 'ack') onAck(message.id!, message.seq!);
  else if (message.t === 'nack') onNack(message.id!, message.reason ?? '');
  else if (message.t === 'snapshot') markJoined();
  else if (message.t === 'error') {
    // Errors carry no command id: the only way they happen here is rate limiting or a refused join.
    process.stderr.write(`client ${process.pid}: server error ${text.slice(0, 200)}\n`);
  }
}

async function connect(msg: Extract<ToClient, { type: 'connect' }>) {
  const t0 = performance.now();
  meetings = msg.meetings.map((spec) => ({
    spec,
    sockets: [],
    joined: 0,
    counts: new Map(),
    fullAt: new Map(),
    sentBySeq: new Map(),
    commands: 0,
    step: 'clarifying',
    active: false,
    lastSeq: spec.people.map(() => -1),
    maxSeq: 0,
  }));
  let joined = 0;
  let failed = 0;
  let opened = 0;
  let inFlight = 0;
  const errors: string[] = [];
  const wsUrl = `${msg.url.replace(/^http/, 'ws')}/api/live`;
  const fail = (error: string) => {
    failed++;
    inFlight--;
    if (errors.length < 5) errors.push(error);
  };
  type Stage = 'opening' | 'joined' | 'failed';
  const open = (spec: SocketSpec) => {
    const meeting = meetings[spec.m]!;
    const base = spec.url ? `${spec.url.replace(/^http/, 'ws')}/api/live` : wsUrl;
    const url = spec.cookie ? base : `${base}?p=${spec.personId}`;
    const socket = new WebSocket(url, {
      headers: { origin: msg.origin, ...(spec.cookie ? { cookie: spec.cookie } : {}) },
      perMessageDeflate: false,
      localAddress: spec.localAddress,
      handshakeTimeout: 60_000,
    });
    meeting.sockets[spec.k] = socket;
    let stage: Stage = 'opening';
    inFlight++;
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ t: 'join', meetingId: spec.meetingId, afterSeq: 0 } satisfies ClientMessage),
      ),
    );
    socket.on('message', (data: Buffer) =>
      handleMessage(meeting, spec.k, data, () => {
        if (stage !== 'opening') return;
        stage = 'joined';
        meeting.joined++;
        joined++;
        inFlight--;
      }),
    );
    const failWith = (error: string) => {
      if (stage !== 'opening') return;
      stage = 'failed';
      fail(error);
    };
    socket.on('unexpected-response', (req, res) => {
      failWith(`HTTP ${res.statusCode} on upgrade`);
      req.destroy();
    });
    socket.on('error', (error) => failWith(String(error.message)));
    socket.on('close', (code, reason) => {
      failWith(`closed ${code} ${reason} before joining`);
      if (stage === 'joined' && !closedByUs.has(socket)) {
        dropped++;
        if (dropped <= 5) process.stderr.write(`client ${process.pid}: socket closed ${code} ${reason}\n`);
      }
    });
  };
  const total = msg.sockets.length;
  const progress = setInterval(() => send({ type: 'progress', joined, failed }), 500);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * msg.joinRatePerSec) + 1);
      // A bounded number of joins at once, so a slow server is queued for, not piled on.
      while (opened < due && inFlight < msg.maxInFlight) open(msg.sockets[opened++]!);
      if (joined + failed >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  clearInterval(progress);
  send({ type: 'connected', joined, failed, errors, ms: Math.round(performance.now() - t0) });
}

async function setup(msg: Extract<ToClient, { type: 'setup' }>) {
  const t0 = performance.now();
  let ok = 0;
  let failed = 0;
  const reasons = new Set<string>();
  const run = (meeting: Meeting, command: MeetingCommand) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 60_000);
      sendCommand(meeting, 0, command, null, (outcome) => {
        clearTimeout(timer);
        if (!outcome.ok && reasons.size < 5) reasons.add(outcome.reason ?? '');
        resolve(outcome.ok);
      });
    });
  let next = 0;
  const worker = async () => {
    while (next < meetings.length) {
      const meeting = meetings[next++]!;
      const steps: MeetingCommand[] = [
        { type: 'meeting.start' },
        { type: 'stage.goto', index: msg.presentationsIndex },
        { type: 'presenter.order', personIds: [meeting.spec.people[1]!] },
        { type: 'presenter.goto', index: 0, step: 'clarifying' },
      ];
      let all = meeting.joined === meeting.spec.people.length;
      if (all) for (const step of steps) if (!(await run(meeting, step))) all = false;
      meeting.step = 'clarifying';
      meeting.active = all;
      if (all) ok++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: msg.concurrency }, worker));
  send({ type: 'setupDone', ok, failed, reasons: [...reasons], ms: Math.round(performance.now() - t0) });
}

const questionText = (n: number) =>
  `Question ${n} for the presenter: what have you tried so far, and what happened when you did?`;

/**
 * Alternates the chair moving the presenter's step (clarifying <-> open questioning) with a member
 * adding a question, so every command is one the room accepts.
 */
function sendOne(meeting: Meeting, phase: Phase) {
  const n = meeting.commands++;
  if (n % 2 === 0) {
    meeting.step = meeting.step === 'clarifying' ? 'questioning' : 'clarifying';
    sendCommand(meeting, 0, { type: 'presenter.goto', index: 0, step: meeting.step }, phase);
  } else {
    const asker = 2 + (Math.floor(n / 2) % 6);
    sendCommand(meeting, asker, { type: 'question.add', text: questionText(n) }, phase);
  }
  phase.sent++;
}

async function load(msg: Extract<ToClient, { type: 'load' }>) {
  for (const m of meetings) {
    m.counts.clear();
    m.fullAt.clear();
    m.sentBySeq.clear();
  }
  const active = meetings.filter((m) => m.active);
  order.lost = 0;
  order.duplicated = 0;
  order.outOfOrder = 0;
  const start = performance.now();
  const phase: Phase = {
    name: msg.phase,
    start,
    end: start + msg.durationMs,
    sent: 0,
    acked: 0,
    nacked: 0,
    nackReasons: new Set(),
    completed: 0,
    completedInWindow: 0,
    latencies: [],
  };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const perMs = (msg.perMeetingPerSec * active.length) / 1000;
  const offered = Math.floor(msg.durationMs * perMs);
  let cursor = 0;
  let maxSendLagMs = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      // (start + d) - start need not be d in floating point: at the end, everything is due.
      const due = now >= phase.end ? offered : Math.min(offered, Math.floor((now - start) * perMs));
      if (due > phase.sent) maxSendLagMs = Math.max(maxSendLagMs, now - (start + (phase.sent + 1) / perMs));
      while (phase.sent < due && active.length) {
        sendOne(active[cursor]!, phase);
        cursor = (cursor + 1) % active.length;
      }
      if (now >= phase.end && phase.sent >= offered) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  delay.disable();
  const drainUntil = performance.now() + msg.drainMs;
  while (phase.completed + phase.nacked < phase.sent && performance.now() < drainUntil) {
    await new Promise((r) => setTimeout(r, 20));
  }
  // Whatever a joined socket still lacks after the drain (behind the meeting's last seq) is lost.
  let missing = 0;
  for (const m of active) {
    for (const last of m.lastSeq) if (last >= 0 && last < m.maxSeq) missing += m.maxSeq - last;
  }
  const result: LoadResult = {
    phase: msg.phase,
    windowMs: msg.durationMs,
    offered,
    sent: phase.sent,
    acked: phase.acked,
    nacked: phase.nacked,
    nackReasons: [...phase.nackReasons],
    completed: phase.completed,
    completedInWindow: phase.completedInWindow,
    latencies: phase.latencies,
    maxSendLagMs: Math.round(maxSendLagMs),
    loopDelayP99Ms: Math.round(delay.percentile(99) / 1e6),
    dropped,
    lost: order.lost + missing,
    duplicated: order.duplicated,
    outOfOrder: order.outOfOrder,
  };
  // Whatever is still on its way belongs to no phase any more.
  for (const p of pending.values()) p.phase = null;
  send({ type: 'loadDone', ...result });
}

async function closeAll() {
  const sockets = meetings.flatMap((m) => m.sockets).filter((s): s is WebSocket => s !== undefined);
  await Promise.all(
    sockets.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            s.terminate();
            resolve();
          }, 5000);
          s.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          closedByUs.add(s);
          s.close();
        }),
    ),
  );
  meetings = [];
  pending.clear();
  dropped = 0;
  send({ type: 'closed' });
}

process.on('message', (msg: ToClient) => {
  const run =
    msg.type === 'connect'
      ? connect(msg)
      : msg.type === 'setup'
        ? setup(msg)
        : msg.type === 'load'
          ? load(msg)
          : closeAll();
  run.catch((error) => {
    process.stderr.write(`client ${process.pid} failed: ${(error as Error).stack}\n`);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
