import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from './use-formation-run.ts';

export interface MoveOption {
  to: Destination;
  label: string;
  /** What the move would do, e.g. "total 51.5 (+2.5)". */
  detail?: string;
}

/**
 * "Move…" for keyboard and screen-reader users (and anyone who would rather not drag): a button that
 * opens a short list of destinations. Arrow keys move between them, Escape closes and returns focus.
 */
export function MoveMenu({
  personName,
  options,
  onMove,
}: {
  personName: string;
  /** Worked out when the list opens (each option may preview the move's score). */
  options: () => MoveOption[];
  onMove(to: Destination): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector('button')?.focus();
    // Tabbing or clicking away closes the list.
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
    <div className="move-menu" ref={container}>
      <button
        ref={trigger}
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('formation.move.open', { name: personName })}
        onClick={() => setOpen((o) => !o)}
      >
        {t('formation.move.button')}
      </button>
      {open ? (
        <ul
          id={id}
          ref={list}
          className="move-menu__list"
          aria-label={t('formation.move.listLabel', { name: personName })}
          onKeyDown={onKeyDown}
        >
          {options().map((o) => (
            <li key={String(o.to)}>
              <button
                type="button"
                onClick={() => {
                  close(false);
                  onMove(o.to);
                }}
              >
                {o.label}
                {o.detail ? <span className="move-menu__detail"> {o.detail}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
