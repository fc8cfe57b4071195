// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/client.ts';
import { createWebI18n } from '../i18n.ts';
import { ConfirmButton } from './ConfirmButton.tsx';

function renderArchive(onConfirm: () => Promise<void>) {
  render(
    <I18nextProvider i18n={createWebI18n()}>
      <ConfirmButton
        label="Archive set"
        title="Archive “Set Kestrel”?"
        message="Nothing is deleted."
        confirmLabel="Archive set"
        onConfirm={onConfirm}
      />
    </I18nextProvider>,
  );
  const trigger = screen.getByRole('button', { name: 'Archive set' });
  trigger.focus();
  fireEvent.click(trigger);
  return { trigger, dialog: screen.getByRole('dialog', { name: 'Archive “Set Kestrel”?' }) };
}

describe('confirmation before archiving', () => {
  afterEach(cleanup);

  it('asks first with Cancel focused; Escape closes it, does nothing, and returns focus', () => {
    const onConfirm = vi.fn(async () => {});
    const { trigger } = renderArchive(onConfirm);
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('gives focus back in the same render that removes the dialog, so the keyboard never lands on the page', async () => {
    const { trigger, dialog } = renderArchive(vi.fn(async () => {}));
    // A real key press, outside act(): effects that wait for the next frame have not run when we look.
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await Promise.resolve();
    await Promise.resolve();
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(trigger);
  });

  it('acts only when confirmed, then closes', async () => {
    const onConfirm = vi.fn(async () => {});
    const { dialog } = renderArchive(onConfirm);
    fireEvent.click(dialog.querySelectorAll('button')[1]!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it("keeps the dialog open and shows the server's reason when the action fails", async () => {
    renderArchive(async () => {
      throw new ProblemError({ status: 403, code: 'forbidden', detail: 'Your role does not allow this.' });
    });
    fireEvent.click(screen.getByRole('dialog').querySelectorAll('button')[1]!);
    expect((await screen.findByRole('alert')).textContent).toBe('Your role does not allow this.');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});
