// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderPage } from '../../test-support.tsx';
import { WithdrawSection } from './WithdrawSection.tsx';

const programme = { id: 'p1', name: 'Leading Learning 2027' };

describe('leaving a programme, in the words of one’s role (issue 13)', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('offers a facilitator to step down as facilitator, not to leave as a member', async () => {
    fakeApi({});
    renderPage(<WithdrawSection programme={programme} setRole="facilitator" />, { path: '/s', url: '/s' });
    expect(await screen.findByRole('heading', { name: 'Step down as facilitator' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Leave the programme' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Step down as facilitator' }));
    expect(
      screen.getByRole('dialog', { name: 'Stop facilitating the sets of “Leading Learning 2027”?' }),
    ).toBeTruthy();
  });

  it('offers a member to leave the programme', async () => {
    fakeApi({});
    renderPage(<WithdrawSection programme={programme} setRole="member" />, { path: '/s', url: '/s' });
    expect(await screen.findByRole('button', { name: 'Leave the programme' })).toBeTruthy();
    expect(screen.queryByText('Step down as facilitator')).toBeNull();
  });
});
