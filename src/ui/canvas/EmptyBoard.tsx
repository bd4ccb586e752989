import { CATALOGUE, ELEMENT_TYPES } from '../../domain';

/** What an empty board says: how to start. */
export function EmptyBoard({ readOnly }: { readOnly: boolean }) {
  return (
    <div className="pointer-events-none absolute inset-0 z-[6] flex items-center justify-center" data-testid="empty-board">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white/95 p-6 text-sm text-slate-600 shadow-lg">
        <h2 className="mb-2 text-base font-semibold text-slate-900">This board is empty</h2>
        {readOnly ? (
          <p>Nothing has been put on the board yet. Stickies appear here as soon as someone adds them.</p>
        ) : (
          <>
            <p className="mb-3">
              Start with what happens in the domain: press <Key k="E" /> to add a <b>domain event</b> (in the past tense, “Order Placed”),
              then lay the events out left to right along the timeline. Click a sticky type in the palette, or drag it where you want it.
            </p>
            <ul className="grid grid-cols-2 gap-x-4 gap-y-1">
              {ELEMENT_TYPES.map((type) => (
                <li key={type} className="flex items-center gap-2">
                  <Key k={CATALOGUE[type].key.toUpperCase()} />
                  <span className="inline-block h-3 w-3 rounded-sm" style={{ background: CATALOGUE[type].color }} />
                  {CATALOGUE[type].label}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

export function Key({ k }: { k: string }) {
  return <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-700">{k}</kbd>;
}
