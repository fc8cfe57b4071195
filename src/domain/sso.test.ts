import { describe, expect, it } from 'vitest';
import { discoveryUrl, emailDomainAllowed } from './sso.ts';

describe('emailDomainAllowed', () => {
  it('lets any address through a provider that names no domains', () => {
    expect(emailDomainAllowed('someone@anywhere.example', [])).toBe(true);
  });

  it('takes only the named domains, whatever the case of the address', () => {
    const domains = ['acme.example', 'acme.co.uk'];
    expect(emailDomainAllowed('Ines@ACME.example', domains)).toBe(true);
    expect(emailDomainAllowed('ines@acme.co.uk', domains)).toBe(true);
    expect(emailDomainAllowed('ines@other.example', domains)).toBe(false);
  });

  it('does not take a subdomain or a look-alike for the domain', () => {
    const domains = ['acme.example'];
    expect(emailDomainAllowed('ines@mail.acme.example', domains)).toBe(false);
    expect(emailDomainAllowed('ines@evilacme.example', domains)).toBe(false);
    expect(emailDomainAllowed('acme.example', domains)).toBe(false);
  });

  it('reads the domain after the last @', () => {
    expect(emailDomainAllowed('"a@acme.example"@other.example', ['acme.example'])).toBe(false);
  });
});

describe('discoveryUrl', () => {
  it('appends the well-known path to the issuer, with or without a trailing slash', () => {
    expect(discoveryUrl('https://login.example/tenant/v2.0')).toBe(
      'https://login.example/tenant/v2.0/.well-known/openid-configuration',
    );
    expect(discoveryUrl('https://accounts.example/')).toBe(
      'https://accounts.example/.well-known/openid-configuration',
    );
  });
});
