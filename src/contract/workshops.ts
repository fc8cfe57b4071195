/**
 * Workshops: plenary sessions where everyone in a programme meets around the themes its sets shared.
 * Dated directly or by a programme-wide poll; RSVPs, attendance, notes and materials, and each
 * participant's own (private) actions from it.
 */
import { z } from 'zod';
import { actionsByResource } from '../domain/access.ts';
import {
  abilities,
  durationMinutes,
  id,
  idParams,
  isoDate,
  localDateTime,
  name,
  out,
  shortText,
  timeZone,
  videoUrl,
} from './fields.ts';
import { maxPollOptions } from './polls.ts';
import { programmeEvent } from './programme-events.ts';
import { route } from './route.ts';

const tags = ['workshops'];

export const workshopRsvpAnswers = ['coming', 'notComing', 'maybe'] as const;
export type WorkshopRsvpAnswer = (typeof workshopRsvpAnswers)[number];

export const workshopActionStatuses = ['open', 'done', 'dropped'] as const;
export type WorkshopActionStatus = (typeof workshopActionStatuses)[number];

/**
 * Where a workshop stands: waiting for its poll, planned (dated, still to come), held (it has begun),
 * or cancelled.
 */
export const workshopStates = ['awaitingPoll', 'planned', 'held', 'cancelled'] as const;
export type WorkshopState = (typeof workshopStates)[number];

export const workshopActions = [...actionsByResource.workshop] as const;

/** The agenda, the notes: Markdown. */
export const markdown = z.string().trim().max(20_000);
export const workshopCapacity = z.number().int().min(1).max(10_000);
export const materialUrl = z.url({ protocol: /^https?$/ }).max(1000);

const ref = z.object({ id: out.id, name: z.string() });

export const workshop = z.object({
  id: out.id,
  programmeId: out.id,
  programmeName: z.string(),
  title: z.string(),
  agenda: z.string(),
  state: z.enum(workshopStates),
  /** Its calendar entry once dated (times in its zone and the viewer's). */
  event: programmeEvent.nullable(),
  /** The programme-wide poll that dates (or dated) it. */
  pollId: out.id.nullable(),
  timeZone: out.timeZone,
  durationMinutes: z.number().int(),
  place: z.string(),
  videoUrl: z.string(),
  /** The programme's themes it takes up, in its order. */
  themes: z.array(ref),
  facilitator: ref.nullable(),
  capacity: z.number().int().nullable(),
  counts: z.object({ coming: z.number().int(), notComing: z.number().int(), maybe: z.number().int() }),
  /** Seats left, when it has a capacity. */
  seatsLeft: z.number().int().nullable(),
  myRsvp: z.enum(workshopRsvpAnswers).nullable(),
  /** Who answered, by name: for those who run the programme and the workshop's facilitator only. */
  rsvps: z.array(z.object({ person: ref, answer: z.enum(workshopRsvpAnswers) })).nullable(),
  /** How many came, once attendance is recorded. */
  attendedCount: z.number().int().nullable(),
  /** Everyone expected (the programme's participants) and whether each came: for those who record it. */
  attendance: z.array(z.object({ person: ref, present: z.boolean().nullable() })).nullable(),
  attendanceRecordedAt: out.instant.nullable(),
  notes: z.string(),
  notesUpdatedAt: out.instant.nullable(),
  materials: z.array(z.object({ id: out.id, title: z.string(), url: z.string() })),
  abilities: abilities(workshopActions),
});
export type Workshop = z.infer<typeof workshop>;

const editable = {
  title: name,
  agenda: markdown,
  /** Themes of the programme (concern themes) it takes up. */
  themeIds: z.array(id).max(50),
  /** A person of the host. */
  facilitatorId: id.nullable(),
  capacity: workshopCapacity.nullable(),
  timeZone,
  durationMinutes,
  place: shortText,
  videoUrl,
};

export const createWorkshopBody = z
  .strictObject({
    title: editable.title,
    agenda: editable.agenda.default(''),
    themeIds: editable.themeIds.default([]),
    facilitatorId: editable.facilitatorId.default(null),
    capacity: editable.capacity.default(null),
    timeZone,
    durationMinutes: durationMinutes.default(180),
    place: shortText.default(''),
    videoUrl: videoUrl.default(''),
    /** Set the date directly (wall clock in `timeZone`)... */
    localStart: localDateTime.optional(),
    /** ...or ask the programme: a poll over these times; confirming it dates the workshop. */
    pollOptions: z.array(localDateTime).min(2).max(maxPollOptions).optional(),
  })
  .refine((b) => (b.localStart === undefined) !== (b.pollOptions === undefined), {
    message: 'give either a date (localStart) or times to poll (pollOptions), not both',
    path: ['localStart'],
  });
export type CreateWorkshopInput = z.output<typeof createWorkshopBody>;

