// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebI18n } from '../../i18n.ts';
import { MoveMenu } from './MoveMenu.tsx';

function renderMenu() {
  const onMove = vi.fn();
  render(
    <I18nextProvider i18n={createWebI18n()}>
      <MoveMenu
        personName="Amara Okafor"
        options={() => [
          { to: 1, label: 'To Set 2' },
          { to: 2, label: 'To a new set' },
          { to: null, label: 'Out of every set' },
        ]}
        onMove={onMove}
      />
    </I18nextProvider>,
  );
  const trigger = screen.getByRole('button', { name: 'Move Amara Okafor…' });
  trigger.focus();
  fireEvent.click(trigger);
  return { onMove, trigger, list: () => screen.queryByRole('list', { name: 'Where to move Amara Okafor' }) };
}

describe('moving a person from the keyboard', () => {
  afterEach(cleanup);

  it('opens on the first destination; arrows move between them (wrapping); choosing one moves the person', () => {
    const { onMove, trigger, list } = renderMenu();
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toBe('To Set 2');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('To a new set');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('To Set 2');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Out of every set');
    fireEvent.click(document.activeElement!);
    expect(onMove).toHaveBeenCalledWith(null);
    expect(list()).toBeNull();
  });

  it('closes on Escape without moving anyone, and gives focus back to the button', () => {
    const { onMove, trigger, list } = renderMenu();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(list()).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(onMove).not.toHaveBeenCalled();
  });
});
