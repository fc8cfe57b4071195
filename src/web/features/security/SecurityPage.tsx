import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderSVG } from 'uqr';
import type { ResponseOf } from '../../../contract/route.ts';
import {
  disableTwoFactor,
  enableTwoFactor,
  getMySecurity,
  listMyDevices,
  signOutDevice,
  signOutOtherDevices,
  verifyTotp,
} from '../../../contract/security.ts';
import { call, useRoute } from '../../api/call.ts';
import { isProblem, ProblemError } from '../../api/client.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { type Form, useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';
import { useTwoFactorGate } from './TwoFactorGate.tsx';

type Security = ResponseOf<typeof getMySecurity>;
type Setup = ResponseOf<typeof enableTwoFactor>;

/** Your own sign-in security: the second factor and the devices you are signed in on. */
export function SecurityPage() {
  const { t } = useTranslation();
  const security = useRoute(getMySecurity, {});
  useTitle(t('security.title'));
  const mustSetUp = security.data
    ? security.data.twoFactorRequired && !security.data.twoFactorEnabled
    : false;

  return (
    <section className="page">
      <PageHeader title={t('security.title')} lead={t('security.lead')} />
      {mustSetUp ? (
        <div className="callout callout--warning" role="alert">
          <p>{t('security.twoFactor.requiredNotice')}</p>
        </div>
      ) : null}
      {security.error ? <LoadError error={security.error} retry={security.reload} /> : null}
      {!security.data && !security.error ? <Loading /> : null}
      {security.data ? <TwoFactorSection security={security.data} reload={security.reload} /> : null}
      {mustSetUp ? null : <DevicesSection />}
    </section>
  );
}

