// Search: the domain's search (case-insensitive, Unicode-aware: Korean and full-width text match as typed) over
// names, descriptions and notes, filtered by type and bounded context. Matches light up on the board and the rest
// is dimmed; Enter steps through them (Shift+Enter back), bringing each into view. Ctrl/Cmd+K or `/` come here.
import { Search, X } from 'lucide-react';
import { memo, useDeferredValue, useEffect, useRef, type KeyboardEvent } from 'react';
import { CATALOGUE, ELEMENT_TYPES, type ElementType, type SearchHit, type SearchReport } from '../../domain';
import { clearHighlight, setHighlight } from '../../state/highlight';
import { boardSnapshotOf, insightsOf, type Insights, type SearchQuery, type SnapshotSource } from '../../state/insights';
import { useBoard, useSession } from '../board/sessionContext';
import { focusCanvas } from '../canvas/canvasElement';
import { usePanel, usePanelStore } from './panelState';
import { MatchText } from './MatchText';
import { PanelArea, EmptyState, PanelFrame, rowButton, TypeSwatch } from './PanelParts';
import { useFocusSticky, useInsights } from './useInsights';
import { usePanelTiming } from './panelTiming';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 46;

export function SearchPanel() {
  const { insights, stale } = useInsights();
  const query = usePanel((s) => s.search);
  // Typing stays instant; the search runs in the deferred render, as the other panels do.
  const deferredQuery = useDeferredValue(query);
  const { store } = useSession();
  useEffect(() => () => clearHighlight(store, 'search'), [store]);
  return (
    <PanelArea stale={stale || deferredQuery !== query}>
      <PanelFrame testId="search-panel" title="Search" fill controls={<SearchControls query={query} />}>
        <SearchResults insights={insights} query={deferredQuery} />
      </PanelFrame>
    </PanelArea>
  );
}

