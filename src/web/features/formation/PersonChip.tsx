import { useTranslation } from 'react-i18next';
import type { RunPerson } from '../../../contract/formation.ts';
import { Badge } from '../../ui/Badge.tsx';
import { MoveMenu, type MoveOption } from './MoveMenu.tsx';
import type { Destination } from './use-formation-run.ts';

/** A person in a proposed set: dragged with a mouse or pen, moved with "Move…" from the keyboard. */
export function PersonChip({
  person,
  movable,
  options,
  onMove,
  onDragState,
}: {
  person: RunPerson;
  movable: boolean;
  options: () => MoveOption[];
  onMove(to: Destination): void;
  onDragState(personId: string | null): void;
}) {
  const { t } = useTranslation();
  return (
    <li
      className={movable ? 'person-chip person-chip--movable' : 'person-chip'}
      data-person={person.id}
      draggable={movable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', person.id);
        e.dataTransfer.effectAllowed = 'move';
        onDragState(person.id);
      }}
      onDragEnd={() => onDragState(null)}
    >
      <span className="person-chip__text">
        <span>
          <span className="person-chip__name">{person.name}</span>
          {person.facilitator ? (
            <>
              {' '}
              <Badge tone="accent">{t('formation.facilitator')}</Badge>
            </>
          ) : null}
        </span>
        <span className="person-chip__sub">
          {[person.organisation, person.role].filter(Boolean).join(' · ')}
        </span>
      </span>
      {movable ? <MoveMenu personName={person.name} options={options} onMove={onMove} /> : null}
    </li>
  );
}
