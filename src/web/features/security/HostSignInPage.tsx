import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../contract/route.ts';
import {
  createSsoProvider,
  deleteSsoProvider,
  getSignInPolicy,
  listSsoProviders,
  updateSignInPolicy,
  updateSsoProvider,
} from '../../../contract/security.ts';
import { call, useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';

type Provider = ResponseOf<typeof listSsoProviders>['providers'][number];

/** For host admins: how people sign in (single sign-on providers, and the two-factor requirement). */
export function HostSignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = me.abilities['host.configureSso'];
  const hostId = me.host.id;
  const providers = useRoute(listSsoProviders, allowed ? { params: { hostId } } : null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const announce = useAnnounce();
  useTitle(t('hostSignIn.title'));
  if (!allowed) return <NotFoundPage />;

  return (
    <section className="page">
      <PageHeader title={t('hostSignIn.title')} lead={t('hostSignIn.lead')} />
      {me.abilities['host.requireTwoFactor'] ? <PolicySection hostId={hostId} /> : null}
      <section className="panel" aria-labelledby="sso-providers-heading">
        <h2 id="sso-providers-heading">{t('hostSignIn.sso.heading')}</h2>
        <p className="muted">{t('hostSignIn.sso.lead')}</p>
        {providers.error ? <LoadError error={providers.error} retry={providers.reload} /> : null}
        {!providers.data && !providers.error ? <Loading /> : null}
        {providers.data && providers.data.providers.length === 0 && editing !== 'new' ? (
          <EmptyState title={t('hostSignIn.sso.emptyTitle')}>{t('hostSignIn.sso.empty')}</EmptyState>
        ) : null}
        {providers.data?.providers.map((p) =>
          editing === p.id ? (
            <ProviderForm
              key={p.id}
              hostId={hostId}
              provider={p}
              onDone={(saved) => {
                setEditing(null);
                if (saved) announce(t('hostSignIn.sso.saved', { name: saved }));
                providers.reload();
              }}
            />
          ) : (
            <article key={p.id} className="card sso-provider" aria-labelledby={`sso-${p.id}`}>
              <h3 id={`sso-${p.id}`}>{p.name}</h3>
              <dl className="details">
                <div className="details__row">
                  <dt>{t('hostSignIn.sso.issuer')}</dt>
                  <dd>{p.issuer}</dd>
                </div>
                <div className="details__row">
                  <dt>{t('hostSignIn.sso.clientId')}</dt>
                  <dd>{p.clientId}</dd>
                </div>
                <div className="details__row">
                  <dt>{t('hostSignIn.sso.clientSecret')}</dt>
                  <dd>
                    {p.clientSecretSet ? t('hostSignIn.sso.secretSet') : t('hostSignIn.sso.secretMissing')}
                  </dd>
                </div>
                <div className="details__row">
                  <dt>{t('hostSignIn.sso.domains')}</dt>
                  <dd>{p.domains.length ? p.domains.join(', ') : t('hostSignIn.sso.anyDomain')}</dd>
                </div>
                <div className="details__row">
                  <dt>{t('hostSignIn.sso.joining')}</dt>
                  <dd>{p.allowJoin ? t('hostSignIn.sso.joinAllowed') : t('hostSignIn.sso.joinKnownOnly')}</dd>
                </div>
                <div className="details__row">
                  <dt>{t('hostSignIn.sso.status')}</dt>
                  <dd>{p.enabled ? t('hostSignIn.sso.enabled') : t('hostSignIn.sso.disabled')}</dd>
                </div>
                <div className="details__row">
                  <dt>{t('hostSignIn.sso.callbackUrl')}</dt>
                  <dd>
                    <code>{p.callbackUrl}</code>
                  </dd>
                </div>
              </dl>
              <div className="form-actions">
                <Button variant="secondary" small onClick={() => setEditing(p.id)}>
                  {t('hostSignIn.sso.edit')}
                  <span className="visually-hidden"> {p.name}</span>
                </Button>
                <ConfirmButton
                  small
                  label={
                    <>
                      {t('hostSignIn.sso.remove')}
                      <span className="visually-hidden"> {p.name}</span>
                    </>
                  }
                  title={t('hostSignIn.sso.removeTitle', { name: p.name })}
                  message={t('hostSignIn.sso.removeMessage')}
                  confirmLabel={t('hostSignIn.sso.remove')}
                  onConfirm={async () => {
                    await call(deleteSsoProvider, { params: { hostId, providerId: p.id } });
                    announce(t('hostSignIn.sso.removed', { name: p.name }));
                    providers.reload();
                  }}
                />
              </div>
            </article>
          ),
        )}
        {editing === 'new' ? (
          <ProviderForm
            hostId={hostId}
            onDone={(saved) => {
              setEditing(null);
              if (saved) announce(t('hostSignIn.sso.added', { name: saved }));
              providers.reload();
            }}
          />
        ) : (
          <Button onClick={() => setEditing('new')}>{t('hostSignIn.sso.add')}</Button>
        )}
      </section>
    </section>
  );
}

function PolicySection({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const policy = useRoute(getSignInPolicy, { params: { hostId } });
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <section className="panel" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{t('hostSignIn.policy.heading')}</h2>
      {policy.error ? <LoadError error={policy.error} retry={policy.reload} /> : null}
      {failed ? (
        <p className="field__error" role="alert">
          {t('hostSignIn.policy.failed')}
        </p>
      ) : null}
      {policy.data ? (
        <CheckboxField
          id="require-two-factor"
          label={t('hostSignIn.policy.requireTwoFactor')}
          hint={t('hostSignIn.policy.requireTwoFactorHint')}
          checked={policy.data.requireTwoFactor}
          aria-busy={busy || undefined}
          onChange={async (e) => {
            if (busy) return;
            const requireTwoFactor = e.target.checked;
            setBusy(true);
            setFailed(false);
            // Shown at once; the server's answer confirms it (or puts it back).
            policy.setData({ requireTwoFactor });
            try {
              const saved = await call(updateSignInPolicy, {
                params: { hostId },
                body: { requireTwoFactor },
              });
              policy.setData(saved);
              announce(
                saved.requireTwoFactor
                  ? t('hostSignIn.policy.nowRequired')
                  : t('hostSignIn.policy.nowOptional'),
              );
            } catch {
              setFailed(true);
              await policy.reload();
            } finally {
              setBusy(false);
            }
          }}
        />
      ) : (
        <Loading />
      )}
    </section>
  );
}

const domainsOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);

