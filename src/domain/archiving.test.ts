import { describe, expect, it } from 'vitest';
import { applyArchived } from './archiving.ts';

const now = '2026-12-07T20:00:00.000Z';
const earlier = '2026-01-02T09:00:00.000Z';

describe('applyArchived', () => {
  it('archives a live row now, and says so', () => {
    expect(applyArchived(null, true, now)).toEqual({ archivedAt: now, change: 'archived' });
  });

  it('restores an archived row, and says so', () => {
    expect(applyArchived(earlier, false, now)).toEqual({ archivedAt: null, change: 'restored' });
  });

  it('keeps the first archiving date when asked to archive again, and reports no change', () => {
    expect(applyArchived(earlier, true, now)).toEqual({ archivedAt: earlier, change: null });
  });

  it('changes nothing when the patch does not mention archiving or restores a live row', () => {
    expect(applyArchived(earlier, undefined, now)).toEqual({ archivedAt: earlier, change: null });
    expect(applyArchived(null, undefined, now)).toEqual({ archivedAt: null, change: null });
    expect(applyArchived(null, false, now)).toEqual({ archivedAt: null, change: null });
  });
});
