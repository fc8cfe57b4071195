/**
 * Field shapes every route shares, written once: the server validates with them, the browser checks
 * its forms with them before sending, the command line parses with them.
 */
import { z } from 'zod';
import { canonicalTimeZone, isValidLocalDateTime, isValidTimeZone } from '../domain/time-zones.ts';
import { languages } from './enums.ts';

export const minPasswordLength = 10;
export const maxPasswordLength = 200;

export const id = z.uuid();
export const name = z.string().trim().min(1).max(200);
export const shortText = z.string().trim().max(200);
export const longText = z.string().trim().max(5000);
/** An address as people type it; stored and compared in lower case. */
export const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
/** Any IANA zone name or alias (Asia/Calcutta, US/Eastern…), kept as its current name (Asia/Kolkata). */
export const timeZone = z
  .string()
  .refine(isValidTimeZone, { message: 'must be a time zone such as Europe/London' })
  .transform((zone) => canonicalTimeZone(zone) ?? zone);
export const language = z.enum(languages);
export const isoDate = z.iso.date();
export const password = z.string().min(minPasswordLength).max(maxPasswordLength);
/** A secret from a link someone was sent. */
export const token = z.string().min(20).max(200);

/** A wall-clock time without a zone, e.g. 2027-03-24T10:00; the zone travels next to it. */
export const localDateTime = z
  .string()
  .refine(isValidLocalDateTime, { message: 'must be a date and time such as 2027-03-24T10:00' });
/** A video call link, or none. */
export const videoUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]);
/** How long a meeting lasts: from a quarter of an hour to twelve hours. */
export const durationMinutes = z
  .number()
  .int()
  .min(15)
  .max(12 * 60);

export const hostParams = z.strictObject({ hostId: id });
export const idParams = z.strictObject({ id });

/**
 * A number in a path or a query string: it travels as text in the URL and is read as a number; clients
 * (and the OpenAPI document) give it as the number they mean.
 */
export const urlNumber = () => z.coerce.number<number>();

/** Response fields: what the server sends is already clean, so these only describe it. */
export const out = {
  id: z.string(),
  text: z.string(),
  /** An ISO 8601 instant in UTC, e.g. 2027-03-03T21:00:00.000Z. */
  instant: z.string(),
  /** A calendar date, e.g. 2027-03-03. */
  date: z.string(),
  email: z.string(),
  timeZone: z.string(),
};

/** What the viewer may do with a resource: the server's access map, sent so the UI offers only that. */
export const abilities = <const A extends readonly string[]>(actions: A) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as { [K in A[number]]: z.ZodBoolean });
