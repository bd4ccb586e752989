// The board's insights: the domain analyses (statistics, timeline, flows, context overview, search, lint) of the
// current snapshot, as the side panels show them. Nothing is re-implemented here: each is the domain function,
// called at most once per snapshot and set of options, lazily, when a panel first asks for it. A snapshot is a
// new object only when the document changed, so a panel that re-renders for any other reason costs nothing, and
// the panels ask from a deferred render (React's useDeferredValue), after the canvas has painted the edit.
import {
  contextOverview,
  flows,
  lint,
  search,
  statistics,
  timeline,
  type BoardElement,
  type BoundedContext,
  type ContextOverviewReport,
  type ElementType,
  type FlowReport,
  type LintReport,
  type SearchReport,
  type StatisticsReport,
  type TimelineReport,
  type TriggerLink,
  type WorkshopMeta,
  type WorkshopSnapshot,
} from '../domain';

/** A page size that puts every item on one page. */
export const EVERYTHING = Number.MAX_SAFE_INTEGER;
/** The flows panel's depth when nobody has changed it: the seed's `max_depth: 10`. */
export const DEFAULT_FLOW_DEPTH = 10;
/** The deepest the flows panel goes (the analysis' own limit). */
export const MAX_FLOW_DEPTH = 20;
/** Nodes the flows panel traces across all flows; beyond, the report says the limit was reached. */
export const FLOW_NODE_BUDGET = 2_000;

/** The parts of the board store a snapshot is made of. */
export interface SnapshotSource {
  meta: WorkshopMeta;
  elements: readonly BoardElement[];
  links: readonly TriggerLink[];
  contexts: readonly BoundedContext[];
}

const snapshots = new WeakMap<readonly BoardElement[], WorkshopSnapshot>();

/**
 * The store's board as a WorkshopSnapshot: the same object for as long as the store holds the same meta,
 * elements, links and contexts, so everything memoised on it stays valid until the document changes.
 */
export function boardSnapshotOf(source: SnapshotSource): WorkshopSnapshot {
  const cached = snapshots.get(source.elements);
  if (cached && cached.meta === source.meta && cached.links === source.links && cached.contexts === source.contexts) return cached;
  // The analyses only read a snapshot; the store's arrays are handed over as they are, never copied.
  const snap: WorkshopSnapshot = {
    meta: source.meta,
    elements: source.elements as BoardElement[],
    links: source.links as TriggerLink[],
    contexts: source.contexts as BoundedContext[],
  };
  snapshots.set(source.elements, snap);
  return snap;
}

export interface SearchQuery {
  query: string;
  type: ElementType | null;
  contextId: string | null;
}

export type InsightName = 'statistics' | 'timeline' | 'flows' | 'contexts' | 'search' | 'lint';

/** Every analysis of one snapshot, each computed on first use and kept. */
export interface Insights {
  readonly snap: WorkshopSnapshot;
  statistics(): StatisticsReport;
  /** Every element in timeline order, or only those of one type. */
  timeline(type: ElementType | null): TimelineReport;
  /** The trigger trees from every starting point, `depth` levels deep. */
  flows(depth: number): FlowReport;
  /** One summary per bounded context. */
  contexts(): ContextOverviewReport;
  /** Every match, best first; a context filter naming a context that is gone is dropped. */
  search(query: SearchQuery): SearchReport;
  /** Every finding, grouped by rule. */
  lint(): LintReport;
}

const MEASURE_PREFIX = 'eventstorm:insight:';
const lastDurations = new Map<InsightName, number>();

/** How long the last computation of an analysis took, in milliseconds (for the benchmark and the curious). */
export function lastInsightDuration(name: InsightName): number | undefined {
  return lastDurations.get(name);
}

function timed<T>(name: InsightName, compute: () => T): T {
  const start = performance.now();
  const value = compute();
  const end = performance.now();
  lastDurations.set(name, end - start);
  // One entry per analysis, replaced each time, so a long session does not fill the performance timeline.
  if (typeof performance.measure === 'function') {
    performance.clearMeasures(MEASURE_PREFIX + name);
    performance.measure(MEASURE_PREFIX + name, { start, end });
  }
  return value;
}

function memo<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** Clamp a depth the way the panel's control does: a whole number from 1 to MAX_FLOW_DEPTH. */
export function flowDepth(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_FLOW_DEPTH;
  return Math.min(MAX_FLOW_DEPTH, Math.max(1, Math.round(value)));
}

function createInsights(snap: WorkshopSnapshot): Insights {
  let stats: StatisticsReport | undefined;
  let overview: ContextOverviewReport | undefined;
  let findings: LintReport | undefined;
  const timelines = new Map<ElementType | null, TimelineReport>();
  const flowReports = new Map<number, FlowReport>();
  const searches = new Map<string, SearchReport>();
  return {
    snap,
    statistics: () => (stats ??= timed('statistics', () => statistics(snap))),
    timeline: (type) => memo(timelines, type, () => timed('timeline', () => timeline(snap, { element_type: type ?? undefined, page_size: EVERYTHING }))),
    flows: (depth) => {
      const d = flowDepth(depth);
      return memo(flowReports, d, () => timed('flows', () => flows(snap, { max_depth: d, max_elements: FLOW_NODE_BUDGET })));
    },
    contexts: () => (overview ??= timed('contexts', () => contextOverview(snap, { page_size: EVERYTHING }))),
    search: ({ query, type, contextId }) => {
      const known = contextId !== null && snap.contexts.some((c) => c.id === contextId) ? contextId : null;
      const key = JSON.stringify([query, type, known]);
      return memo(searches, key, () =>
        timed('search', () =>
          search(snap, { query, element_type: type ?? undefined, bounded_context_id: known ?? undefined, page_size: EVERYTHING }),
        ),
      );
    },
    lint: () => (findings ??= timed('lint', () => lint(snap, { page_size: EVERYTHING }))),
  };
}

const insightsBySnapshot = new WeakMap<WorkshopSnapshot, Insights>();

/** The insights of a snapshot: one object per snapshot, so its memoised reports are shared by every panel. */
export function insightsOf(snap: WorkshopSnapshot): Insights {
  let insights = insightsBySnapshot.get(snap);
  if (!insights) {
    insights = createInsights(snap);
    insightsBySnapshot.set(snap, insights);
  }
  return insights;
}
