import type { ReactNode } from 'react';
import { useMenuButton } from './use-menu-button.ts';

export interface MenuItem<T> {
  value: T;
  label: ReactNode;
}

/**
 * A button that opens a short list of choices ("Move to theme…", "Move…"), for the keyboard and anyone
 * who would rather not drag. `className` names the wrapper and, with "__list", the list, so that each
 * place can position them.
 */
export function MenuButton<T>({
  className,
  label,
  accessibleName,
  listLabel,
  items,
  onChoose,
  returnFocus = true,
}: {
  className: string;
  label: string;
  /** What the button does, with what it acts on, e.g. "Move “Funding is short…” to a theme". */
  accessibleName: string;
  listLabel: string;
  /** Worked out when the list opens. */
  items: () => MenuItem<T>[];
  onChoose(value: T): void;
  /** False where choosing moves focus somewhere else than back to the button. */
  returnFocus?: boolean;
}) {
  const { open, toggle, id, trigger, list, container, close, onKeyDown } = useMenuButton();

  return (
    <div className={className} ref={container}>
      <button
        ref={trigger}
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={accessibleName}
        onClick={toggle}
      >
        {label}
      </button>
      {open ? (
        <ul
          id={id}
          ref={list}
          className={`menu-list ${className}__list`}
          aria-label={listLabel}
          onKeyDown={onKeyDown}
        >
          {items().map((item) => (
            <li key={String(item.value)}>
              <button
                type="button"
                onClick={() => {
                  close(returnFocus);
                  onChoose(item.value);
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
