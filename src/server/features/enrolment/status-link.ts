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
import type { AppContext } from '../../context.ts';
import { Problem } from '../../http/problem.ts';
import { withdraw } from './decisions.ts';
import { hashToken, newToken } from './mail.ts';

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
  const row = await ctx.store.plain
    .selectFrom('application')
    .innerJoin('programme', 'programme.id', 'application.programme_id')
    .innerJoin('host', 'host.id', 'programme.host_id')
    .leftJoin('person', 'person.id', 'application.person_id')
    .select([
      'application.id',
      'application.programme_id',
      'application.person_id',
      'application.status',
      'application.name',
      'application.submitted_at',
      'application.decided_at',
      'application.withdrawn_at',
      'programme.name as programme_name',
      'host.name as host_name',
      'person.user_id',
    ])
    .where('application.status_token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw unknownLink();
  if (row.status === 'accepted' && row.user_id)
    throw new Problem(
      'not-found',
      'This link has expired: your application was accepted and you have a Revans account now. Sign in to see your application.',
    );
  return row;
}

/** What the applicant sees: the programme, their status and dates; none of their answers (the link travels by email). */
export async function describeOwnApplication(ctx: AppContext, token: string) {
  const row = await resolveStatusToken(ctx, token);
  return {
    programme: { name: row.programme_name, hostName: row.host_name },
    name: row.name,
    status: row.status,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    withdrawnAt: row.withdrawn_at,
    canWithdraw: row.status !== 'withdrawn',
  };
}

/** Withdraws the link's application the way every withdrawal does; 409 if it is already withdrawn. */
export async function withdrawOwnApplication(ctx: AppContext, token: string) {
  const row = await resolveStatusToken(ctx, token);
  await withdraw(ctx, { programmeId: row.programme_id, personId: row.person_id, applicationId: row.id });
  return describeOwnApplication(ctx, token);
}
