/** The host running this Revans: its settings, and the mail it has queued and sent. */
import { z } from 'zod';
import { hostActions, languages, shownMailStatuses } from './enums.ts';
import { abilities, hostParams, id, language, name, out, timeZone, urlNumber } from './fields.ts';
import { route } from './route.ts';

/** The host's name and the defaults new people and programmes start from. */
export const hostSettings = z.object({
  id: out.id,
  name: out.text,
  defaultTimeZone: out.timeZone,
  defaultLanguage: z.enum(languages),
});
export type HostSettings = z.infer<typeof hostSettings>;

export const host = hostSettings.extend({ abilities: abilities(hostActions) });
export type Host = z.infer<typeof host>;

export const getHost = route({
  method: 'GET',
  path: '/api/hosts/:hostId',
  tags: ['hosts'],
  summary: 'The host running this Revans',
  params: hostParams,
  response: host,
});

export const updateHost = route({
  method: 'PATCH',
  path: '/api/hosts/:hostId',
  tags: ['hosts'],
  summary: "Change the host's name and defaults",
  params: hostParams,
  body: z.strictObject({
    name: name.optional(),
    defaultTimeZone: timeZone.optional(),
    defaultLanguage: language.optional(),
  }),
  response: host,
});
export type HostPatch = z.output<typeof updateHost.body>;

export const mailStatus = z.enum(shownMailStatuses);
export type MailStatus = z.infer<typeof mailStatus>;

/** A mail in the outbox list: its subject with set content withheld, never its text. */
export const mailSummary = z.object({
  id: out.id,
  to: out.email,
  subject: out.text,
  kind: out.text,
  status: mailStatus,
  attempts: z.number().int(),
  lastError: out.text.nullable(),
  createdAt: out.instant,
  sentAt: out.instant.nullable(),
});
export type MailSummary = z.infer<typeof mailSummary>;

export const mailOutbox = z.object({
  /** Where mail goes: an SMTP server, or files in the data folder when none is configured. */
  delivery: z.enum(['smtp', 'files']),
  mails: z.array(mailSummary),
});
export type MailOutbox = z.infer<typeof mailOutbox>;

/** One mail as an operator reads it: set content and private links withheld, and how many were. */
export const mailMessage = z.object({
  id: out.id,
  to: out.email,
  subject: out.text,
  kind: out.text,
  status: mailStatus,
  text: out.text,
  /** How many parts only the recipient reads: set content, and links that act for the recipient. */
  withheld: z.object({ setContent: z.number().int(), privateLinks: z.number().int() }),
  createdAt: out.instant,
  sentAt: out.instant.nullable(),
});
export type MailMessage = z.infer<typeof mailMessage>;

export const listMail = route({
  method: 'GET',
  path: '/api/hosts/:hostId/mail',
  tags: ['hosts'],
  summary: 'Mail Revans has queued and sent (for the operator); newest first',
  params: hostParams,
  query: z.strictObject({ limit: urlNumber().int().min(1).max(500).default(100) }),
  response: mailOutbox,
});

export const getMail = route({
  method: 'GET',
  path: '/api/hosts/:hostId/mail/:id',
  tags: ['hosts'],
  summary: 'One queued or sent mail with its text; set content and private links are withheld',
  params: z.strictObject({ hostId: id, id }),
  response: mailMessage,
});
