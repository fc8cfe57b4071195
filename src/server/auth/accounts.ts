import { audit, personLabel } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { conflict } from '../http/problem.ts';
import { withAccounts } from './accounts-context.ts';

/** Creates a better-auth user with an email + password credential (sign-up itself is closed). */
export async function createCredentialAccount(
  ctx: AppContext,
  input: { email: string; name: string; password: string },
): Promise<string> {
  return withAccounts(async () => {
    const auth = await ctx.auth.$context;
    if (await auth.internalAdapter.findUserByEmail(input.email)) {
      throw conflict('An account with this email address already exists. Sign in instead.', 'body.email');
    }
    const user = await auth.internalAdapter.createUser(
      { email: input.email, name: input.name, emailVerified: true },
      { method: 'email-password' },
    );
    await auth.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: await auth.password.hash(input.password),
    });
    return user.id;
  });
}

export async function deleteAccount(ctx: AppContext, userId: string): Promise<void> {
  await withAccounts(async () => {
    const auth = await ctx.auth.$context;
    await auth.internalAdapter.deleteUser(userId);
  });
}

/** Signs the person in as if they had used the sign-in form, returning the session cookies to set. */
export async function signInCookies(ctx: AppContext, email: string, password: string, headers: Headers) {
  const response = await withAccounts(() =>
    ctx.auth.api.signInEmail({ body: { email, password }, headers, asResponse: true }),
  );
  if (response.ok) {
    // A first sign-in (first-run setup, an accepted invitation) is a sign-in for the audit trail too.
    const signedIn = (await response.clone().json()) as { user?: { id?: string } };
    const person = signedIn.user?.id
      ? await ctx.db
          .selectFrom('person')
          .select(['id', 'hostId', 'name', 'email'])
          .where('userId', '=', signedIn.user.id)
          .executeTakeFirst()
      : undefined;
    if (person)
      await audit(ctx, {
        hostId: person.hostId,
        actorId: person.id,
        action: 'auth.signIn',
        target: { type: 'person', id: person.id, label: personLabel(person) },
        details: { firstSignIn: true },
      });
  }
  return response.headers.getSetCookie();
}
