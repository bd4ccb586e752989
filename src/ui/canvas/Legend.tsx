// The legend on the board: each sticky type's colour, what it stands for and how it is written ("Domain Event —
// something that happened, in the past tense: 'Order Placed'"), in the palette's order. Folded to a button in the
// canvas's bottom-left corner until opened, so it never covers the board unasked; open or folded is remembered.
import { BookOpen, X } from 'lucide-react';
import { useState } from 'react';
import { CATALOGUE, ELEMENT_TYPES } from '../../domain';

const OPEN_KEY = 'eventstorm.legendOpen';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === 'true';
  } catch {
    return false;
  }
}

function remember(open: boolean): void {
  try {
    localStorage.setItem(OPEN_KEY, String(open));
  } catch {
    // Only the preference is lost.
  }
}

export function Legend() {
  const [open, setOpen] = useState(storedOpen);
  const toggle = (next: boolean) => {
    setOpen(next);
    remember(next);
  };
  if (!open) {
    return (
      <button
        type="button"
        className="absolute bottom-3 left-3 z-[6] flex items-center gap-1.5 rounded-full border border-slate-200 bg-white/95 px-3 py-1 text-xs font-semibold text-slate-600 shadow-sm hover:text-slate-900"
        onClick={() => toggle(true)}
        aria-expanded={false}
        data-testid="legend-toggle"
      >
        <BookOpen size={14} aria-hidden="true" /> Legend
      </button>
    );
  }
  return (
    <section
      className="absolute bottom-3 left-3 z-[6] w-[22rem] rounded-lg border border-slate-200 bg-white/95 p-3 text-xs shadow-lg"
      aria-label="Legend"
      data-testid="legend"
    >
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-800">Legend</h2>
        <button type="button" className="text-slate-400 hover:text-slate-700" onClick={() => toggle(false)} aria-label="Fold the legend" aria-expanded data-testid="legend-toggle">
          <X size={16} />
        </button>
      </div>
      <ul className="space-y-1.5">
        {ELEMENT_TYPES.map((type) => {
          const kind = CATALOGUE[type];
          return (
            <li key={type} className="flex items-start gap-2" data-testid="legend-row" data-type={type}>
              <span
                className="mt-0.5 inline-block h-3.5 w-5 shrink-0 rounded-sm"
                style={{ background: kind.color, outline: '1px solid rgb(0 0 0 / 0.15)', transform: kind.rotation ? `rotate(${kind.rotation}deg)` : undefined }}
                aria-hidden="true"
              />
              <span>
                <span className="font-semibold text-slate-800">{kind.label}</span>
                <span className="text-slate-500"> — {kind.hint}</span>
                <kbd className="ml-1 text-[10px] text-slate-400">{kind.key.toUpperCase()}</kbd>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