export const updateWorkshopBody = z
  .strictObject({
    title: editable.title.optional(),
    agenda: editable.agenda.optional(),
    themeIds: editable.themeIds.optional(),
    facilitatorId: editable.facilitatorId.optional(),
    capacity: editable.capacity.optional(),
    timeZone: timeZone.optional(),
    durationMinutes: durationMinutes.optional(),
    place: shortText.optional(),
    videoUrl: videoUrl.optional(),
    /** Move it (only once dated, while it is still to come). */
    localStart: localDateTime.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one thing to change' });
export type UpdateWorkshopInput = z.output<typeof updateWorkshopBody>;

export const workshopAction = z.object({
  id: out.id,
  text: z.string(),
  dueOn: out.date.nullable(),
  status: z.enum(workshopActionStatuses),
  workshop: z.object({ id: out.id, title: z.string(), startsAt: out.instant.nullable() }),
  programme: ref,
  createdAt: out.instant,
});
export type WorkshopActionItem = z.infer<typeof workshopAction>;

const actionText = z.string().trim().min(1).max(2000);

export const listWorkshops = route({
  method: 'GET',
  path: '/api/programmes/:id/workshops',
  tags,
  summary: "A programme's workshops, soonest first (those waiting for their poll last)",
  params: idParams,
  response: z.array(workshop),
});

export const createWorkshop = route({
  method: 'POST',
  path: '/api/programmes/:id/workshops',
  tags,
  summary:
    'Plan a workshop for everyone in the programme: dated now (everyone gets an invitation with .ics) or by a programme-wide poll',
  params: idParams,
  body: createWorkshopBody,
  status: 201,
  response: workshop,
});

export const getWorkshop = route({
  method: 'GET',
  path: '/api/workshops/:id',
  tags,
  summary: 'One workshop: its date, themes, agenda, RSVP counts, notes and materials',
  params: idParams,
  response: workshop,
});

export const updateWorkshop = route({
  method: 'PATCH',
  path: '/api/workshops/:id',
  tags,
  summary: 'Change a workshop; moving it (or changing its place) tells everyone with a new .ics',
  params: idParams,
  body: updateWorkshopBody,
  response: workshop,
});

export const cancelWorkshop = route({
  method: 'DELETE',
  path: '/api/workshops/:id',
  tags,
  summary: 'Cancel a workshop still to come; it stays in calendars as cancelled and everyone is told',
  params: idParams,
  response: workshop,
});

export const rsvpWorkshop = route({
  method: 'PUT',
  path: '/api/workshops/:id/rsvp',
  tags,
  summary: 'Say whether you are coming (coming / not coming / maybe); you may change your answer',
  params: idParams,
  body: z.strictObject({ answer: z.enum(workshopRsvpAnswers) }),
  response: workshop,
});

export const recordWorkshopAttendance = route({
  method: 'PUT',
  path: '/api/workshops/:id/attendance',
  tags,
  summary: 'Record who came, once the workshop has begun',
  params: idParams,
  body: z.strictObject({
    attendance: z
      .array(z.strictObject({ personId: id, present: z.boolean() }))
      .min(1)
      .max(5000),
  }),
  response: workshop,
});

export const saveWorkshopNotes = route({
  method: 'PUT',
  path: '/api/workshops/:id/notes',
  tags,
  summary: "The workshop's notes (Markdown), for the programme's participants",
  params: idParams,
  body: z.strictObject({ notes: markdown }),
  response: workshop,
});

export const addWorkshopMaterial = route({
  method: 'POST',
  path: '/api/workshops/:id/materials',
  tags,
  summary: 'Add a material (a link) to the workshop',
  params: idParams,
  body: z.strictObject({ title: name, url: materialUrl }),
  status: 201,
  response: workshop,
});

export const removeWorkshopMaterial = route({
  method: 'DELETE',
  path: '/api/workshops/:id/materials/:materialId',
  tags,
  summary: 'Remove a material from the workshop',
  params: z.strictObject({ id, materialId: id }),
  response: workshop,
});

export const workshopIcs = route({
  method: 'GET',
  path: '/api/workshops/:id/calendar.ics',
  tags: ['calendar'],
  summary: 'A dated workshop as an .ics file',
  params: idParams,
  produces: 'text/calendar',
});

export const listMyWorkshopActions = route({
  method: 'GET',
  path: '/api/me/workshop-actions',
  tags,
  summary: 'Your own actions from workshops, newest first (nobody else ever sees them)',
  response: z.array(workshopAction),
});

export const createWorkshopAction = route({
  method: 'POST',
  path: '/api/workshops/:id/actions',
  tags,
  summary: 'Note an action of your own from a workshop; it is private to you',
  params: idParams,
  body: z.strictObject({ text: actionText, dueOn: isoDate.nullable().default(null) }),
  status: 201,
  response: workshopAction,
});

export const updateWorkshopAction = route({
  method: 'PATCH',
  path: '/api/workshop-actions/:id',
  tags,
  summary: 'Change your workshop action, or mark it done or dropped',
  params: idParams,
  body: z
    .strictObject({
      text: actionText.optional(),
      dueOn: isoDate.nullable().optional(),
      status: z.enum(workshopActionStatuses).optional(),
    })
    .refine((b) => Object.keys(b).length > 0, { message: 'give at least one thing to change' }),
  response: workshopAction,
});
