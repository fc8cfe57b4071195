import type { TestApp } from '../support/app.ts';

/** Answers a person gives on the application form, with the consent of the wording the form showed. */
export function answers(overrides: Record<string, unknown> = {}, consentVersion = '2026-1') {
  return {
    organisation: 'Oxfam',
    role: 'Learning adviser',
    themes: ['knowledge management'],
    languages: ['en'],
    timeZone: 'Europe/London',
    availability: ['mon-am', 'wed-pm'],
    hopes: 'Experience of running peer learning.',
    mustAvoid: [],
    consent: { version: consentVersion, groundRules: true, confidentiality: true, dataUse: true },
    ...overrides,
  };
}

export async function openLink(t: TestApp, programmeId: string, cookie: string): Promise<string> {
  const response = await t.call({
    method: 'POST',
    url: `/api/programmes/${programmeId}/application-link`,
    cookie,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return new URL(response.json().url).pathname.split('/').at(-1)!;
}

export async function setStatus(t: TestApp, programmeId: string, cookie: string, status: string) {
  return t.call({ method: 'PATCH', url: `/api/programmes/${programmeId}`, cookie, payload: { status } });
}
