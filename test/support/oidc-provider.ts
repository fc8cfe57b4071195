// A real OpenID Connect provider for tests (the `oidc-provider` package), on a free loopback port: one
// confidential client registered for Revans' callback URL, people who sign in with an e-mail and a
// password on its own login page, and its own consent page. Nothing in it is fetched from outside.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './server-process.ts';

export interface OidcAccount {
  email: string;
  password: string;
  name: string;
  /** Whether the provider vouches for the e-mail address (the `email_verified` claim). */
  emailVerified: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How many times each page was shown, for tests that prove the browser went through them. */
  shown: { login: number; consent: number };
  close(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export async function startOidcProvider(options: {
  /** The redirect URIs Revans will use, e.g. `${baseUrl}/api/auth/callback/sso-acme`. */
  redirectUris: string[];
  accounts: OidcAccount[];
  clientId?: string;
  clientSecret?: string;
}): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = options.clientId ?? 'revans-test-client';
  const clientSecret = options.clientSecret ?? 'revans-test-client-secret-0123456789';
  const byEmail = new Map(options.accounts.map((a) => [a.email.toLowerCase(), a]));
  const shown = { login: 0, consent: 0 };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx, sub) {
      const account = byEmail.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified, name: account.name };
        },
      };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
    // The journey checks the whole exchange, not token lifetimes.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 120,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
  });

  const callback = provider.callback();

  async function interaction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    action: string | undefined,
  ) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, page('Wrong interaction', '<p>Start again.</p>'));
    if (req.method === 'GET' && details.prompt.name === 'login') {
      shown.login++;
      return send(
        res,
        200,
        page(
          'Acme sign-in',
          `<form method="post" action="/interaction/${uid}/login">
            <p><label for="email">E-mail</label><input id="email" name="email" type="email" required></p>
            <p><label for="password">Password</label><input id="password" name="password" type="password" required></p>
            <button type="submit">Sign in to Acme</button></form>`,
        ),
      );
    }
    if (req.method === 'GET' && details.prompt.name === 'consent') {
      shown.consent++;
      return send(
        res,
        200,
        page(
          'Allow access',
          `<p>Revans asks to know your name and e-mail address.</p>
          <form method="post" action="/interaction/${uid}/consent"><button type="submit">Allow</button></form>`,
        ),
      );
    }
    if (req.method === 'POST' && action === 'login') {
      const form = await formBody(req);
      const account = byEmail.get((form.get('email') ?? '').toLowerCase());
      if (!account || account.password !== form.get('password')) {
        return send(res, 200, page('Acme sign-in', '<p role="alert">Wrong e-mail or password.</p>'));
      }
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: account.email.toLowerCase() } },
        { mergeWithLastSubmission: false },
      );
    }
    if (req.method === 'POST' && action === 'consent') {
      const { prompt, params, session } = details;
      const grant = new provider.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
      const missing = prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      return provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    }
    return send(res, 400, page('Not expected', '<p>This step is not part of the test provider.</p>'));
  }

  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (match) {
      interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, page('Error', `<p>${escapeHtml(String(error))}</p>`));
      });
      return;
    }
    callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    issuer,
    clientId,
    clientSecret,
    shown,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
