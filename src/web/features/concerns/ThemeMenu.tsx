import { useMenuButton } from '../../ui/use-menu-button.ts';

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
  const { open, toggle, id, trigger, list, container, close, onKeyDown } = useMenuButton();

  return (
    <div className="menu-button" ref={container}>
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
