import { describe, expect, it } from 'vitest';
import { signIn } from '../../contract/accounts.ts';
import { acceptInvitation } from '../../contract/invitations.ts';
import { runSetup } from '../../contract/setup.ts';
import { createWebI18n } from '../i18n.ts';
import { checkAgainst } from './check-against.ts';

const t = createWebI18n().t;

describe('form checks with the contract’s own rules', () => {
  it('calls an empty field missing, whichever rule it then fails', () => {
    expect(
      checkAgainst(signIn.body, { email: '  ', password: '' }, t, {
        email: 'Email address',
        password: 'Password',
      }),
    ).toEqual({ email: 'Email address is needed', password: 'Password is needed' });
  });

  it('explains an address that is not one, and a password shorter than the server takes', () => {
    const setup = {
      hostName: 'Northern Network',
      adminName: 'Ada Admin',
      email: 'ada@',
      password: 'short',
      timeZone: 'Europe/London',
      language: 'en',
    };
    expect(checkAgainst(runSetup.body, setup, t, { password: t('forms.password') })).toEqual({
      email: 'Enter an email address like name@example.org',
      password: 'Your password must be at least 10 characters long',
    });
  });

  it('passes what the server would take', () => {
    expect(checkAgainst(acceptInvitation.body, { password: 'a long enough password' }, t, {})).toEqual({});
  });
});
