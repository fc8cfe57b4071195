import { useTranslation } from 'react-i18next';
import { useMenuButton } from '../../ui/use-menu-button.ts';
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
  const { open, toggle, id, trigger, list, container, close, onKeyDown } = useMenuButton();

  return (
    <div className="move-menu" ref={container}>
      <button
        ref={trigger}
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('formation.move.open', { name: personName })}
        onClick={toggle}
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