function TwoFactorSection({ security, reload }: { security: Security; reload(): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const gate = useTwoFactorGate();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useForm('two-factor-start', { password: '' });
  const confirm = useForm('two-factor-confirm', { code: '' });
  const stop = useForm('two-factor-stop', { password: '' });

  const wrongPassword = (error: unknown) =>
    isProblem(error) && (error.status === 400 || error.status === 401)
      ? new ProblemError({
          status: error.status,
          code: error.code,
          detail: t('security.twoFactor.wrongPassword'),
        })
      : error;

  const begin = async (v: typeof start.values) => {
    try {
      const answer = await call(enableTwoFactor, {
        body: security.hasPassword ? { password: v.password } : {},
      });
      setSetup(answer);
    } catch (error) {
      throw wrongPassword(error);
    }
  };

  const finish = async (v: typeof confirm.values) => {
    try {
      await call(verifyTotp, { body: { code: v.code.trim() } });
    } catch (error) {
      if (isProblem(error) && error.status === 401)
        throw new ProblemError({ status: 401, code: error.code, detail: t('signIn.twoFactor.wrongCode') });
      throw error;
    }
    setCodes(setup?.backupCodes ?? []);
    setSetup(null);
    announce(t('security.twoFactor.turnedOn'));
  };

  const turnOff = async (v: typeof stop.values) => {
    try {
      await call(disableTwoFactor, { body: security.hasPassword ? { password: v.password } : {} });
    } catch (error) {
      throw wrongPassword(error);
    }
    announce(t('security.twoFactor.turnedOff'));
    reload();
    void gate?.reload();
  };

  const secret = setup ? (new URL(setup.totpURI).searchParams.get('secret') ?? '') : '';

  return (
    <section className="panel" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t('security.twoFactor.heading')}</h2>
      {codes ? (
        <div>
          <div className="callout callout--info">
            <p>{t('security.twoFactor.recoveryLead')}</p>
          </div>
          <ul className="recovery-codes" aria-label={t('security.twoFactor.recoveryCodes')}>
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <Button
            onClick={() => {
              setCodes(null);
              reload();
              void gate?.reload();
            }}
          >
            {t('security.twoFactor.savedCodes')}
          </Button>
        </div>
      ) : setup ? (
        <div>
          <p>{t('security.twoFactor.scan')}</p>
          <img
            className="qr-code"
            width={200}
            height={200}
            src={`data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(setup.totpURI))}`}
            alt={t('security.twoFactor.qrAlt')}
          />
          <p>
            {t('security.twoFactor.orEnter')} <code data-testid="totp-secret">{secret}</code>
          </p>
          <form
            noValidate
            onSubmit={confirm.handleSubmit(finish, (v) =>
              checkAgainst(verifyTotp.body, { code: v.code }, t, { code: t('signIn.twoFactor.code') }),
            )}
          >
            <ErrorSummary
              errors={confirm.errors}
              problem={confirm.problem}
              attempt={confirm.attempt}
              idFor={confirm.idFor}
            />
            <TextField
              label={t('signIn.twoFactor.code')}
              hint={t('security.twoFactor.confirmHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              {...confirm.field('code')}
            />
            <div className="form-actions">
              <Button type="submit" busy={confirm.submitting} busyLabel={t('security.twoFactor.confirming')}>
                {t('security.twoFactor.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setSetup(null)}>
                {t('security.cancel')}
              </Button>
            </div>
          </form>
        </div>
      ) : security.twoFactorEnabled ? (
        <div>
          <p>{t('security.twoFactor.on')}</p>
          <PasswordForm form={stop} askPassword={security.hasPassword} onSubmit={turnOff}>
            {security.twoFactorRequired ? (
              <p className="muted">{t('security.twoFactor.requiredOff')}</p>
            ) : null}
            <Button
              type="submit"
              variant="danger"
              busy={stop.submitting}
              busyLabel={t('security.twoFactor.turningOff')}
            >
              {t('security.twoFactor.turnOff')}
            </Button>
          </PasswordForm>
        </div>
      ) : (
        <div>
          <p>{t('security.twoFactor.off')}</p>
          <PasswordForm
            form={start}
            askPassword={security.hasPassword}
            hint={t('security.twoFactor.passwordHint')}
            onSubmit={begin}
          >
            <Button type="submit" busy={start.submitting} busyLabel={t('security.twoFactor.starting')}>
              {t('security.twoFactor.turnOn')}
            </Button>
          </PasswordForm>
        </div>
      )}
    </section>
  );
}

/** Turning the second factor on or off: the account's password first, where it has one. */
function PasswordForm({
  form,
  askPassword,
  hint,
  onSubmit,
  children,
}: {
  form: Form<{ password: string }>;
  askPassword: boolean;
  hint?: string;
  onSubmit(values: { password: string }): Promise<void>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      {askPassword ? (
        <TextField
          label={t('security.twoFactor.password')}
          hint={hint}
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
        />
      ) : null}
      {children}
    </form>
  );
}

function DevicesSection() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const announce = useAnnounce();
  const devices = useRoute(listMyDevices, {});
  const list = devices.data?.devices ?? [];
  const others = list.filter((d) => !d.thisDevice).length;

  return (
    <section className="panel" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t('security.devices.heading')}</h2>
      <p className="muted">{t('security.devices.lead')}</p>
      {devices.error ? <LoadError error={devices.error} retry={devices.reload} /> : null}
      {!devices.data && !devices.error ? <Loading /> : null}
      {devices.data ? (
        <DataTable
          caption={t('security.devices.heading')}
          busy={devices.loading}
          columns={[
            { label: t('security.devices.device') },
            { label: t('security.devices.place') },
            { label: t('security.devices.signedInAt') },
            { label: t('security.devices.lastActive') },
            { label: t('security.devices.actions'), hidden: true },
          ]}
        >
          {list.map((d) => {
            const name = t('security.devices.name', {
              browser: d.browser === 'Unknown' ? t('security.devices.unknownBrowser') : d.browser,
              os: d.os === 'Unknown' ? t('security.devices.unknownSystem') : d.os,
            });
            return (
              <tr key={d.id}>
                <th scope="row">
                  {name}
                  {d.thisDevice ? ' ' : null}
                  {d.thisDevice ? (
                    <span className="badge badge--info">{t('security.devices.thisDevice')}</span>
                  ) : null}
                </th>
                <td>{d.ipAddress ?? t('security.devices.unknownPlace')}</td>
                <td>{time.dateTime(d.signedInAt)}</td>
                <td>{time.dateTime(d.lastActiveAt)}</td>
                <td>
                  {d.thisDevice ? null : (
                    <ConfirmButton
                      small
                      label={
                        <>
                          {t('security.devices.signOut')}
                          <span className="visually-hidden"> {name}</span>
                        </>
                      }
                      title={t('security.devices.signOutTitle', { name })}
                      message={t('security.devices.signOutMessage')}
                      confirmLabel={t('security.devices.signOut')}
                      onConfirm={async () => {
                        await call(signOutDevice, { params: { id: d.id } });
                        announce(t('security.devices.signedOut', { name }));
                        devices.reload();
                      }}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {others > 0 ? (
        <ConfirmButton
          label={t('security.devices.signOutOthers')}
          title={t('security.devices.signOutOthersTitle')}
          message={t('security.devices.signOutOthersMessage', { count: others })}
          confirmLabel={t('security.devices.signOutOthers')}
          onConfirm={async () => {
            const { signedOut } = await call(signOutOtherDevices, { body: {} });
            announce(t('security.devices.signedOutOthers', { count: signedOut }));
            devices.reload();
          }}
        />
      ) : null}
    </section>
  );
}
