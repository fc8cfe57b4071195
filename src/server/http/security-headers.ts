/**
 * The security headers, written once from PUBLIC_URL by helmet: the app sets the list on every answer,
 * and the same list goes on the few answers Node's HTTP parser makes before Fastify sees the request
 * (over-long headers, malformed requests).
 */
import helmet, { type HelmetOptions } from 'helmet';

/** The live socket's own address: only PUBLIC_URL's host, never any ws:/wss: host. */
function socketSources(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const scheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const sources = [`${scheme}//${url.host}`];
  // A default local install is reached as localhost or 127.0.0.1 alike.
  if (url.hostname === 'localhost') sources.push(`${scheme}//${url.host.replace('localhost', '127.0.0.1')}`);
  if (url.hostname === '127.0.0.1') sources.push(`${scheme}//${url.host.replace('127.0.0.1', 'localhost')}`);
  return sources;
}

function helmetOptions(publicUrl: string): HelmetOptions {
  const https = new URL(publicUrl).protocol === 'https:';
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...socketSources(publicUrl)],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    // Strict-Transport-Security over plain HTTP would pin a host to HTTPS that it does not serve.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/** The headers helmet sets with these options, as name/value pairs for a raw answer. */
export function staticSecurityHeaders(publicUrl: string): [string, string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers.push([name, String(value)]);
    },
    removeHeader: () => {},
  };
  helmet(helmetOptions(publicUrl))({} as never, response as never, () => {});
  return headers;
}
