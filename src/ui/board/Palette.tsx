// The sticky types: click adds one at the centre of the view, drag drops one where you let go; the key
// shown on each adds one at the pointer while the canvas has the keyboard.
import { CATALOGUE, ELEMENT_TYPES } from '../../domain';
import { PALETTE_MIME, useAddStickyInView } from '../canvas/BoardCanvas';

export function Palette() {
  const addStickyInView = useAddStickyInView();
  return (
    <nav className="z-10 flex w-[76px] shrink-0 flex-col items-center gap-1.5 overflow-y-auto border-r border-slate-200 bg-white py-2" aria-label="Sticky palette" data-testid="palette">
      {ELEMENT_TYPES.map((type) => {
        const kind = CATALOGUE[type];
        return (
          <button
            key={type}
            type="button"
            draggable
            className="group relative flex h-[54px] w-[62px] cursor-grab flex-col items-center justify-center rounded-md border border-transparent px-1 text-center hover:border-slate-300 hover:bg-slate-50 active:cursor-grabbing"
            title={`${kind.label} (${kind.key.toUpperCase()}): ${kind.hint}`}
            aria-label={`Add ${kind.label} (key ${kind.key.toUpperCase()})`}
            data-testid={`palette-${type}`}
            onClick={() => addStickyInView(type)}
            onDragStart={(e) => {
              e.dataTransfer.setData(PALETTE_MIME, type);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <span
              className="block h-[22px] w-[34px] rounded-[3px] shadow-sm"
              style={{ background: kind.color, transform: kind.rotation ? `rotate(${kind.rotation * 2}deg)` : undefined }}
            />
            <span className="mt-1 w-full truncate text-[10px] leading-tight text-slate-700">{kind.label}</span>
            <kbd className="absolute right-0.5 top-0.5 rounded bg-slate-100 px-1 font-mono text-[9px] text-slate-500 group-hover:bg-white">
              {kind.key.toUpperCase()}
            </kbd>
          </button>
        );
      })}
    </nav>
  );
}
