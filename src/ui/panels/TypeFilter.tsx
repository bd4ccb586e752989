// Filter by element type: "All" or one type, as a row of toggle buttons in the stickies' colours.
import { CATALOGUE, ELEMENT_TYPES, type ElementType } from '../../domain';
import { TypeSwatch } from './PanelParts';

export function TypeFilter({
  value,
  onChange,
  testId,
  counts,
}: {
  value: ElementType | null;
  onChange: (type: ElementType | null) => void;
  testId: string;
  /** How many of each type there are, shown on the buttons when given. */
  counts?: Readonly<Record<ElementType, number>>;
}) {
  const chip = (active: boolean) =>
    `inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] ${
      active ? 'border-blue-600 bg-blue-50 font-semibold text-blue-800' : 'border-slate-200 text-slate-600 hover:bg-slate-50'
    }`;
  return (
    <div className="flex flex-wrap gap-1" role="group" aria-label="Filter by type" data-testid={testId}>
      <button type="button" className={chip(value === null)} aria-pressed={value === null} onClick={() => onChange(null)} data-testid={`${testId}-all`}>
        All
      </button>
      {ELEMENT_TYPES.map((t) => (
        <button
          key={t}
          type="button"
          className={chip(value === t)}
          aria-pressed={value === t}
          onClick={() => onChange(value === t ? null : t)}
          data-testid={`${testId}-${t}`}
          title={CATALOGUE[t].hint}
        >
          <TypeSwatch type={t} size={8} />
          {CATALOGUE[t].label}
          {counts && <span className="tabular-nums text-slate-400">{counts[t] ?? 0}</span>}
        </button>
      ))}
    </div>
  );
}
