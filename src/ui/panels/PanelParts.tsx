// The pieces every insight panel is built of, so the six read alike: a frame with a title line, sections, an
// empty state that says what to add, a type swatch.
import type { ReactNode } from 'react';
import { CATALOGUE, type ElementType } from '../../domain';

export function PanelFrame({
  testId,
  title,
  summary,
  children,
  controls,
  fill = false,
}: {
  testId: string;
  title: string;
  summary?: ReactNode;
  children: ReactNode;
  /** Shown under the title, outside the scrolling area (filters, a depth control, the search box). */
  controls?: ReactNode;
  /** The body is one list that scrolls itself (a virtual list), rather than content the frame scrolls. */
  fill?: boolean;
}) {
  return (
    <section className="flex h-full min-h-0 flex-col text-sm" data-testid={testId} aria-label={title}>
      <header className="shrink-0 border-b border-slate-100 px-4 pb-2 pt-3">
        <div className="flex items-baseline justify-between gap-2">
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          {summary && <span className="truncate text-xs text-slate-500">{summary}</span>}
        </div>
        {controls && <div className="mt-2">{controls}</div>}
      </header>
      <div className={fill ? 'flex min-h-0 flex-1 flex-col' : 'min-h-0 flex-1 overflow-y-auto'} data-testid={`${testId}-body`}>
        {children}
      </div>
    </section>
  );
}

/**
 * Where a panel sits. `stale` (a newer snapshot waits to be shown) is marked here, outside the panel's memoised
 * content, so flipping it never re-renders that content in the urgent render that paints the canvas.
 */
export function PanelArea({ stale, children }: { stale: boolean; children: ReactNode }) {
  return (
    <div className="h-full" data-stale={stale}>
      {children}
    </div>
  );
}

export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="border-b border-slate-100 px-4 py-3 last:border-b-0" data-testid={testId}>
      <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      {children}
    </div>
  );
}

/** What a panel says when there is nothing to show: what to add to the board to see something here. */
export function EmptyState({ testId, title, children }: { testId: string; title: string; children: ReactNode }) {
  return (
    <div className="m-4 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 text-slate-600" data-testid={testId}>
      <p className="mb-1 font-medium text-slate-800">{title}</p>
      <div className="text-xs leading-relaxed">{children}</div>
    </div>
  );
}

export function TypeSwatch({ type, size = 10 }: { type: ElementType; size?: number }) {
  const kind = CATALOGUE[type];
  return (
    <span
      className="inline-block shrink-0 rounded-[2px] border border-black/10"
      style={{ width: size, height: size, background: kind.color, transform: kind.rotation ? `rotate(${kind.rotation * 3}deg)` : undefined }}
      aria-hidden="true"
    />
  );
}

/** A row that points at a sticky: a button, so it is reachable with Tab and works with Enter. */
export const rowButton =
  'flex w-full items-center gap-2 rounded px-2 py-1 text-left hover:bg-slate-100 focus-visible:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-500';