function ProviderForm({
  hostId,
  provider,
  onDone,
}: {
  hostId: string;
  provider?: Provider;
  onDone(savedName: string | null): void;
}) {
  const { t } = useTranslation();
  const form = useForm(provider ? `sso-edit-${provider.id}` : 'sso-new', {
    slug: provider?.slug ?? '',
    name: provider?.name ?? '',
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    clientSecret: '',
    domains: provider?.domains.join(', ') ?? '',
    allowJoin: provider?.allowJoin ?? false,
    enabled: provider?.enabled ?? true,
  });
  const labels = {
    slug: t('hostSignIn.sso.slug'),
    name: t('hostSignIn.sso.name'),
    issuer: t('hostSignIn.sso.issuer'),
    clientId: t('hostSignIn.sso.clientId'),
    clientSecret: t('hostSignIn.sso.clientSecret'),
    domains: t('hostSignIn.sso.domains'),
  };
  const common = (v: typeof form.values) => ({
    name: v.name,
    issuer: v.issuer.trim(),
    clientId: v.clientId,
    domains: domainsOf(v.domains),
    allowJoin: Boolean(v.allowJoin),
    enabled: Boolean(v.enabled),
  });

  const submit = async (v: typeof form.values) => {
    if (provider) {
      await call(updateSsoProvider, {
        params: { hostId, providerId: provider.id },
        body: { ...common(v), ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}) },
      });
    } else {
      await call(createSsoProvider, {
        params: { hostId },
        body: { ...common(v), slug: v.slug, clientSecret: v.clientSecret },
      });
    }
    onDone(v.name);
  };
  const validate = (v: typeof form.values) => {
    const errors = provider
      ? checkAgainst(
          updateSsoProvider.body,
          { ...common(v), ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}) },
          t,
          labels,
        )
      : checkAgainst(
          createSsoProvider.body,
          { ...common(v), slug: v.slug, clientSecret: v.clientSecret },
          t,
          labels,
        );
    // A wrong domain is reported on the one field that holds them all.
    for (const key of Object.keys(errors))
      if (key.startsWith('domains.')) {
        errors.domains = errors[key]!;
        delete errors[key];
      }
    return errors;
  };

  return (
    <form
      className="card"
      noValidate
      aria-label={provider ? t('hostSignIn.sso.editTitle', { name: provider.name }) : t('hostSignIn.sso.add')}
      onSubmit={form.handleSubmit(submit, validate)}
    >
      <h3>{provider ? t('hostSignIn.sso.editTitle', { name: provider.name }) : t('hostSignIn.sso.add')}</h3>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField label={labels.name} hint={t('hostSignIn.sso.nameHint')} {...form.field('name')} />
      {provider ? null : (
        <TextField
          label={labels.slug}
          hint={t('hostSignIn.sso.slugHint')}
          spellCheck={false}
          {...form.field('slug')}
        />
      )}
      <TextField
        label={labels.issuer}
        hint={t('hostSignIn.sso.issuerHint')}
        type="url"
        spellCheck={false}
        {...form.field('issuer')}
      />
      <TextField label={labels.clientId} spellCheck={false} {...form.field('clientId')} />
      <TextField
        label={labels.clientSecret}
        hint={provider ? t('hostSignIn.sso.secretKeepHint') : t('hostSignIn.sso.secretHint')}
        type="password"
        autoComplete="off"
        optional={Boolean(provider)}
        {...form.field('clientSecret')}
      />
      <TextField
        label={labels.domains}
        hint={t('hostSignIn.sso.domainsHint')}
        optional
        spellCheck={false}
        {...form.field('domains')}
      />
      <CheckboxField
        label={t('hostSignIn.sso.allowJoin')}
        hint={t('hostSignIn.sso.allowJoinHint')}
        {...form.checkbox('allowJoin')}
      />
      <CheckboxField label={t('hostSignIn.sso.enabledLabel')} {...form.checkbox('enabled')} />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('hostSignIn.sso.saving')}>
          {provider ? t('hostSignIn.sso.save') : t('hostSignIn.sso.create')}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t('security.cancel')}
        </Button>
      </div>
    </form>
  );
}
