import { z } from 'zod';
import { canonicalTimeZone, isValidTimeZone } from '../../domain/time-zones.ts';
import { maxPasswordLength, minPasswordLength } from '../auth/auth.ts';

export const id = z.uuid();
export const name = z.string().trim().min(1).max(200);
export const shortText = z.string().trim().max(200);
export const longText = z.string().trim().max(5000);
export const email = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());
/** Any IANA zone name or alias (Asia/Calcutta, US/Eastern…), kept as its current name (Asia/Kolkata). */
export const timeZone = z
  .string()
  .refine(isValidTimeZone, { message: 'must be a time zone such as Europe/London' })
  .transform((zone) => canonicalTimeZone(zone) ?? zone);
export const language = z.enum(['en', 'fr', 'es']);
export const isoDate = z.iso.date();
export const password = z.string().min(minPasswordLength).max(maxPasswordLength);
export const token = z.string().min(20).max(200);

export const hostParams = z.strictObject({ hostId: id });
export const idParams = z.strictObject({ id });
