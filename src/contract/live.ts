/**
 * The live socket (GET /api/live): every message a browser sends and every message the server answers
 * with, described once. The gateway validates what comes in with these schemas; what goes out is
 * typed by them but not validated (the room pre-serialises each event once for all its sockets, and
 * that path stays as cheap as it is). The meeting's own rules (who may do what, text lengths, ranges)
 * stay in the domain, which answers with a refusal the room can put into words.
 */
import { z } from 'zod';
import { presenterSteps, stageKinds } from '../domain/meeting/agenda.ts';
import { refusalCodes } from '../domain/meeting/refusals.ts';
import { actionOutcomes, bidUrgencies } from '../domain/meeting/types.ts';
import { setModes, setRoles } from './enums.ts';

// ---- the meeting: commands, events, setup --------------------------------------------------------

/**
 * A command's fields are checked for their type here; their values (an index in range, a text not
 * too long, a person in the set) are the domain's rules. Fields a command does not name are dropped,
 * as `cleanCommand` drops them, so nothing unknown reaches the meeting's permanent log.
 */
const command = <T extends string>(type: T) => z.object({ type: z.literal(type) });

/** A field a client may leave out or clear. */
const maybeString = z.string().nullable().optional();

export const meetingCommand = z.discriminatedUnion('type', [
  command('presence.join'),
  command('presence.leave'),
  command('meeting.start'),
  command('meeting.end'),
  command('stage.goto').extend({ index: z.number() }),
  command('presenter.order').extend({ personIds: z.array(z.string()) }),
  command('presenter.goto').extend({ index: z.number(), step: z.enum(presenterSteps) }),
  command('presenter.end'),
  command('timer.pause'),
  command('timer.resume'),
  command('timer.extend').extend({ minutes: z.number() }),
  command('timer.reset'),
  command('chair.handover').extend({ toPersonId: z.string() }),
  command('chair.claim'),
  command('scribe.assign').extend({ personId: z.string().nullable() }),
  command('rules.show').extend({ shown: z.boolean() }),
  command('hand.raise'),
  command('hand.lower'),
  command('hand.clear').extend({ personId: z.string() }),
  command('checkin.say').extend({ text: z.string() }),
  command('checkout.say').extend({ text: z.string(), usefulness: z.number().nullable().optional() }),
  command('report.outcome').extend({
    actionId: z.string(),
    outcome: z.enum(actionOutcomes),
    learned: maybeString,
  }),
  command('bid.place').extend({
    minutes: z.number(),
    urgency: z.enum(bidUrgencies),
    reason: maybeString,
    problemId: z.string().nullable().optional(),
  }),
  command('bid.withdraw'),
  command('problem.choose').extend({ problemId: z.string() }),
  command('problem.new').extend({ title: z.string(), statement: z.string() }),
  command('problem.reframe').extend({ statement: z.string() }),
  command('question.add').extend({ text: z.string(), askedBy: z.string().nullable().optional() }),
  command('question.edit').extend({ questionId: z.string(), text: z.string() }),
  command('question.remove').extend({ questionId: z.string() }),
  command('question.mark').extend({ questionId: z.string(), struckHome: z.boolean() }),
  command('action.add').extend({ text: z.string(), dueOn: maybeString }),
  command('action.edit').extend({ actionId: z.string(), text: z.string(), dueOn: maybeString }),
  command('action.remove').extend({ actionId: z.string() }),
  command('feedback.give').extend({ text: z.string() }),
  command('review.note').extend({ text: z.string() }),
  command('review.remove').extend({ noteId: z.string() }),
]);

/** One entry of a meeting's log, as the server sends it. */
export const meetingEvent = z.strictObject({
  seq: z.number().int(),
  /** Server time, ISO 8601. */
  at: z.string(),
  actorId: z.string(),
  command: meetingCommand,
  /** Ids the server assigned to what the command creates. */
  ids: z.record(z.string(), z.string()).optional(),
});

