import { useEffect, useId, useRef, useState } from 'react';

export interface MenuItem {
  key: string;
  label: string;
}

/**
 * A button that opens a short list of choices ("Move to theme…", "Merge into…"), for the keyboard and
 * anyone who would rather not drag. Arrow keys move between the choices; Escape closes and returns focus.
 */
export function MenuButton({
  label,
  accessibleName,
  listLabel,
  items,
  onChoose,
}: {
  label: string;
  /** What the button does, with what it acts on, e.g. "Move “Funding is short…” to a theme". */
  accessibleName: string;
  listLabel: string;
  items: () => MenuItem[];
  onChoose(key: string): void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
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

  const onKeyDown = (e: React.KeyboardEvent) => {
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

  return (
    <div className="menu-button" ref={container}>
      <button
        ref={trigger}
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={accessibleName}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open ? (
        <ul id={id} ref={list} className="menu-button__list" aria-label={listLabel} onKeyDown={onKeyDown}>
          {items().map((item) => (
            <li key={item.key}>
              <button
                type="button"
                onClick={() => {
                  close(true);
                  onChoose(item.key);
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
