import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { participantColumns, participantRow, participantRowProblem } from '../../../contract/enrolment.ts';
import { takesImports, whyNot } from '../../../domain/programme-lifecycle.ts';
import type { AppContext } from '../../context.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { transact } from '../../transact.ts';
import { ensurePerson } from './applicant-person.ts';
import { programmeFacts } from './service.ts';

export { participantColumns };

export const participantsTemplate = `${[
  participantColumns.join(','),
  'Ana Ruiz,ana@example.org,Acme Trust,Programme manager,funding; volunteers,en; es,Europe/Madrid,mon-am; wed-pm,Ways to keep volunteers,ben@example.org,no',
  'Ben Okafor,ben@example.org,Bright Futures,Set adviser,,en,Africa/Lagos,mon-am; thu-eve,,,yes',
].join('\r\n')}\r\n`;

export type ParticipantRow = z.output<typeof participantRow> & { line: number };
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
    const parsed = participantRow.safeParse(record);
    if (!parsed.success) {
      const messages = new Set(parsed.error.issues.map(participantRowProblem));
      errors.push({ line, messages: [...messages] });
      return;
    }
    const first = seen.get(parsed.data.email);
    if (first) {
      errors.push({ line, messages: [`${parsed.data.email} is already on line ${first}`] });
      return;
    }
    seen.set(parsed.data.email, line);
    rows.push({ ...parsed.data, line });
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
  const exists = await ctx.db
    .selectFrom('programme')
    .select('id')
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!exists) throw notFound('programme');
  const p = await programmeFacts(ctx, programmeId);
  if (!takesImports(p.status)) throw conflict(whyNot(p.status, 'import'));
  const existing = await ctx.db
    .selectFrom('application')
    .select(['email', 'status'])
    .where('programmeId', '=', programmeId)
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
  await transact(ctx, async (tx) => {
    for (const [i, r] of rows.entries()) {
      const personId = await ensurePerson(
        tx,
        p.hostId,
        p.defaultLanguage,
        {
          personId: null,
          name: r.name,
          email: r.email,
          organisationName: r.organisation,
          jobRole: r.role,
          timeZone: r.time_zone,
        },
        now,
      );
      const values = {
        personId,
        source: 'import' as const,
        status: 'accepted' as const,
        inviteTokenHash: null,
        name: r.name,
        organisationName: r.organisation,
        jobRole: r.role,
        themesJson: JSON.stringify(r.themes),
        languagesJson: JSON.stringify(r.languages),
        timeZone: r.time_zone,
        availabilityJson: JSON.stringify(r.availability),
        hopes: r.hopes,
        mustAvoidJson: JSON.stringify(r.must_avoid),
        asFacilitator: r.facilitator ? 1 : 0,
        decidedBy: null,
        decidedAt: now,
        submittedAt: null,
        withdrawnAt: null,
        updatedAt: now,
      };
      const withdrawn = existing.find((e) => e.email === r.email);
      if (withdrawn)
        await tx.db
          .updateTable('application')
          .set(values)
          .where('programmeId', '=', programmeId)
          .where('email', '=', r.email)
          .execute();
      else
        await tx.db
          .insertInto('application')
          .values({ id: randomUUID(), programmeId, email: r.email, createdAt: now, ...values })
          .execute();
      onRow(i + 1);
    }
  });
  return { imported: rows.length, errors: [] };
}
