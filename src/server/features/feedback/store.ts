/**
 * What pulses, reviews and the report share: the host's K, the keyed hashes that stand in for a person
 * on an answer, and who the programme's participants are.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { effectiveK } from '../../../domain/feedback/k-rule.ts';
import type { DB } from '../../store/schema.ts';

/** The host's K (5 unless an admin changed it, never below 3). */
export async function hostK(db: Kysely<DB>, hostId: string): Promise<number> {
  const row = await db
    .selectFrom('feedbackSetting')
    .select('minAnswers')
    .where('hostId', '=', hostId)
    .executeTakeFirst();
  return effectiveK(row?.minAnswers);
}

/**
 * The key an answer is stored under instead of its author: an HMAC with the server's secret of what is
 * answered and who answers. The author's next request finds it again; no API turns it back into a name.
 */
export function answerKey(
  secret: string,
  scope: 'pulse' | 'review',
  subjectId: string,
  personId: string,
): string {
  return createHmac('sha256', secret).update(`${scope}:${subjectId}:${personId}`).digest('base64url');
}

/** Everyone taking part in the programme: members and facilitators of its sets, not archived. */
export async function participantIds(db: Kysely<DB>, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('setMembership')
    .innerJoin('learningSet', 'learningSet.id', 'setMembership.setId')
    .innerJoin('person', 'person.id', 'setMembership.personId')
    .select('person.id')
    .distinct()
    .where('learningSet.programmeId', '=', programmeId)
    .where('learningSet.archivedAt', 'is', null)
    .where('person.archivedAt', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}
