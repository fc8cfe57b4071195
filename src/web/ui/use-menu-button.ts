import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';

/**
 * The behaviour of a button that opens a short list of choices, for the keyboard and anyone who would
 * rather not drag: opening focuses the first choice, arrow keys move between choices, Escape closes and
 * returns focus to the button, and tabbing or clicking away closes the list. The markup stays the caller's.
 */
export function useMenuButton() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const container = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (!open) return;
    list.current?.querySelector('button')?.focus();
    const away = (e: Event) => {
      if (!container.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('focusin', away);
    document.addEventListener('pointerdown', away);
    return () => {
      document.removeEventListener('focusin', away);
      document.removeEventListener('pointerdown', away);
    };
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    }
  };

  return { open, toggle: () => setOpen((o) => !o), id, trigger, list, container, close, onKeyDown };
}
