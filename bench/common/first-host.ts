/**
 * Sets up a fresh Revans as its first visitor would (`POST /api/setup`) and returns the session cookie of
 * the host's admin it creates, for the benchmark's signed-in requests.
 */
export async function setUpFirstHost(
  serverUrl: string,
  host: { hostName: string; adminName: string; email: string },
  origin: string = serverUrl,
): Promise<string> {
  const setup = await fetch(`${serverUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ ...host, password: 'a long enough password', timeZone: 'Europe/London' }),
  });
  if (!setup.ok) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  return setup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
