import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, isProblem, type ProblemError, query } from './client.ts';

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    ),
  );
}

async function failure(call: Promise<unknown>): Promise<ProblemError> {
  const error = await call.catch((e: unknown) => e);
  if (!isProblem(error)) throw new Error(`expected a ProblemError, got ${String(error)}`);
  return error;
}

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns problem+json into a ProblemError with fields named as the form names them', async () => {
    answer(400, {
      type: 'urn:revans:problem:validation-failed',
      title: 'Some of the information sent is not valid',
      status: 400,
      code: 'validation-failed',
      detail: 'Please correct: name must not be empty.',
      errors: [
        { field: 'body.name', message: 'name must not be empty' },
        { field: 'body.setSize.min', message: 'too small' },
      ],
    });
    const error = await failure(api.post('/api/hosts/h/programmes', { name: '' }));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation-failed');
    expect(error.detail).toBe('Please correct: name must not be empty.');
    expect(error.errors).toEqual([
      { field: 'name', message: 'name must not be empty' },
      { field: 'setSize.min', message: 'too small' },
    ]);
  });

  it("reads the accounts endpoints' { code, message } errors too", async () => {
    answer(401, { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' });
    const error = await failure(api.post('/api/auth/sign-in/email', {}));
    expect(error).toMatchObject({
      status: 401,
      code: 'INVALID_EMAIL_OR_PASSWORD',
      detail: 'Invalid email or password',
    });
  });

  it('reports an unreachable server as a network problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await failure(api.get('/api/me'));
    expect(error.code).toBe('network');
    expect(error.status).toBe(0);
  });

  it('sends JSON with the session cookie and returns the parsed body', async () => {
    answer(201, { id: 'p1' });
    await expect(api.post('/api/x', { a: 1 })).resolves.toEqual({ id: 'p1' });
    const [, init] = (fetch as unknown as ReturnType<typeof vi.fn>).mock.calls[0]!;
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' });
  });

  it('builds query strings from the values that are set', () => {
    expect(query({ search: 'ann', organisationId: '', includeArchived: undefined })).toBe('?search=ann');
    expect(query({})).toBe('');
  });
});
