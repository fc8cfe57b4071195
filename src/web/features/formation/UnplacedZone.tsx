import { useTranslation } from 'react-i18next';
import type { RunPerson } from '../../../contract/formation.ts';
import type { MoveOption } from './MoveMenu.tsx';
import { PersonChip } from './PersonChip.tsx';
import { useDropZone } from './use-drop-zone.ts';
import type { Destination } from './use-formation-run.ts';

/** People in no set, and the drop targets "not placed" and "a new set". */
export function UnplacedZone({
  unassigned,
  people,
  setCount,
  options,
  onMove,
  onDragState,
  dragging,
}: {
  unassigned: string[];
  people: Map<string, RunPerson>;
  setCount: number;
  options(personId: string): () => MoveOption[];
  onMove(personId: string, to: Destination): void;
  onDragState(personId: string | null): void;
  dragging: boolean;
}) {
  const { t } = useTranslation();
  const out = useDropZone(true, (id) => onMove(id, null));
  const fresh = useDropZone(true, (id) => onMove(id, setCount));
  const zone = (over: boolean) =>
    ['drop-zone', dragging ? 'drop-zone--target' : null, over ? 'drop-zone--over' : null]
      .filter(Boolean)
      .join(' ');
  return (
    <div className="drop-zones">
      <section className={zone(out.over)} aria-labelledby="unplaced-heading" {...out.props}>
        <h3 id="unplaced-heading">{t('formation.unplaced.title', { count: unassigned.length })}</h3>
        {unassigned.length === 0 ? (
          <p className="muted">{t('formation.unplaced.empty')}</p>
        ) : (
          <ul className="person-list" aria-label={t('formation.unplaced.list')}>
            {unassigned.map((id) => {
              const person = people.get(id);
              return person ? (
                <PersonChip
                  key={id}
                  person={person}
                  movable
                  options={options(id)}
                  onMove={(to) => onMove(id, to)}
                  onDragState={onDragState}
                />
              ) : null;
            })}
          </ul>
        )}
      </section>
      {dragging ? (
        <div className={zone(fresh.over)} {...fresh.props}>
          <p>{t('formation.newSetDrop')}</p>
        </div>
      ) : null}
    </div>
  );
}
