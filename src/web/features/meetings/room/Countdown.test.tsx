// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebI18n } from '../../../i18n.ts';
import { Countdown } from './Countdown.tsx';

/** The text a screen reader meets: everything outside aria-hidden parts. */
function spokenText(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(spokenText).join(' ');
}

describe('the room’s countdown, as a screen reader reads it (issue 13)', () => {
  afterEach(cleanup);

  it('says the time left once: "24:59 left for Opening", never "left left"', () => {
    const { container } = render(
      <I18nextProvider i18n={createWebI18n()}>
        <Countdown
          timer={{
            status: 'paused',
            plannedMs: 25 * 60_000,
            durationMs: 25 * 60_000,
            remainingMs: 24 * 60_000 + 59_000,
          }}
          clockOffsetMs={0}
          label="Opening"
        />
      </I18nextProvider>,
    );
    const spoken = spokenText(container).replace(/\s+/g, ' ').trim();
    expect(spoken).toBe('Paused with 24:59 left for Opening');
    expect(spoken).not.toMatch(/left left/);
    // Sighted readers still see the time and its label.
    expect(container.textContent).toContain('24:59');
  });
});
