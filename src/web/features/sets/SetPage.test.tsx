// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LearningSet, RosterEntry } from '../../../contract/sets.ts';
import { setSizeWarning } from '../../../domain/programme.ts';
import { fakeApi, hostAdmin, renderPage } from '../../test-support.tsx';
import { SetPage } from './SetPage.tsx';

const setId = '00000000-0000-4000-8000-000000000051';
const bounds = { min: 6, max: 8 };

function member(n: number): RosterEntry {
  return {
    personId: `p${n}`,
    name: `Member ${n}`,
    role: 'member',
    jobRole: '',
    organisation: null,
    email: `m${n}@example.org`,
    hasAccount: false,
  };
}

function aSet(members: number): LearningSet {
  return {
    id: setId,
    name: 'Set Kestrel',
    theme: '',
    mode: 'facilitated',
    archived: false,
    programme: { id: 'prog', name: 'Leading Learning', setSize: bounds },
    roster: Array.from({ length: members }, (_, i) => member(i + 1)),
    memberCount: members,
    sizeWarning: setSizeWarning(members, bounds),
    warnings: [],
    abilities: {
      'set.readRoster': true,
      'set.update': true,
      'set.archive': true,
      'set.manageMembers': true,
    } as LearningSet['abilities'],
  };
}

function showSet(members: number) {
  fakeApi({
    [`GET /api/sets/${setId}`]: { body: aSet(members) },
    [`GET /api/hosts/${hostAdmin.host.id}/people`]: { body: [] },
  });
  renderPage(<SetPage />, { path: '/sets/:setId', url: `/sets/${setId}` });
}

describe('set page size warning', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('warns, without blocking anything, when a set is smaller than its programme expects', async () => {
    showSet(3);
    await screen.findByRole('heading', { level: 1, name: 'Set Kestrel' });
    expect(
      screen.getByText(/this set has 3 members; sets in this programme should have 6 to 8\./),
    ).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Add people to this set' })).toBeTruthy();
  });

  it('warns when a set is larger than its programme expects', async () => {
    showSet(9);
    await screen.findByRole('heading', { level: 1, name: 'Set Kestrel' });
    expect(
      screen.getByText(/this set has 9 members; sets in this programme should have 6 to 8\./),
    ).toBeTruthy();
    expect(screen.getByText(/consider splitting it/)).toBeTruthy();
  });

  it('says nothing about size when the set is within bounds', async () => {
    showSet(7);
    await screen.findByRole('heading', { level: 1, name: 'Set Kestrel' });
    expect(screen.queryByText(/Set size:/)).toBeNull();
    expect(screen.getByText('7 members')).toBeTruthy();
  });
});
