/**
 * Closing a programme (issue 9) and people's data rights (issue 11): the close itself, a member's
 * export of their own content, the host's retention of closed programmes' set content, a person's
 * download of all their data, and a host admin's erasure of a person.
 */
import { z } from 'zod';
import { retentionDayLimits } from '../domain/programme-lifecycle.ts';
import { hostParams, idParams, out } from './fields.ts';
import { programme } from './programmes.ts';
import { route } from './route.ts';

const tags = ['closing'];

export const closeProgramme = route({
  method: 'POST',
  path: '/api/programmes/:id/close',
  tags,
  summary:
    'Close a running programme: its sets, meetings and surveys are frozen; members keep and can export their own content',
  params: idParams,
  response: programme,
});

export const downloadMyProgrammeMarkdown = route({
  method: 'GET',
  path: '/api/programmes/:id/my-content.md',
  tags,
  summary:
    'Your own content of this programme (problems with reframes, questions received, actions, journal) as Markdown',
  params: idParams,
  produces: 'text/markdown',
});

export const downloadMyProgrammePdf = route({
  method: 'GET',
  path: '/api/programmes/:id/my-content.pdf',
  tags,
  summary: 'Your own content of this programme as PDF',
  params: idParams,
  produces: 'application/pdf',
});

export const retentionDays = z.number().int().min(retentionDayLimits.min).max(retentionDayLimits.max);

export const retention = z.object({
  /** Days a closed programme's set content is kept; then it is erased and only figures remain. */
  closedContentRetentionDays: z.number().int(),
});
export type Retention = z.infer<typeof retention>;

export const getRetention = route({
  method: 'GET',
  path: '/api/hosts/:hostId/retention',
  tags,
  summary: "How long closed programmes' set content is kept",
  params: hostParams,
  response: retention,
});

export const updateRetention = route({
  method: 'PUT',
  path: '/api/hosts/:hostId/retention',
  tags,
  summary: "Set how long closed programmes' set content is kept (days)",
  params: hostParams,
  body: z.strictObject({ closedContentRetentionDays: retentionDays }),
  response: retention,
});

export const erasureEntry = z.object({
  id: out.id,
  kind: z.enum(['programme-content', 'person']),
  subjectId: out.id,
  mode: z.enum(['retention', 'remove', 'anonymise']),
  counts: z.record(z.string(), z.number().int()),
  erasedBy: out.id.nullable(),
  erasedAt: out.instant,
});
export type ErasureEntry = z.infer<typeof erasureEntry>;

export const listErasures = route({
  method: 'GET',
  path: '/api/hosts/:hostId/erasures',
  tags,
  summary: 'The log of erasures (closed programmes whose retention ran out, people erased): counts only',
  params: hostParams,
  response: z.array(erasureEntry),
});

export const downloadMyData = route({
  method: 'GET',
  path: '/api/me/data.tar.gz',
  tags,
  summary:
    'All your data as one archive (JSON and readable Markdown): profile, applications and consents, problems, questions received, actions, journal',
  produces: 'application/gzip',
});

export const erasureModes = ['remove', 'anonymise'] as const;
export const erasureMode = z.enum(erasureModes);
export type ErasureMode = z.infer<typeof erasureMode>;

export const erasureCount = z.object({ kind: z.string(), count: z.number().int() });

export const erasurePreview = z.object({
  personId: out.id,
  name: out.text,
  /** What erasing this person would remove or anonymise, per kind. */
  counts: z.array(erasureCount),
});
export type ErasurePreview = z.infer<typeof erasurePreview>;

export const previewErasure = route({
  method: 'GET',
  path: '/api/people/:id/erasure',
  tags,
  summary: 'What erasing this person would remove or anonymise, counted per kind',
  params: idParams,
  response: erasurePreview,
});

export const erasePerson = route({
  method: 'POST',
  path: '/api/people/:id/erasure',
  tags,
  summary:
    "Erase a person: personal data removed, sessions ended, set content they wrote removed or kept as a former member's",
  params: idParams,
  body: z.strictObject({
    /** remove: their set content goes; anonymise: it stays, written by "a former member". */
    mode: erasureMode,
    /** The person's name exactly as shown, typed to confirm. */
    confirmName: z.string().max(200),
  }),
  response: z.object({ counts: z.array(erasureCount) }),
});
