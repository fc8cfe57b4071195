import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

/** Walks the OpenAPI document, so every route added later is covered without editing this test. */
describe('every non-public API route refuses anonymous requests', () => {
  let t: TestApp;
  let operations: { method: string; path: string; isPublic: boolean }[] = [];

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const doc = (await t.call({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    operations = Object.entries(
      doc.paths as Record<string, Record<string, { security?: unknown[] }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
  });
  afterAll(() => t.close());

  it('documents the API with a session cookie scheme and at least the foundation routes', () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(
      operations
        .filter((o) => o.isPublic)
        .map((o) => `${o.method} ${o.path}`)
        .sort(),
    ).toEqual([
      'GET /api/apply/{token}',
      'GET /api/calendar/feeds/{file}',
      'GET /api/invitations/{token}',
      'GET /api/setup',
      // The single sign-on providers the sign-in page offers (names only).
      'GET /api/sign-in-options',
      'GET /api/unsubscribe/{token}',
      'GET /api/your-application/{token}',
      'POST /api/apply/{token}',
      'POST /api/invitations/{token}/accept',
      'POST /api/setup',
      'POST /api/unsubscribe/{token}',
      'POST /api/your-application/{token}/withdrawal',
    ]);
  });

  it('answers 401 problem+json to an anonymous call of each protected operation', async () => {
    const someId = '6f1b1f6e-3a52-4d8e-9a39-0b7c1c1e2a10';
    const failures: string[] = [];
    for (const op of operations.filter((o) => !o.isPublic)) {
      const url = op.path.replace(/\{[^}]+\}/g, someId);
      const response = await t.call({
        method: op.method as 'GET',
        url,
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: {} }),
      });
      const problem = String(response.headers['content-type']).includes('application/problem+json');
      if (response.statusCode !== 401 || !problem)
        failures.push(`${op.method} ${op.path} -> ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('serves interactive API docs to everyone', async () => {
    const response = await t.call({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});
