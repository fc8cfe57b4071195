import { createCredentialAccount } from '../../src/server/auth/accounts.ts';
import { type TestApp, testPassword } from '../support/app.ts';
import type { World } from '../support/world.ts';

export async function ok(response: { statusCode: number; body: string }, expected = [200, 201, 204]) {
  if (!expected.includes(response.statusCode))
    throw new Error(`unexpected ${response.statusCode}: ${response.body}`);
  return response.body ? JSON.parse(response.body) : undefined;
}

/** Adds people with accounts as members of a set; returns their ids and session cookies. */
export async function addMembers(t: TestApp, w: World, setId: string, names: string[]) {
  const added: { id: string; cookie: string }[] = [];
  for (const name of names) {
    const email = `${name.toLowerCase()}@example.org`;
    const person = await ok(
      await t.call({
        method: 'POST',
        url: `/api/hosts/${w.hostId}/people`,
        cookie: w.cookies.admin,
        payload: { name: `${name} person`, email, organisationId: w.organisations[0], jobRole: 'Adviser' },
      }),
    );
    const userId = await createCredentialAccount(t.ctx, { email, name: person.name, password: testPassword });
    await t.ctx.store.plain
      .updateTable('person')
      .set({ user_id: userId })
      .where('id', '=', person.id)
      .execute();
    await ok(
      await t.call({
        method: 'POST',
        url: `/api/sets/${setId}/members`,
        cookie: w.cookies.admin,
        payload: { personId: person.id },
      }),
    );
    added.push({ id: person.id, cookie: await t.signIn(email) });
  }
  return added;
}
