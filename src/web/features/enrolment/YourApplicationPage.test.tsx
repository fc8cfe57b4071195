// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OwnApplication } from '../../../contract/enrolment.ts';
import { fakeApi, problem, renderPage } from '../../test-support.tsx';
import { YourApplicationPage } from './YourApplicationPage.tsx';

const mine = (overrides: Partial<OwnApplication> = {}): OwnApplication => ({
  programme: { name: 'Leading Learning 2027', hostName: 'Test Host' },
  name: 'Amara Okafor',
  status: 'submitted',
  submittedAt: '2026-11-02T10:00:00.000Z',
  decidedAt: null,
  withdrawnAt: null,
  canWithdraw: true,
  ...overrides,
});

const standing = () =>
  within(screen.getByRole('region', { name: 'Where your application stands' })).getByRole('status')
    .textContent;

const open = () =>
  renderPage(<YourApplicationPage />, {
    path: '/your-application/:token',
    url: '/your-application/tok',
    me: null,
  });

describe('the private link to your application', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the status and withdraws only after the applicant confirms', async () => {
    const api = fakeApi({
      'GET /api/your-application/tok': { body: mine({ status: 'waitlisted' }) },
      'POST /api/your-application/tok/withdrawal': {
        body: mine({ status: 'withdrawn', withdrawnAt: '2026-11-03T10:00:00.000Z', canWithdraw: false }),
      },
    });
    open();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your application to Leading Learning 2027' }),
    ).toBeTruthy();
    expect(standing()).toBe('Wait-listed');
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw my application' }));
    const dialog = await screen.findByRole('dialog');
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw my application' }));
    await vi.waitFor(() => expect(standing()).toBe('Withdrawn'));
    expect(screen.queryByRole('button', { name: 'Withdraw my application' })).toBeNull();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('says in words when the link does not work, and when a withdrawal is refused', async () => {
    fakeApi({
      'GET /api/your-application/tok': problem(
        404,
        'not-found',
        'This link to an application does not work.',
      ),
    });
    open();
    expect(await screen.findByText('This link to an application does not work.')).toBeTruthy();
    cleanup();
    fakeApi({
      'GET /api/your-application/tok': { body: mine() },
      'POST /api/your-application/tok/withdrawal': problem(
        409,
        'conflict',
        'This application is already withdrawn.',
      ),
    });
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw my application' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw my application' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'This application is already withdrawn.',
    );
  });
});
