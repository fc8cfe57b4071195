// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../../test-support.tsx';
import { meetingRoutes } from './routes.tsx';

describe('the live room route', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says the room is opening while its code loads, then shows the room page', async () => {
    // The meeting never arrives: what matters here is the hand-over from the chunk's loader to the page.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => {})),
    );
    const route = meetingRoutes.find((r) => r.path === 'meetings/:meetingId/room')!;
    renderPage(route.element as never, { path: route.path!, url: '/meetings/m1/room' });
    const opening = screen.getByText('Opening the meeting room…');
    expect(opening.getAttribute('role')).toBe('status');
    expect(opening.querySelector('.spinner')?.getAttribute('aria-hidden')).toBe('true');
    await screen.findByText('Loading…', {}, { timeout: 10_000 });
    expect(screen.queryByText('Opening the meeting room…')).toBeNull();
  });
});
