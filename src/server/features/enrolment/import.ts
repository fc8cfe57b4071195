import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { availabilityPattern, splitList } from '../../../domain/enrolment.ts';
import { takesImports, whyNot } from '../../../domain/programme-lifecycle.ts';
import { isValidTimeZone } from '../../../domain/time-zones.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { ensurePerson } from './applicant-person.ts';
import { programmeFacts } from './service.ts';

/** The columns of a participants file, in order (docs/coordinators/importing.md). */
export const participantColumns = [
  'name',
  'email',
  'organisation',
  'role',
  'themes',
  'languages',
  'time_zone',
  'availability',
  'hopes',
  'must_avoid',
  'facilitator',
] as const;

export const participantsTemplate = `${[
  participantColumns.join(','),
  'Ana Ruiz,ana@example.org,Acme Trust,Programme manager,funding; volunteers,en; es,Europe/Madrid,mon-am; wed-pm,Ways to keep volunteers,ben@example.org,no',
  'Ben Okafor,ben@example.org,Bright Futures,Set adviser,,en,Africa/Lagos,mon-am; thu-eve,,,yes',
].join('\r\n')}\r\n`;

const list = z.string().transform(splitList);
const row = z.strictObject({
  name: z.string().trim().min(1, 'name is empty').max(200),
  email: z
    .email('email is not an email address')
    .max(254)
    .transform((e) => e.toLowerCase()),
  organisation: z.string().trim().min(1, 'organisation is empty').max(200),
  role: z.string().trim().max(200),
  themes: list,
  languages: list.transform((l) => (l.length ? l : ['en'])),
  time_zone: z
    .string()
    .trim()
    .transform((zone) => zone || 'UTC')
    .refine(isValidTimeZone, 'time_zone is not a time zone such as Europe/London'),
  availability: list.refine(
    (slots) => slots.every((s) => availabilityPattern.test(s.toLowerCase())),
    'availability must list slots such as mon-am, wed-pm or fri-eve',
  ),
  hopes: z.string().trim().max(5000),
  must_avoid: list,
  facilitator: z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['', 'yes', 'no', 'true', 'false', 'y', 'n'].includes(v), 'facilitator must be yes or no')
    .transform((v) => v === 'yes' || v === 'true' || v === 'y'),
});

export type ParticipantRow = z.infer<typeof row> & { line: number };
export interface RowError {
  /** The line of the file (1 is the header). */
  line: number;
  messages: string[];
}

/** Reads a participants file and checks every row; a file with any bad row imports nothing. */
export function parseParticipantsCsv(text: string): { rows: ParticipantRow[]; errors: RowError[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    return { rows: [], errors: [{ line: e.lines ?? 1, messages: [e.message] }] };
  }
  const header = records.length ? Object.keys(records[0]!) : participantColumns.slice();
  const missing = participantColumns.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(participantColumns as readonly string[]).includes(c));
  if (missing.length || unknown.length) {
    const messages = [
      ...(missing.length ? [`missing columns: ${missing.join(', ')}`] : []),
      ...(unknown.length ? [`unknown columns: ${unknown.join(', ')}`] : []),
    ];
    return { rows: [], errors: [{ line: 1, messages }] };
  }
  const rows: ParticipantRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const line = i + 2;
    const parsed = row.safeParse(record);
    if (!parsed.success) {
      errors.push({ line, messages: parsed.error.issues.map((issue) => issue.message) });
      return;
    }
    const first = seen.get(parsed.data.email);
    if (first) {
      errors.push({ line, messages: [`${parsed.data.email} is already on line ${first}`] });
      return;
    }
    seen.set(parsed.data.email, line);
    rows.push({ ...parsed.data, availability: parsed.data.availability.map((s) => s.toLowerCase()), line });
  });
  if (records.length === 0) errors.push({ line: 1, messages: ['the file has no participants'] });
  return { rows, errors };
}

/**
 * Imports checked rows as accepted participants of a programme, all in one transaction: a row that
 * clashes with what is already there fails the whole import and nothing is written.
 */
export async function importParticipants(
  ctx: AppContext,
  programmeId: string,
  rows: ParticipantRow[],
  onRow: (done: number) => void = () => {},
): Promise<{ imported: number; errors: RowError[] }> {
  const exists = await ctx.store.plain
    .selectFrom('programme')
    .select('id')
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!exists) throw notFound('programme');
  const p = await programmeFacts(ctx.store.plain, programmeId);
  if (!takesImports(p.status)) throw conflict(whyNot(p.status, 'import'));
  const existing = await ctx.store.plain
    .selectFrom('application')
    .select(['email', 'status'])
    .where('programme_id', '=', programmeId)
    .execute();
  const errors: RowError[] = rows.flatMap((r) => {
    const found = existing.find((e) => e.email === r.email);
    return found && found.status !== 'withdrawn'
      ? [
          {
            line: r.line,
            messages: [`${r.email} already has an application to this programme (${found.status})`],
          },
        ]
      : [];
  });
  if (errors.length) return { imported: 0, errors };
  const now = ctx.now().toISOString();
  await ctx.store.plain.transaction().execute(async (trx) => {
    for (const [i, r] of rows.entries()) {
      const personId = await ensurePerson(
        trx,
        p.host_id,
        p.default_language,
        {
          person_id: null,
          name: r.name,
          email: r.email,
          organisation_name: r.organisation,
          job_role: r.role,
          time_zone: r.time_zone,
        },
        now,
      );
      const values = {
        person_id: personId,
        source: 'import' as const,
        status: 'accepted' as const,
        invite_token_hash: null,
        name: r.name,
        organisation_name: r.organisation,
        job_role: r.role,
        themes_json: JSON.stringify(r.themes),
        languages_json: JSON.stringify(r.languages),
        time_zone: r.time_zone,
        availability_json: JSON.stringify(r.availability),
        hopes: r.hopes,
        must_avoid_json: JSON.stringify(r.must_avoid),
        as_facilitator: r.facilitator ? 1 : 0,
        decided_by: null,
        decided_at: now,
        submitted_at: null,
        withdrawn_at: null,
        updated_at: now,
      };
      const withdrawn = existing.find((e) => e.email === r.email);
      if (withdrawn)
        await trx
          .updateTable('application')
          .set(values)
          .where('programme_id', '=', programmeId)
          .where('email', '=', r.email)
          .execute();
      else
        await trx
          .insertInto('application')
          .values({ id: randomUUID(), programme_id: programmeId, email: r.email, created_at: now, ...values })
          .execute();
      onRow(i + 1);
    }
  });
  return { imported: rows.length, errors: [] };
}
