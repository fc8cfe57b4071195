/**
 * Server text in the reader's language (issue 13): problem details follow the signed-in person's language,
 * else the web app's language cookie, else Accept-Language; English where a sentence is not translated.
 * The French sentences here stand in for src/i18n/problems.fr.json, whatever its state.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { storeKinds } from '../support/databases.ts';
import { buildWorld, type World } from '../support/world.ts';

const french = {
  'There is no {{what}} here, or you cannot see it.':
    "Il n'y a pas de {{what}} ici, ou vous ne pouvez pas le voir.",
  set: 'groupe',
  'Not found': 'Introuvable',
  'Please sign in': 'Veuillez vous connecter',
  'Some of the information sent is not valid': 'Certaines informations envoyées ne sont pas valides',
  'Please correct: {{details}}.': 'Veuillez corriger : {{details}}.',
  '{{field}} is required': '{{field}} est obligatoire',
};

describe.each(storeKinds)('problems in the reader’s language, on %s', (kind) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildWorld(t);
    t.ctx.i18n.addResourceBundle('fr', 'problems', french, true, true);
  });
  afterAll(() => t.close());

  const missingSet = (headers: Record<string, string>, cookie?: string) =>
    t.call({ method: 'GET', url: `/api/sets/${randomUUID()}`, headers, cookie });

  it('speaks English by default, the placeholder filled', async () => {
    const response = await missingSet({}, w.cookies.memberA);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      title: 'Not found',
      detail: 'There is no set here, or you cannot see it.',
    });
  });

  it('follows the signed-in person’s own language, over what the browser asks for', async () => {
    const saved = await t.call({
      method: 'PATCH',
      url: `/api/people/${w.people.memberA2}`,
      payload: { language: 'fr' },
      cookie: w.cookies.memberA2,
    });
    expect(saved.statusCode).toBe(200);
    const response = await missingSet({ 'accept-language': 'es' }, w.cookies.memberA2);
    expect(response.json()).toMatchObject({
      code: 'not-found',
      title: 'Introuvable',
      detail: "Il n'y a pas de groupe ici, ou vous ne pouvez pas le voir.",
    });
  });

  it('answers a signed-out visitor in the language of the web app’s cookie, else Accept-Language', async () => {
    const byCookie = await t.call({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: 'revans_language=fr', 'accept-language': 'en' },
    });
    expect(byCookie.statusCode).toBe(401);
    expect(byCookie.json().title).toBe('Veuillez vous connecter');
    const byHeader = await t.call({
      method: 'GET',
      url: '/api/me',
      headers: { 'accept-language': 'de-DE, fr-CA;q=0.8, en;q=0.5' },
    });
    expect(byHeader.json().title).toBe('Veuillez vous connecter');
    const unknown = await t.call({ method: 'GET', url: '/api/me', headers: { 'accept-language': 'de' } });
    expect(unknown.json().title).toBe('Please sign in');
  });

  it('translates field errors, and keeps English for a sentence not yet translated', async () => {
    const response = await t.call({
      method: 'POST',
      url: `/api/hosts/${w.hostId}/programmes`,
      payload: { name: 42 },
      cookie: w.cookies.memberA2,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.title).toBe('Certaines informations envoyées ne sont pas valides');
    expect(body.errors).toContainEqual({ field: 'body.name', message: 'name est obligatoire' });
    expect(body.detail).toMatch(/^Veuillez corriger : name est obligatoire/);
    const english = await t.call({
      method: 'POST',
      url: `/api/hosts/${w.hostId}/programmes`,
      payload: { name: 42 },
      cookie: w.cookies.memberA,
    });
    expect(english.json().errors).toContainEqual({ field: 'body.name', message: 'name is required' });
  });

  it('tells a signed-out visitor the host’s default language', async () => {
    await t.call({
      method: 'PATCH',
      url: `/api/hosts/${w.hostId}`,
      payload: { defaultLanguage: 'es' },
      cookie: w.cookies.admin,
    });
    const status = await t.call({ method: 'GET', url: '/api/setup' });
    expect(status.json()).toMatchObject({ needed: false, signedIn: false, defaultLanguage: 'es' });
  });
});
