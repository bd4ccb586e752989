// A list of fixed-height rows that renders only the rows in view (plus a margin) once it is long: a 2,000-sticky
// timeline costs the DOM of the few dozen rows on screen. Short lists are rendered whole, so they behave like any
// other list (find in page, tabbing through every row).
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Lists up to this long are rendered whole. */
export const RENDER_WHOLE_UP_TO = 200;
const OVERSCAN = 12;

export function VirtualList<T>({
  items,
  rowHeight,
  renderRow,
  testId,
  label,
  scrollTo,
}: {
  items: readonly T[];
  rowHeight: number;
  renderRow: (item: T, index: number) => ReactNode;
  testId: string;
  label: string;
  /** An index to bring into view (when it changes). */
  scrollTo?: number;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const whole = items.length <= RENDER_WHOLE_UP_TO;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || whole) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [whole]);

  useEffect(() => {
    const el = scroller.current;
    if (!el || scrollTo === undefined || scrollTo < 0) return;
    const top = scrollTo * rowHeight;
    if (top < el.scrollTop || top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [scrollTo, rowHeight]);

  const first = whole ? 0 : Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = whole ? items.length : Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li key={i} role="listitem" style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(items[i], i)}
      </li>,
    );
  }
  return (
    <div
      ref={scroller}
      className="min-h-0 flex-1 overflow-y-auto"
      onScroll={whole ? undefined : (e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid={`${testId}-scroller`}
    >
      <ul className="relative m-0 list-none p-0" style={{ height: items.length * rowHeight }} aria-label={label} data-testid={testId} data-count={items.length}>
        {rows}
      </ul>
    </div>
  );
}