/** What the room knows before it starts: the set, its people, the agenda, the open work. */
export const meetingSetup = z.strictObject({
  meetingId: z.string(),
  setId: z.string(),
  mode: z.enum(setModes),
  facilitatorIds: z.array(z.string()),
  participants: z.array(z.strictObject({ personId: z.string(), name: z.string(), role: z.enum(setRoles) })),
  agenda: z.array(
    z.strictObject({
      key: z.enum(stageKinds),
      title: z.string(),
      minutes: z.number(),
      optional: z.boolean(),
    }),
  ),
  presenterCycle: z.array(
    z.strictObject({ key: z.enum(presenterSteps), title: z.string(), minutes: z.number() }),
  ),
  groundRules: z.array(z.string()),
  openActions: z.array(
    z.strictObject({
      actionId: z.string(),
      ownerId: z.string(),
      text: z.string(),
      dueOn: z.string().nullable(),
    }),
  ),
  problems: z.array(
    z.strictObject({ problemId: z.string(), ownerId: z.string(), title: z.string(), statement: z.string() }),
  ),
  chairId: z.string().nullable().optional(),
});

// ---- what a browser sends ------------------------------------------------------------------------

export const joinMessage = z.strictObject({
  t: z.literal('join'),
  meetingId: z.uuid(),
  /** The last event the client has: the snapshot brings everything after it. */
  afterSeq: z.number().int().min(0),
});

export const leaveMessage = z.strictObject({ t: z.literal('leave'), meetingId: z.uuid() });

/** `id` is the client's own id for the command, so a resend after a dropped connection applies once. */
export const commandMessage = z.strictObject({
  t: z.literal('cmd'),
  meetingId: z.uuid(),
  // Kept with the event to apply a resend once: no control characters, which PostgreSQL may not store.
  id: z
    .string()
    .min(1)
    .max(100)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]+$/),
  command: meetingCommand,
});

/** `c`: the client's clock when sent, returned in the pong to measure the clock offset. */
export const pingMessage = z.strictObject({ t: z.literal('ping'), c: z.number() });

export const clientMessage = z.discriminatedUnion('t', [
  joinMessage,
  leaveMessage,
  commandMessage,
  pingMessage,
]);
export type ClientMessage = z.infer<typeof clientMessage>;

/**
 * A command message whose command is not one the room knows, or not in its shape: answered with a
 * refusal for its id (so the client stops resending it) rather than as a message not understood.
 */
export const commandEnvelope = commandMessage.extend({ command: z.unknown() });

// ---- what the server sends -----------------------------------------------------------------------

export const welcomeMessage = z.strictObject({
  t: z.literal('welcome'),
  personId: z.string(),
  serverTime: z.string(),
});

/** The setup and the events after the client's `afterSeq` (the whole log when it starts from 0). */
export const snapshotMessage = z.strictObject({
  t: z.literal('snapshot'),
  meetingId: z.string(),
  setup: meetingSetup,
  events: z.array(meetingEvent),
  serverTime: z.string(),
});

export const eventMessage = z.strictObject({
  t: z.literal('event'),
  meetingId: z.string(),
  event: meetingEvent,
});

export const ackMessage = z.strictObject({ t: z.literal('ack'), id: z.string(), seq: z.number().int() });

/** A refused command: its code and values for clients that translate, and the sentence in English. */
export const nackMessage = z.strictObject({
  t: z.literal('nack'),
  id: z.string(),
  code: z.enum(refusalCodes),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  reason: z.string(),
});

export const liveErrorCodes = [
  'bad-message',
  'not-found',
  'unauthenticated',
  'rate-limited',
  'programme-closed',
] as const;
export type LiveErrorCode = (typeof liveErrorCodes)[number];

export const errorMessage = z.strictObject({
  t: z.literal('error'),
  code: z.enum(liveErrorCodes),
  detail: z.string(),
  meetingId: z.string().optional(),
});

/** `c`: the ping's client time returned; `s`: the server's time in epoch ms. */
export const pongMessage = z.strictObject({ t: z.literal('pong'), c: z.number(), s: z.number() });

export const serverMessage = z.discriminatedUnion('t', [
  welcomeMessage,
  snapshotMessage,
  eventMessage,
  ackMessage,
  nackMessage,
  errorMessage,
  pongMessage,
]);
export type ServerMessage = z.infer<typeof serverMessage>;
