// Timeline: every sticky in the order its story happens (position, then row, then name), filterable by type.
// A click (or Enter) selects the sticky and brings it to the middle of the canvas.
import { memo, useMemo } from 'react';
import { CATALOGUE, type Chapter, type ElementEntry, type ElementType } from '../../domain';
import type { Insights } from '../../state/insights';
import { useBoard } from '../board/sessionContext';
import { usePanel, usePanelStore } from './panelState';
import { PanelArea, EmptyState, PanelFrame, rowButton, TypeSwatch } from './PanelParts';
import { TypeFilter } from './TypeFilter';
import { useFocusSticky, useInsights } from './useInsights';
import { usePanelTiming } from './panelTiming';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 30;

export function TimelinePanel() {
  const { insights, stale } = useInsights();
  const type = usePanel((s) => s.timelineType);
  return (
    <PanelArea stale={stale}>
      <TimelineBody insights={insights} type={type} />
    </PanelArea>
  );
}

const TimelineBody = memo(function TimelineBody({ insights, type }: { insights: Insights; type: ElementType | null }) {
  usePanelTiming('timeline', insights, type);
  const panel = usePanelStore();
  const report = insights.timeline(type);
  const counts = insights.statistics().by_type;
  const total = insights.snap.elements.length;
  const entries = report.timeline;
  return (
    <PanelFrame
      testId="timeline-panel"
      title="Timeline"
      fill
      summary={`${entries.length} of ${total} ${total === 1 ? 'sticky' : 'stickies'}`}
      controls={total > 0 && <TypeFilter value={type} onChange={(t) => panel.setState({ timelineType: t })} testId="timeline-filter" counts={counts} />}
    >
      {total === 0 ? (
        <EmptyState testId="timeline-empty" title="The timeline is empty">
          It lists every sticky from left to right, the way the story unfolds. Start with the domain events (press E on the board), placed
          left to right in the order they happen.
        </EmptyState>
      ) : entries.length === 0 ? (
        <EmptyState testId="timeline-empty-filter" title={`No ${type ? CATALOGUE[type].label.toLowerCase() : ''} stickies yet`}>
          Nothing of this type is on the board. Choose “All” to see every sticky.
        </EmptyState>
      ) : (
        <TimelineList entries={entries} chapters={report.chapters ?? NO_CHAPTERS} />
      )}
    </PanelFrame>
  );
});

const NO_CHAPTERS: readonly Chapter[] = [];

type Row = { chapter: Chapter } | { entry: ElementEntry };

/** The entries, grouped under a heading per chapter when the board has pivotal events. */
function rowsOf(entries: readonly ElementEntry[], chapters: readonly Chapter[]): Row[] {
  if (chapters.length === 0) return entries.map((entry) => ({ entry }));
  const rows: Row[] = [];
  let current = 0;
  for (const entry of entries) {
    if (entry.chapter !== undefined && entry.chapter !== current) {
      current = entry.chapter;
      const chapter = chapters[current - 1];
      if (chapter) rows.push({ chapter });
    }
    rows.push({ entry });
  }
  return rows;
}

function TimelineList({ entries, chapters }: { entries: readonly ElementEntry[]; chapters: readonly Chapter[] }) {
  const focusSticky = useFocusSticky();
  const selected = useBoard((s) => (s.selectedIds.length === 1 ? s.selectedIds[0] : null));
  const rows = useMemo(() => rowsOf(entries, chapters), [entries, chapters]);
  return (
    <VirtualList
      items={rows}
      rowHeight={ROW_HEIGHT}
      testId="timeline-list"
      label="Stickies in timeline order"
      renderRow={(row) =>
        'chapter' in row ? (
          <div className="flex h-full items-center gap-2 border-b border-orange-200 bg-orange-50 px-2 text-xs font-semibold text-orange-900" data-testid="timeline-chapter" data-index={row.chapter.index}>
            <span aria-hidden="true">◆</span>
            <span className="min-w-0 flex-1 truncate">
              Chapter {row.chapter.index}: {row.chapter.name}
            </span>
            <span className="font-normal text-orange-700">{row.chapter.element_count}</span>
          </div>
        ) : (
          <TimelineRow entry={row.entry} selected={row.entry.id === selected} onPick={focusSticky} />
        )
      }
    />
  );
}

function sameEntry(a: ElementEntry, b: ElementEntry): boolean {
  return a.id === b.id && a.name === b.name && a.type === b.type && a.position === b.position && a.context === b.context && a.pivotal === b.pivotal;
}

/** One row; a recomputed timeline re-renders only the rows whose sticky changed. */
const TimelineRow = memo(
  function TimelineRow({ entry, selected, onPick }: { entry: ElementEntry; selected: boolean; onPick: (id: string) => void }) {
    return (
      <button
        type="button"
        className={`${rowButton} h-full ${selected ? 'bg-blue-50' : ''}`}
        onClick={() => onPick(entry.id)}
        aria-current={selected ? 'true' : undefined}
        data-testid="timeline-item"
        data-element-id={entry.id}
        data-type={entry.type}
        title={`${CATALOGUE[entry.type].label}: ${entry.name}${entry.context ? ` (${entry.context})` : ''}`}
      >
        <span className="w-10 shrink-0 text-right font-mono text-[11px] tabular-nums text-slate-400">{entry.position}</span>
        <TypeSwatch type={entry.type} />
        <span className="min-w-0 flex-1 truncate text-slate-800" data-testid="timeline-item-name">
          {entry.name}
        </span>
        {entry.pivotal && (
          <span className="shrink-0 text-[11px] font-semibold text-orange-600" title="Pivotal event">
            ◆ pivotal
          </span>
        )}
        {entry.context && <span className="max-w-[6.5rem] shrink-0 truncate text-[11px] text-slate-400">{entry.context}</span>}
      </button>
    );
  },
  (a, b) => a.selected === b.selected && a.onPick === b.onPick && sameEntry(a.entry, b.entry),
);
