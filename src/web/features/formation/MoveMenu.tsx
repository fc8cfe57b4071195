import { useTranslation } from 'react-i18next';
import { MenuButton } from '../../ui/MenuButton.tsx';
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
  return (
    <MenuButton
      className="move-menu"
      label={t('formation.move.button')}
      accessibleName={t('formation.move.open', { name: personName })}
      listLabel={t('formation.move.listLabel', { name: personName })}
      items={() =>
        options().map((o) => ({
          value: o.to,
          label: (
            <>
              {o.label}
              {o.detail ? <span className="move-menu__detail"> {o.detail}</span> : null}
            </>
          ),
        }))
      }
      onChoose={onMove}
      // The board gives focus to the person's "Move" button in their new place.
      returnFocus={false}
    />
  );
}
