import { type DragEvent, useState } from 'react';

/** Native HTML5 drop target for a dragged person (their id travels as text/plain). */
export function useDropZone(enabled: boolean, onDropPerson: (personId: string) => void) {
  const [over, setOver] = useState(false);
  const props = enabled
    ? {
        onDragOver: (e: DragEvent) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          if (!over) setOver(true);
        },
        onDragLeave: (e: DragEvent) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          setOver(false);
          const id = e.dataTransfer.getData('text/plain');
          if (id) onDropPerson(id);
        },
      }
    : {};
  return { over, props };
}
