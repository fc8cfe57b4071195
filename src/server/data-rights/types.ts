/**
 * People's data rights as a list of contributors, one small module per feature. Each contributor
 * knows its own tables: what of a person's data it holds (`collect`, for their download), how many rows
 * erasing them would touch (`count`, for the confirmation) and how to erase it (`erase`, inside the one
 * erasure transaction). A new feature that stores personal data or set content adds one module and one
 * line in `contributors.ts`.
 */
import { type Kysely, sql } from 'kysely';
import type { ErasureMode } from '../../contract/closing.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../store/schema.ts';

/** The tables by their own names (snake_case for Revans', camelCase for the accounts library's). */
export type Tables = Kysely<Database>;
export const tables = (db: AppContext['db']): Tables => (db as unknown as Tables).withoutPlugins();

/** The person whose data it is, as loaded before any export or erasure. */
export interface Subject {
  personId: string;
  hostId: string;
  userId: string | null;
  name: string;
  email: string;
  /**
   * The keyed hash under which this person's anonymous answers (pulses, review answers) are stored: only
   * the server, holding the secret, can find their own answers again for them.
   */
  answerKey(scope: 'pulse' | 'review', subjectId: string): string;
}

/** What of a person's data to collect: everything, or their own content of one programme. */
export interface Scope {
  programmeId?: string;
}

/** One part of a person's download: as data (JSON) and as readable Markdown. */
export interface Section {
  /** File-safe name, e.g. "problems". */
  key: string;
  title: string;
  data: unknown;
  markdown: string;
}

export interface Contributor {
  /** Kind of data, as the erasure confirmation names it ("problems", "sign-in sessions" ...). */
  kind: string;
  /** Their data in this contributor's tables; null when there is none (or none in scope). */
  collect?(db: Tables, subject: Subject, scope: Scope): Promise<Section | null>;
  /** How many rows erasing the person would remove or anonymise here. */
  count(db: Tables, subject: Subject): Promise<number>;
  /** Erases within the erasure's transaction (`tx.db`); effects after commit via `tx.afterCommit`. */
  erase(tx: AppContext, subject: Subject, mode: ErasureMode): Promise<number>;
}

/** What a former member's name becomes wherever it stays (figures, anonymised set content). */
export const formerMember = 'A former member';

export const countOf = async (query: { executeTakeFirst(): Promise<{ n: unknown } | undefined> }) =>
  Number((await query.executeTakeFirst())?.n ?? 0);

export const affected = (
  result:
    | { numUpdatedRows?: bigint; numDeletedRows?: bigint }[]
    | { numUpdatedRows?: bigint; numDeletedRows?: bigint },
) =>
  (Array.isArray(result) ? result : [result]).reduce(
    (sum, r) => sum + Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0),
    0,
  );

/** Markdown-safe single line. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
export const quote = (text: string) =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

/**
 * Replaces each text wherever a stored JSON copy of it remains (e.g. a room's frozen setup lists the
 * presenters' problems) with `by`. Texts are matched as JSON writes them.
 */
export async function scrubCopies(
  db: Tables,
  table: 'meeting' | 'meeting_event' | 'formation_run' | 'mail_outbox',
  column: string,
  texts: string[],
  by = '',
): Promise<number> {
  let n = 0;
  for (const text of new Set(texts)) {
    if (text.trim().length < 3) continue;
    const needle = JSON.stringify(text).slice(1, -1);
    const result = await sql`update ${sql.table(table)}
      set ${sql.ref(column)} = replace(${sql.ref(column)}, ${needle}, ${by})
      where ${sql.ref(column)} like ${`%${needle}%`}`.execute(db);
    n += Number(result.numAffectedRows ?? 0);
  }
  return n;
}
