// A small horizontal bar chart: one row per item, its bar in the item's colour, its count at the end.
// Plain HTML (no chart library): readable at panel size, selectable text, and its numbers are in the DOM.

export interface Bar {
  key: string;
  label: string;
  value: number;
  color: string;
}

export function BarChart({ bars, testId, label }: { bars: readonly Bar[]; testId: string; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className="flex flex-col gap-1" data-testid={testId} aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="grid grid-cols-[7.5rem_1fr_2.25rem] items-center gap-2 text-xs" data-testid={`${testId}-row`} data-key={bar.key}>
          <span className="truncate text-slate-700" title={bar.label}>
            {bar.label}
          </span>
          <span className="h-3 rounded-sm bg-slate-100" aria-hidden="true">
            <span
              className="block h-full rounded-sm border border-black/10"
              style={{ width: `${(bar.value / max) * 100}%`, background: bar.color, minWidth: bar.value > 0 ? 3 : 0 }}
            />
          </span>
          <span className="text-right font-semibold tabular-nums text-slate-800" data-testid={`${testId}-value`}>
            {bar.value}
          </span>
        </li>
      ))}
    </ul>
  );
}
