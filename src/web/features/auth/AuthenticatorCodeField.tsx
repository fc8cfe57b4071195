import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field.tsx';

/** The code from an authenticator app: a number pad on phones, and the one-time code a device may offer. */
export function AuthenticatorCodeField(props: Omit<ComponentProps<typeof TextField>, 'label'>) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('signIn.twoFactor.code')}
      inputMode="numeric"
      autoComplete="one-time-code"
      {...props}
    />
  );
}