function SearchControls({ query }: { query: SearchQuery }) {
  const panel = usePanelStore();
  const contexts = useBoard((s) => s.contexts);
  const focusRequest = usePanel((s) => s.searchFocusRequest);
  const input = useRef<HTMLInputElement>(null);
  const focusSticky = useFocusSticky();
  const { store } = useSession();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const update = (patch: Partial<SearchQuery>) => panel.setState((s) => ({ search: { ...s.search, ...patch }, searchCursor: -1 }));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      if (query.query) update({ query: '' });
      else focusCanvas();
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    // The matches as they are now (not the deferred ones): Enter right after typing steps through what was typed.
    const board = store.getState();
    const matches = searchNow(board, panel.getState().search);
    if (matches.length === 0) return;
    const step = e.shiftKey ? -1 : 1;
    const current = panel.getState().searchCursor;
    const next = current < 0 ? (step > 0 ? 0 : matches.length - 1) : (current + step + matches.length) % matches.length;
    panel.setState({ searchCursor: next });
    focusSticky(matches[next].id);
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="relative">
        <Search size={14} className="pointer-events-none absolute left-2 top-1/2 -translate-y-1/2 text-slate-400" />
        <input
          ref={input}
          type="search"
          className="es-search-input input-sm w-full !pl-7 !pr-7"
          placeholder="Names, descriptions, notes…"
          value={query.query}
          maxLength={200}
          onChange={(e) => update({ query: e.target.value })}
          onKeyDown={onKeyDown}
          aria-label="Search the board"
          aria-keyshortcuts="Control+K Meta+K /"
          data-testid="search-input"
        />
        {query.query && (
          <button
            type="button"
            className="absolute right-1 top-1/2 -translate-y-1/2 rounded p-0.5 text-slate-400 hover:text-slate-700"
            onClick={() => {
              update({ query: '' });
              input.current?.focus();
            }}
            aria-label="Clear the search"
          >
            <X size={14} />
          </button>
        )}
      </div>
      <div className="flex gap-2">
        <select
          className="input-sm min-w-0 flex-1 !text-xs"
          value={query.type ?? ''}
          onChange={(e) => update({ type: (e.target.value || null) as ElementType | null })}
          aria-label="Only this type"
          data-testid="search-type"
        >
          <option value="">All types</option>
          {ELEMENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {CATALOGUE[t].label}
            </option>
          ))}
        </select>
        <select
          className="input-sm min-w-0 flex-1 !text-xs"
          value={query.contextId ?? ''}
          onChange={(e) => update({ contextId: e.target.value || null })}
          aria-label="Only this bounded context"
          data-testid="search-context"
        >
          <option value="">All contexts</option>
          {contexts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The matches for the board as the store holds it now. */
function searchNow(board: SnapshotSource, query: SearchQuery): SearchHit[] {
  if (!query.query.trim()) return [];
  return insightsOf(boardSnapshotOf(board)).search(query).matches;
}

const SearchResults = memo(function SearchResults({ insights, query }: { insights: Insights; query: SearchQuery }) {
  usePanelTiming('search', insights, query);
  const { store } = useSession();
  const active = query.query.trim().length > 0;
  const report: SearchReport | null = active ? insights.search(query) : null;

  // The board shows what the panel lists: the matches stand out, the rest is dimmed.
  useEffect(() => {
    if (!report) clearHighlight(store, 'search');
    else setHighlight(store, { source: 'search', ids: new Set(report.matches.map((m) => m.id)) });
  }, [report, store]);

  if (insights.snap.elements.length === 0) {
    return (
      <EmptyState testId="search-empty" title="Nothing to search yet">
        Search finds stickies by name, description and notes, in any language. Add some stickies to the board first.
      </EmptyState>
    );
  }
  if (!report) {
    return (
      <div className="p-4 text-xs leading-relaxed text-slate-500" data-testid="search-hint">
        Type to find stickies by their name, description or notes, in any language (“timeout”, “재고”). Matches stand out on the board and
        the rest is dimmed. <b>Enter</b> steps through them, <b>Shift+Enter</b> goes back, <b>Esc</b> clears. Press <b>Ctrl/⌘+K</b> or{' '}
        <b>/</b> anywhere to search.
      </div>
    );
  }
  return <SearchMatches report={report} />;
});

function SearchMatches({ report }: { report: SearchReport }) {
  const cursor = usePanel((s) => s.searchCursor);
  const panel = usePanelStore();
  const focusSticky = useFocusSticky();
  const total = report.matches.length;
  return (
    <>
      <div className="flex shrink-0 items-center justify-between px-4 py-1.5 text-xs text-slate-500" aria-live="polite">
        <span data-testid="search-count">
          {total === 0 ? 'No matches' : `${total} ${total === 1 ? 'match' : 'matches'}`}
        </span>
        {total > 0 && cursor >= 0 && (
          <span className="tabular-nums" data-testid="search-cursor">
            {Math.min(cursor, total - 1) + 1} / {total}
          </span>
        )}
      </div>
      {total === 0 ? (
        <p className="px-4 text-xs text-slate-500" data-testid="search-no-match">
          Nothing on the board matches “{report.query}”{report.filters.element_type || report.filters.context ? ' with these filters' : ''}.
        </p>
      ) : (
        <VirtualList
          items={report.matches}
          rowHeight={ROW_HEIGHT}
          testId="search-results"
          label="Matching stickies"
          scrollTo={cursor}
          renderRow={(hit, i) => (
            <button
              type="button"
              className={`${rowButton} h-full !items-start ${i === cursor ? 'bg-amber-50' : ''}`}
              onClick={() => {
                panel.setState({ searchCursor: i });
                focusSticky(hit.id);
              }}
              aria-current={i === cursor ? 'true' : undefined}
              data-testid="search-result"
              data-element-id={hit.id}
              data-type={hit.type}
            >
              <span className="mt-1">
                <TypeSwatch type={hit.type} />
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-baseline gap-2">
                  <span className="min-w-0 flex-1 truncate font-medium text-slate-800" data-testid="search-result-name">
                    <MatchText text={hit.name} query={report.query} />
                  </span>
                  {hit.context && <span className="max-w-[6rem] shrink-0 truncate text-[11px] text-slate-400">{hit.context}</span>}
                </span>
                <span className="block truncate text-[11px] text-slate-500">
                  {hit.matched_field === 'name' ? (
                    CATALOGUE[hit.type].label
                  ) : (
                    <>
                      {hit.matched_field}: <MatchText text={hit.excerpt} query={report.query} />
                    </>
                  )}
                </span>
              </span>
            </button>
          )}
        />
      )}
    </>
  );
}
