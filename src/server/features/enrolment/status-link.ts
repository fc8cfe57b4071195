/**
 * "Your application": the private link in the acknowledgement mail. Someone who applies through the open
 * link has no account until they are accepted and choose a password, so this link is how they see their
 * application's status and withdraw it before then.
 *
 * The link is its own authority, like an invitation or unsubscribe link: whoever holds the token acts for
 * that one application and nothing else, so there is no row for it in the access map (domain/access.ts).
 * The token is random, stored only as its hash, replaced by a fresh one when the person applies again,
 * and expires once the application is accepted and its person has an account (from then on they sign in
 * and use the ordinary routes). After a withdrawal it still shows "withdrawn", so a second press is told
 * 409 rather than a puzzling "no such link"; it can change nothing more.
 */
import type { OwnApplication } from '../../../contract/enrolment.ts';
import type { AppContext } from '../../context.ts';
import { Problem } from '../../http/problem.ts';
import { hashToken, newToken } from '../link-tokens.ts';
import { withdraw } from './decisions.ts';

/** A fresh token for an application and the link that carries it; store `hash`, mail `url`. */
export function newStatusLink(ctx: AppContext) {
  const token = newToken();
  return { hash: hashToken(token), url: `${ctx.config.publicUrl}/your-application/${token}` };
}

const unknownLink = () =>
  new Problem(
    'not-found',
    'This link to an application does not work: it may be mistyped, or replaced by the link in a newer email.',
  );

async function resolveStatusToken(ctx: AppContext, token: string) {
  const row = await ctx.db
    .selectFrom('application')
    .innerJoin('programme', 'programme.id', 'application.programmeId')
    .innerJoin('host', 'host.id', 'programme.hostId')
    .leftJoin('person', 'person.id', 'application.personId')
    .select([
      'application.id',
      'application.programmeId',
      'application.personId',
      'application.status',
      'application.name',
      'application.submittedAt',
      'application.decidedAt',
      'application.withdrawnAt',
      'programme.name as programmeName',
      'host.name as hostName',
      'person.userId',
    ])
    .where('application.statusTokenHash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw unknownLink();
  if (row.status === 'accepted' && row.userId)
    throw new Problem(
      'not-found',
      'This link has expired: your application was accepted and you have a Revans account now. Sign in to see your application.',
    );
  return row;
}

/** What the applicant sees: the programme, their status and dates; none of their answers (the link travels by email). */
export async function describeOwnApplication(ctx: AppContext, token: string): Promise<OwnApplication> {
  const row = await resolveStatusToken(ctx, token);
  return {
    programme: { name: row.programmeName, hostName: row.hostName },
    name: row.name,
    status: row.status,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    withdrawnAt: row.withdrawnAt,
    canWithdraw: row.status !== 'withdrawn',
  };
}

/** Withdraws the link's application the way every withdrawal does; 409 if it is already withdrawn. */
export async function withdrawOwnApplication(ctx: AppContext, token: string) {
  const row = await resolveStatusToken(ctx, token);
  await withdraw(ctx, { programmeId: row.programmeId, personId: row.personId, applicationId: row.id });
  return describeOwnApplication(ctx, token);
}
