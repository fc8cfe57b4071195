// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, renderPage } from '../../test-support.tsx';
import { UnsubscribePage } from './UnsubscribePage.tsx';

describe('a bad unsubscribe link (issue 13)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says the link is not valid or has expired and what to do, never the validator’s text', async () => {
    fakeApi({
      'GET /api/unsubscribe/garbled': problem(
        400,
        'validation-failed',
        'Please correct: params.token must match pattern "^[A-Za-z0-9_-]+$".',
      ),
    });
    renderPage(<UnsubscribePage />, { path: '/unsubscribe/:token', url: '/unsubscribe/garbled', me: null });
    expect((await screen.findByRole('alert')).textContent).toBe('This link is not valid or has expired.');
    expect(document.body.textContent).not.toContain('params.token');
    expect(document.body.textContent).toContain('Nothing was changed.');
    expect(screen.getByRole('link', { name: 'Sign in to change your email preferences' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('says the same for a link that no longer works', async () => {
    fakeApi({ 'GET /api/unsubscribe/old': problem(410, 'gone', 'This link is no longer valid.') });
    renderPage(<UnsubscribePage />, { path: '/unsubscribe/:token', url: '/unsubscribe/old', me: null });
    expect((await screen.findByRole('alert')).textContent).toBe('This link is not valid or has expired.');
  });
});
