// Single sign-on against a real OpenID Connect provider started by the test: the whole authorization-code
// exchange (its login and consent pages, the callback, ID-token verification), then who is let in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCredentialAccount } from '../../src/server/auth/accounts.ts';
import { cookieHeader, createTestApp, type TestApp, testOrigin, testPassword } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/server-process.ts';
import { setUpHost } from '../support/world.ts';

const accounts = [
  { email: 'ines@acme.example', password: 'idp-pass-1', name: 'Inès Invited', emailVerified: true },
  { email: 'paula@acme.example', password: 'idp-pass-2', name: 'Paula Password', emailVerified: true },
  { email: 'stranger@acme.example', password: 'idp-pass-3', name: 'Sam Stranger', emailVerified: true },
  { email: 'unverified@acme.example', password: 'idp-pass-4', name: 'Uma Unverified', emailVerified: false },
  { email: 'olga@other.example', password: 'idp-pass-5', name: 'Olga Other', emailVerified: true },
];

/** A browser's cookies for the provider's own origin. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }
  header() {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

/**
 * Goes through the provider as a person would: its login page, then its consent page, following its
 * redirects, until it sends the browser back to Revans' callback. Returns that callback URL.
 */
async function throughProvider(authorizeUrl: string, email: string, password: string): Promise<URL> {
  const jar = new Jar();
  let url = authorizeUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(testOrigin)) return new URL(url);
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    jar.take(response);
    method = 'GET';
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider stopped at ${url}: ${html.slice(0, 300)}`);
    method = 'POST';
    body = action.endsWith('/login') ? new URLSearchParams({ email, password }).toString() : '';
    url = new URL(action, url).href;
  }
  throw new Error('too many redirects at the provider');
}

describe.each(storeKinds)('single sign-on through a real OpenID provider, on %s', (kind) => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let hostId: string;
  let adminCookie: string;
  let providerRowId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const host = await setUpHost(t);
    hostId = host.hostId;
    adminCookie = host.cookie;
    idp = await startOidcProvider({
      redirectUris: [`${testOrigin}/api/auth/callback/sso-acme`],
      accounts,
    });
    const created = await t.call({
      method: 'POST',
      url: `/api/hosts/${hostId}/sso-providers`,
      cookie: adminCookie,
      payload: {
        slug: 'acme',
        name: 'Acme',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        domains: ['acme.example'],
        allowJoin: false,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    providerRowId = created.json().id;
    // Inès was invited (a person without an account yet); Paula already signs in with a password.
    for (const person of [
      { name: 'Inès Invited', email: 'ines@acme.example' },
      { name: 'Paula Password', email: 'paula@acme.example' },
    ]) {
      const r = await t.call({
        method: 'POST',
        url: `/api/hosts/${hostId}/people`,
        cookie: adminCookie,
        payload: person,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const paulaUser = await createCredentialAccount(t.ctx, {
      email: 'paula@acme.example',
      name: 'Paula Password',
      password: testPassword,
    });
    await t.ctx.store.plain
      .updateTable('person')
      .set({ user_id: paulaUser })
      .where('email', '=', 'paula@acme.example')
      .execute();
  }, 60_000);

  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  /** Starts at Revans' sign-in, goes through the provider, and lands back where Revans sends the browser. */
  async function signInThroughProvider(email: string, password: string) {
    const started = await t.call({
      method: 'POST',
      url: '/api/auth/sign-in/social',
      payload: { provider: 'sso-acme', callbackURL: '/', errorCallbackURL: '/sign-in' },
    });
    expect(started.statusCode, started.body).toBe(200);
    const { url } = started.json();
    expect(url.startsWith(`${idp.issuer}/`)).toBe(true);
    const callback = await throughProvider(url, email, password);
    expect(callback.pathname).toBe('/api/auth/callback/sso-acme');
    const landed = await t.call({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      cookie: cookieHeader(started),
    });
    expect(landed.statusCode, landed.body).toBe(302);
    const location = new URL(landed.headers.location as string, testOrigin);
    const cookie = cookieHeader(landed);
    return { location, cookie };
  }

  async function whoAmI(cookie: string) {
    const me = await t.call({ method: 'GET', url: '/api/me', cookie });
    return me.statusCode === 200 ? (me.json().person.email as string) : me.statusCode;
  }

  it('signs an invited person in and links their account by the verified e-mail', async () => {
    const { location, cookie } = await signInThroughProvider('ines@acme.example', 'idp-pass-1');
    expect(location.pathname).toBe('/');
    expect(await whoAmI(cookie)).toBe('ines@acme.example');
    const person = await t.ctx.store.plain
      .selectFrom('person')
      .select(['user_id'])
      .where('email', '=', 'ines@acme.example')
      .executeTakeFirstOrThrow();
    expect(person.user_id).not.toBeNull();
    expect(idp.shown.login).toBeGreaterThan(0);
    expect(idp.shown.consent).toBeGreaterThan(0);
  });

  it('links a person who already has a password to the same account', async () => {
    const { cookie } = await signInThroughProvider('paula@acme.example', 'idp-pass-2');
    expect(await whoAmI(cookie)).toBe('paula@acme.example');
    const accountsOfPaula = await t.ctx.store.plain
      .selectFrom('account')
      .innerJoin('user', 'user.id', 'account.userId')
      .select('account.providerId')
      .where('user.email', '=', 'paula@acme.example')
      .execute();
    expect(accountsOfPaula.map((a) => a.providerId).sort()).toEqual(['credential', 'sso-acme']);
  });

  it('refuses a person unknown to the host while joining is off, and lets them join once it is on', async () => {
    const refused = await signInThroughProvider('stranger@acme.example', 'idp-pass-3');
    expect(refused.location.pathname).toBe('/sign-in');
    expect(refused.location.searchParams.get('error')).toBe('sso_unknown_person');
    expect(refused.cookie).not.toContain('revans.session_token=');
    const users = await t.ctx.store.plain
      .selectFrom('user')
      .select('id')
      .where('email', '=', 'stranger@acme.example')
      .execute();
    expect(users).toEqual([]);

    const patched = await t.call({
      method: 'PATCH',
      url: `/api/hosts/${hostId}/sso-providers/${providerRowId}`,
      cookie: adminCookie,
      payload: { allowJoin: true },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const joined = await signInThroughProvider('stranger@acme.example', 'idp-pass-3');
    expect(await whoAmI(joined.cookie)).toBe('stranger@acme.example');
    const person = await t.ctx.store.plain
      .selectFrom('person')
      .select(['name', 'host_id'])
      .where('email', '=', 'stranger@acme.example')
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ name: 'Sam Stranger', host_id: hostId });
    await t.call({
      method: 'PATCH',
      url: `/api/hosts/${hostId}/sso-providers/${providerRowId}`,
      cookie: adminCookie,
      payload: { allowJoin: false },
    });
  });

  it('refuses an e-mail the provider has not verified, and one of a domain it does not serve', async () => {
    const unverified = await signInThroughProvider('unverified@acme.example', 'idp-pass-4');
    expect(unverified.location.pathname).toBe('/sign-in');
    expect(unverified.location.searchParams.get('error')).toBe('sso_unverified_email');

    const other = await signInThroughProvider('olga@other.example', 'idp-pass-5');
    expect(other.location.pathname).toBe('/sign-in');
    expect(other.location.searchParams.get('error')).toBe('sso_other_domain');
  });
});

describe('a provider that cannot be reached', () => {
  it('answers the sign-in page at once with a refusal, not an error or a wait', async () => {
    const t = await createTestApp('sqlite');
    try {
      const host = await setUpHost(t);
      // Nothing listens on this port.
      const issuer = `http://127.0.0.1:${await freePort()}`;
      const created = await t.call({
        method: 'POST',
        url: `/api/hosts/${host.hostId}/sso-providers`,
        cookie: host.cookie,
        payload: {
          slug: 'gone',
          name: 'Gone',
          issuer,
          clientId: 'x',
          clientSecret: 'y',
          domains: [],
          allowJoin: false,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const started = Date.now();
      const answer = await t.call({
        method: 'POST',
        url: '/api/auth/sign-in/social',
        payload: { provider: 'sso-gone', callbackURL: '/', errorCallbackURL: '/sign-in' },
      });
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode).toBeLessThan(500);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      await t.close();
    }
  });
});
