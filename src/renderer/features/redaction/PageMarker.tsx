// One page of a document with its redaction marks drawn over it, where the officer draws a new box
// with the mouse (press, drag, release). Marks are converted from screen pixels to PDF points from
// the page's top-left corner, as the core keeps them. The keyboard way is "Find and mark" beside it.
import { useRef, useState, type PointerEvent } from 'react';
import type { Box, RedactionPage } from '../../../shared/domain/redaction';

interface Drag {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const norm = (d: Drag) => ({ left: Math.min(d.x0, d.x1), top: Math.min(d.y0, d.y1), width: Math.abs(d.x1 - d.x0), height: Math.abs(d.y1 - d.y0) });

export function PageMarker({ page, name, onBox, disabled }: { page: RedactionPage; name: string; onBox(box: Box): void; disabled: boolean }) {
  const area = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const scale = () => (area.current ? area.current.getBoundingClientRect().width / page.width : 1); // px per point
  const at = (e: PointerEvent) => {
    const r = area.current!.getBoundingClientRect();
    return { x: Math.min(Math.max(e.clientX - r.left, 0), r.width), y: Math.min(Math.max(e.clientY - r.top, 0), r.height) };
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (disabled || e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const p = at(e);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = at(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const up = () => {
    if (!drag) return;
    const n = norm(drag);
    setDrag(null);
    const s = scale();
    if (n.width < 3 || n.height < 3) return; // a click, not a box
    const r2 = (v: number) => Math.round(v * 100) / 100;
    onBox({ x: r2(n.left / s), y: r2(n.top / s), w: r2(n.width / s), h: r2(n.height / s) });
  };
  return (
    <div className="app-redaction-page" ref={area} onPointerDown={down} onPointerMove={move} onPointerUp={up} data-testid="redaction-page" style={{ aspectRatio: `${page.width} / ${page.height}` }}>
      <img src={`data:image/png;base64,${page.imageBase64}`} alt={`Page ${page.page} of ${page.pages} of ${name}`} draggable={false} />
      {page.marks.map((m) => (
        <div
          key={m.id}
          className="app-redaction-mark"
          aria-hidden="true"
          data-testid="redaction-mark"
          style={{ left: `${(m.box.x / page.width) * 100}%`, top: `${(m.box.y / page.height) * 100}%`, width: `${(m.box.w / page.width) * 100}%`, height: `${(m.box.h / page.height) * 100}%` }}
        >
          <span>{m.code}</span>
        </div>
      ))}
      {drag && <div className="app-redaction-drag" aria-hidden="true" style={norm(drag)} />}
    </div>
  );
}
