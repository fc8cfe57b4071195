import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from 'react';

/** Where a dragged item would land: the nearest element marked `data-drop-zone` under the pointer. */
function zoneAt(x: number, y: number): string | null {
  const element = document.elementFromPoint(x, y);
  return element?.closest('[data-drop-zone]')?.getAttribute('data-drop-zone') ?? null;
}

export interface DragState {
  itemId: string;
  label: string;
  x: number;
  y: number;
  /** The drop zone under the pointer, if any. */
  over: string | null;
}

/**
 * Drag and drop with pointer events, so a mouse, a pen and a finger all work (HTML5 drag and drop does
 * not fire on touch screens). A handle starts the drag once the pointer has moved a few pixels; the item
 * lands on the zone under the pointer when it is let go; Escape cancels. The keyboard path is separate
 * (a "Move to theme…" menu): the handle itself is not a control.
 */
export function usePointerDrag(onDrop: (itemId: string, zoneId: string) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const pending = useRef<{ itemId: string; label: string; x: number; y: number; active: boolean } | null>(
    null,
  );
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;

  useEffect(() => {
    if (!drag) return;
    const cancel = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      pending.current = null;
      setDrag(null);
    };
    document.addEventListener('keydown', cancel);
    return () => document.removeEventListener('keydown', cancel);
  }, [drag]);

  const handleProps = (itemId: string, label: string) => ({
    'data-drag-handle': itemId,
    onPointerDown(e: ReactPointerEvent<HTMLElement>) {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      pending.current = { itemId, label, x: e.clientX, y: e.clientY, active: false };
      e.currentTarget.setPointerCapture?.(e.pointerId);
    },
    onPointerMove(e: ReactPointerEvent<HTMLElement>) {
      const p = pending.current;
      if (!p) return;
      if (!p.active && Math.hypot(e.clientX - p.x, e.clientY - p.y) < 6) return;
      p.active = true;
      e.preventDefault();
      setDrag({
        itemId: p.itemId,
        label: p.label,
        x: e.clientX,
        y: e.clientY,
        over: zoneAt(e.clientX, e.clientY),
      });
    },
    onPointerUp(e: ReactPointerEvent<HTMLElement>) {
      const p = pending.current;
      pending.current = null;
      setDrag(null);
      if (!p?.active) return;
      const zone = zoneAt(e.clientX, e.clientY);
      if (zone) dropRef.current(p.itemId, zone);
    },
    onPointerCancel() {
      pending.current = null;
      setDrag(null);
    },
  });

  return { drag, handleProps };
}
