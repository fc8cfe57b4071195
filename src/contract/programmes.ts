/** Programmes: a host's cohorts, each with its coordinators, its lifecycle and its sets' size bounds. */
import { z } from 'zod';
import { defaultSetSize, setSizeLimits } from '../domain/programme.ts';
import { programmeActions, programmeStatuses } from './enums.ts';
import { abilities, hostParams, id, idParams, isoDate, longText, name, out, shortText } from './fields.ts';
import { route } from './route.ts';

export const programmeStatus = z.enum(programmeStatuses);

const size = z.number().int().min(setSizeLimits.min).max(setSizeLimits.max);
/** How many members a set of the programme should have; a set outside them is flagged, never refused. */
export const setSize = z.strictObject({ min: size, max: size });

/** The programme's own fields as a coordinator writes them. */
const fields = {
  name,
  purpose: longText,
  theme: shortText,
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  status: programmeStatus,
  setSize,
  /** How often and how long sets meet, in words. */
  meetingCadence: shortText,
  /** What taking part involves, shown to applicants. */
  participation: longText,
};

export const sizeBounds = z.object({ min: z.number().int(), max: z.number().int() });

/** A programme as the list shows it. */
export const programmeSummary = z.object({
  id: out.id,
  hostId: out.id,
  name: z.string(),
  purpose: z.string(),
  theme: z.string(),
  startsOn: out.date.nullable(),
  endsOn: out.date.nullable(),
  status: programmeStatus,
  setSize: sizeBounds,
  meetingCadence: z.string(),
  participation: z.string(),
  /** The statuses this programme may step to now (running only by publishing sets). */
  nextStatuses: z.array(programmeStatus),
  archived: z.boolean(),
  /** When the programme closed; its sets, meetings and surveys are frozen from then on. */
  closedAt: out.instant.nullable(),
  /** When its set content was erased, the host's retention having run out (figures are kept). */
  contentErasedAt: out.instant.nullable(),
  abilities: abilities(programmeActions),
});
export type ProgrammeSummary = z.infer<typeof programmeSummary>;

export const coordinator = z.object({ personId: out.id, name: z.string() });

/** A programme with the people who coordinate it. */
export const programme = programmeSummary.extend({ coordinators: z.array(coordinator) });
export type Programme = z.infer<typeof programme>;

export const listProgrammes = route({
  method: 'GET',
  path: '/api/hosts/:hostId/programmes',
  tags: ['programmes'],
  summary: 'The programmes you take part in or run',
  params: hostParams,
  query: z.strictObject({ includeArchived: z.enum(['true', 'false']).default('false') }),
  response: z.array(programmeSummary),
});

export const createProgramme = route({
  method: 'POST',
  path: '/api/hosts/:hostId/programmes',
  tags: ['programmes'],
  summary: 'Create a programme',
  params: hostParams,
  body: z.strictObject({
    name: fields.name,
    purpose: fields.purpose.default(''),
    theme: fields.theme.default(''),
    startsOn: fields.startsOn.default(null),
    endsOn: fields.endsOn.default(null),
    status: fields.status.default('draft'),
    setSize: fields.setSize.default({ ...defaultSetSize }),
    meetingCadence: fields.meetingCadence.default(''),
    participation: fields.participation.default(''),
  }),
  status: 201,
  response: programme,
});
export type NewProgramme = z.output<typeof createProgramme.body>;

export const getProgramme = route({
  method: 'GET',
  path: '/api/programmes/:id',
  tags: ['programmes'],
  summary: 'A programme, its coordinators and your abilities',
  params: idParams,
  response: programme,
});

export const updateProgramme = route({
  method: 'PATCH',
  path: '/api/programmes/:id',
  tags: ['programmes'],
  summary:
    "Change a programme's details, set size bounds or status (draft -> recruiting -> forming -> running -> closed; running only by publishing sets); archive or restore it",
  params: idParams,
  body: z.strictObject({
    name: fields.name.optional(),
    purpose: fields.purpose.optional(),
    theme: fields.theme.optional(),
    startsOn: fields.startsOn.optional(),
    endsOn: fields.endsOn.optional(),
    status: fields.status.optional(),
    setSize: fields.setSize.optional(),
    meetingCadence: fields.meetingCadence.optional(),
    participation: fields.participation.optional(),
    archived: z.boolean().optional(),
  }),
  response: programme,
});
export type ProgrammePatch = z.output<typeof updateProgramme.body>;

export const addCoordinator = route({
  method: 'POST',
  path: '/api/programmes/:id/coordinators',
  tags: ['programmes'],
  summary: 'Make a person a coordinator of this programme',
  params: idParams,
  body: z.strictObject({ personId: id }),
  status: 201,
  response: programme,
});

export const removeCoordinator = route({
  method: 'DELETE',
  path: '/api/programmes/:id/coordinators/:personId',
  tags: ['programmes'],
  summary: 'Stop a person coordinating this programme',
  params: z.strictObject({ id, personId: id }),
  response: programme,
});
