/** Pure rules of single sign-on: which e-mail domains a provider serves, and where its issuer describes itself. */

/** Whether an e-mail address belongs to one of a provider's domains (no domains: any address). */
export function emailDomainAllowed(email: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  return domains.includes(email.slice(at + 1).toLowerCase());
}

/** The OpenID Connect discovery document of an issuer (RFC 8414 / OIDC Discovery 1.0, section 4). */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}
