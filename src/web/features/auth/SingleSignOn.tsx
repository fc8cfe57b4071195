import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../contract/route.ts';
import type { signInOptions, signInSocial } from '../../../contract/security.ts';
import { call, routeRef } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { Button } from '../../ui/Button.tsx';

type Providers = ResponseOf<typeof signInOptions>['providers'];
const socialRoute = routeRef<typeof signInSocial>('POST', '/api/auth/sign-in/social');

/** Codes a refused single sign-on comes back with (`/sign-in?error=…`), each with its own explanation. */
const knownErrors = [
  'sso_unknown_person',
  'sso_other_domain',
  'sso_unverified_email',
  'sso_archived',
  'account_not_linked',
  'access_denied',
] as const;

export function ssoErrorMessage(t: TFunction, code: string): string {
  const known = (knownErrors as readonly string[]).includes(code) ? code : 'other';
  return t(`signIn.sso.errors.${known}`);
}

/** "Sign in with <provider>": the browser leaves for the provider and comes back signed in. */
export function SingleSignOn({ providers, next }: { providers: Providers; next: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const start = async (providerId: string) => {
    setBusy(providerId);
    setFailed(null);
    try {
      const answer = await call(socialRoute, {
        body: { provider: providerId, callbackURL: next, errorCallbackURL: '/sign-in' },
      });
      window.location.assign(answer.url);
    } catch (error) {
      setBusy(null);
      setFailed(
        isProblem(error) && error.code === 'network' ? t('errors.network') : t('signIn.sso.unavailable'),
      );
    }
  };

  return (
    <section className="sso" aria-labelledby="sso-heading">
      <h2 id="sso-heading" className="sso__heading">
        {t('signIn.sso.heading')}
      </h2>
      {failed ? (
        <p className="field__error" role="alert">
          {failed}
        </p>
      ) : null}
      <ul className="sso__providers">
        {providers.map((p) => (
          <li key={p.providerId}>
            <Button
              variant="secondary"
              busy={busy === p.providerId}
              busyLabel={t('signIn.sso.leaving')}
              onClick={() => start(p.providerId)}
            >
              {t('signIn.sso.with', { name: p.name })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
