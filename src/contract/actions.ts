/** The actions members commit to (usually in a meeting), and how each went. */
import { z } from 'zod';
import { actionOutcomes } from '../domain/meeting/types.ts';
import { actionActions } from './enums.ts';
import { abilities, id, idParams, isoDate, longText, out } from './fields.ts';
import { route } from './route.ts';

const tags = ['actions'];

/** An action is open until its owner reports how it went, in the words the room's report-back uses. */
export const actionStatuses = ['open', ...actionOutcomes] as const;
export type ActionStatus = (typeof actionStatuses)[number];
const status = z.enum(actionStatuses);

/** What the owner will do, in a sentence or a short paragraph. */
export const actionText = z.string().trim().min(1).max(2000);

const ref = z.object({ id: out.id, name: z.string() });

export const actionItem = z.object({
  id: out.id,
  text: z.string(),
  dueOn: out.date.nullable(),
  status,
  /** What the owner learned from doing it (or not). */
  outcomeNote: z.string(),
  owner: ref,
  set: ref,
  programme: ref,
  problemId: out.id.nullable(),
  /** The meeting it was agreed in, if any. */
  meetingId: out.id.nullable(),
  /** The meeting whose report-back recorded how it went, if any. */
  reportedInMeetingId: out.id.nullable(),
  createdAt: out.instant,
  abilities: abilities(actionActions),
});
export type ActionItem = z.infer<typeof actionItem>;

export const listSetActions = route({
  method: 'GET',
  path: '/api/sets/:id/actions',
  tags,
  summary: "The actions the set's members committed to (set only)",
  params: idParams,
  query: z.strictObject({ status: status.optional() }),
  response: z.array(actionItem),
});

export const listMyActions = route({
  method: 'GET',
  path: '/api/me/actions',
  tags,
  summary: 'Your actions in every set and programme, newest first',
  response: z.array(actionItem),
});

export const createAction = route({
  method: 'POST',
  path: '/api/sets/:id/actions',
  tags,
  summary: 'Commit to an action outside a meeting (actions are usually agreed in the meeting itself)',
  params: idParams,
  body: z.strictObject({
    text: actionText,
    dueOn: isoDate.nullable().default(null),
    problemId: id.nullable().default(null),
  }),
  status: 201,
  response: actionItem,
});

export const getAction = route({
  method: 'GET',
  path: '/api/actions/:id',
  tags,
  summary: 'One action',
  params: idParams,
  response: actionItem,
});

export const updateAction = route({
  method: 'PATCH',
  path: '/api/actions/:id',
  tags,
  summary:
    'Change your action, or record how it went (done / partly / not done / dropped) and what you learned',
  params: idParams,
  body: z.strictObject({
    text: actionText.optional(),
    dueOn: isoDate.nullable().optional(),
    status: status.optional(),
    outcomeNote: longText.optional(),
  }),
  response: actionItem,
});
