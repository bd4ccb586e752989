// Flows: the trigger trees from every starting point of the board (the domain's flows analysis), as deep as the
// depth control says (10, as in the seed). A loop is marked ↺, an element already shown in the same flow says so.
// Hovering a flow (or moving the keyboard into it) lights its path up on the board and dims the rest; hovering one
// of its steps lights the path from the start to that step; a click brings the sticky into view.
import { Focus, Minus, Plus } from 'lucide-react';
import { memo, useEffect, useMemo, useState } from 'react';
import { CATALOGUE, linkKey, type Flow, type FlowNode, type FlowReport } from '../../domain';
import { clearHighlight, setHighlight } from '../../state/highlight';
import { flowDepth as clampDepth, MAX_FLOW_DEPTH, type Insights } from '../../state/insights';
import { useBoard, useSession } from '../board/sessionContext';
import { usePanel, usePanelStore } from './panelState';
import { PanelArea, EmptyState, PanelFrame, TypeSwatch } from './PanelParts';
import { useFitStickies, useFocusSticky, useInsights } from './useInsights';
import { usePanelTiming } from './panelTiming';

/** Flows shown at first; more on request. */
const FLOWS_SHOWN = 30;

export function FlowsPanel() {
  const { insights, stale } = useInsights();
  const depth = usePanel((s) => s.flowDepth);
  const { store } = useSession();
  // Leaving the tab takes the flow highlight away.
  useEffect(() => () => clearHighlight(store, 'flow'), [store]);
  return (
    <PanelArea stale={stale}>
      <FlowsBody insights={insights} depth={depth} />
    </PanelArea>
  );
}

function DepthControl({ depth }: { depth: number }) {
  const panel = usePanelStore();
  const set = (value: number) => panel.setState({ flowDepth: clampDepth(value) });
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600">
      <label htmlFor="flow-depth">Depth</label>
      <button type="button" className="btn-icon !h-6 !w-6" onClick={() => set(depth - 1)} disabled={depth <= 1} aria-label="Less deep" data-testid="flow-depth-less">
        <Minus size={14} />
      </button>
      <input
        id="flow-depth"
        type="number"
        min={1}
        max={MAX_FLOW_DEPTH}
        value={depth}
        onChange={(e) => {
          const value = e.currentTarget.valueAsNumber;
          if (Number.isFinite(value)) set(value);
        }}
        className="input-sm w-14 text-center tabular-nums"
        data-testid="flow-depth"
      />
      <button
        type="button"
        className="btn-icon !h-6 !w-6"
        onClick={() => set(depth + 1)}
        disabled={depth >= MAX_FLOW_DEPTH}
        aria-label="Deeper"
        data-testid="flow-depth-more"
      >
        <Plus size={14} />
      </button>
      <span className="text-slate-400">levels deep</span>
    </div>
  );
}

const FlowsBody = memo(function FlowsBody({ insights, depth }: { insights: Insights; depth: number }) {
  usePanelTiming('flows', insights, depth);
  const report = insights.flows(depth);
  const [shown, setShown] = useState(FLOWS_SHOWN);
  const empty = insights.snap.elements.length === 0;
  return (
    <PanelFrame
      testId="flows-panel"
      title="Flows"
      summary={report.starting_points === 1 ? '1 starting point' : `${report.starting_points} starting points`}
      controls={!empty && <DepthControl depth={depth} />}
    >
      {empty ? (
        <EmptyState testId="flows-empty" title="No flows yet">
          A flow follows the trigger arrows from a command to the events it causes and on. Add a command (C) and the event it results in (E),
          then drag from the command’s right-hand dot onto the event.
        </EmptyState>
      ) : report.flows.length === 0 ? (
        <EmptyState testId="flows-empty" title="No starting points">
          No command stands free of an event or policy, and no sticky triggers others without being triggered itself. Link a command to the
          event it causes to start a flow.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-2 p-3" data-testid="flow-list">
          {report.flows.slice(0, shown).map((flow, i) => (
            <FlowCard key={`${flow.start.id}:${i}`} flow={flow} report={report} />
          ))}
          {report.flows.length > shown && (
            <button type="button" className="btn-secondary justify-center !py-1 text-xs" onClick={() => setShown((n) => n + FLOWS_SHOWN * 2)} data-testid="flows-more">
              Show more flows ({report.flows.length - shown} more)
            </button>
          )}
          {report.flows_omitted > 0 && (
            <p className="text-xs text-slate-500" data-testid="flows-omitted">
              {report.flows_omitted} more starting {report.flows_omitted === 1 ? 'point is' : 'points are'} not traced: the panel traces{' '}
              {report.max_elements.toLocaleString('en')} steps at most.
            </p>
          )}
        </div>
      )}
    </PanelFrame>
  );
});

interface FlowRow {
  key: string;
  node: FlowNode;
  /** Ids from the start to this node. */
  path: string[];
  /** A line after the node's children saying more was cut off. */
  more: FlowReport['flows'][number]['root']['truncated_by'];
}

function rowsOf(flow: Flow): FlowRow[] {
  const rows: FlowRow[] = [];
  const walk = (node: FlowNode, path: string[], key: string) => {
    const here = [...path, node.id];
    rows.push({ key, node, path: here, more: null });
    node.children.forEach((child, i) => walk(child, here, `${key}.${i}`));
    if (node.truncated_by) rows.push({ key: `${key}+`, node, path: here, more: node.truncated_by });
  };
  walk(flow.root, [], '0');
  return rows;
}

function highlightOfPath(path: readonly string[]): { ids: Set<string>; links: Set<string> } {
  const links = new Set<string>();
  for (let i = 1; i < path.length; i++) links.add(linkKey(path[i - 1], path[i]));
  return { ids: new Set(path), links };
}

function highlightOfFlow(flow: Flow): { ids: Set<string>; links: Set<string> } {
  const ids = new Set<string>();
  const links = new Set<string>();
  const walk = (node: FlowNode) => {
    ids.add(node.id);
    for (const child of node.children) {
      links.add(linkKey(node.id, child.id));
      walk(child);
    }
  };
  walk(flow.root);
  return { ids, links };
}

function FlowCard({ flow, report }: { flow: Flow; report: FlowReport }) {
  const { store } = useSession();
  const focusSticky = useFocusSticky();
  const fitStickies = useFitStickies();
  const rows = useMemo(() => rowsOf(flow), [flow]);
  const whole = useMemo(() => highlightOfFlow(flow), [flow]);
  const showFlow = () => setHighlight(store, { source: 'flow', ...whole });
  const showPath = (path: readonly string[]) => setHighlight(store, { source: 'flow', ...highlightOfPath(path) });
  const hide = () => clearHighlight(store, 'flow');
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-2 hover:border-amber-400"
      onMouseEnter={showFlow}
      onMouseLeave={hide}
      onFocus={showFlow}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) hide();
      }}
      data-testid="flow"
      data-start-id={flow.start.id}
      aria-label={`Flow from ${flow.start.name}`}
    >
      <div className="mb-1 flex items-center gap-1">
        <h3 className="min-w-0 flex-1 truncate px-1 text-xs font-semibold text-slate-500" data-testid="flow-title">
          Flow from: <span className="text-slate-900">{flow.start.name}</span>
        </h3>
        <button
          type="button"
          className="btn-icon !h-6 !w-6 shrink-0"
          title="Show the whole flow on the board"
          aria-label={`Show the flow from ${flow.start.name} on the board`}
          onClick={() => fitStickies([...whole.ids])}
          data-testid="flow-show"
        >
          <Focus size={14} />
        </button>
      </div>
      <ol className="m-0 list-none p-0">
        {rows.map((row) =>
          row.more ? (
            <li key={row.key} className="py-0.5 text-[11px] italic text-slate-400" style={{ paddingLeft: 8 + (row.node.depth + 1) * 10 }} data-testid="flow-more">
              {row.more === 'max_depth' ? `… more beyond depth ${report.max_depth}` : '… more not shown (step limit reached)'}
            </li>
          ) : (
            <li key={row.key}>
              <FlowStep row={row} onHover={showPath} onLeave={showFlow} onClick={focusSticky} />
            </li>
          ),
        )}
      </ol>
    </article>
  );
}

function FlowStep({
  row,
  onHover,
  onLeave,
  onClick,
}: {
  row: FlowRow;
  onHover: (path: readonly string[]) => void;
  onLeave: () => void;
  onClick: (id: string) => void;
}) {
  const { node } = row;
  const selected = useBoard((s) => s.selectedIds.length === 1 && s.selectedIds[0] === node.id);
  const glyph = node.cycle ? '↺' : '→';
  return (
    <button
      type="button"
      className={`flex w-full items-center gap-1.5 rounded py-0.5 pr-1 text-left text-xs hover:bg-amber-50 focus-visible:bg-amber-50 focus-visible:outline-2 focus-visible:outline-blue-500 ${
        selected ? 'bg-blue-50' : ''
      }`}
      style={{ paddingLeft: 4 + node.depth * 10 }}
      onMouseEnter={() => onHover(row.path)}
      onMouseLeave={onLeave}
      onFocus={() => onHover(row.path)}
      onClick={() => onClick(node.id)}
      data-testid="flow-node"
      data-element-id={node.id}
      data-depth={node.depth}
      data-type={node.type}
      data-cycle={node.cycle || undefined}
      data-repeat={node.repeat || undefined}
      title={`${CATALOGUE[node.type].label}: ${node.name}`}
    >
      <span className={`w-3 shrink-0 text-center ${node.cycle ? 'font-bold text-rose-600' : 'text-slate-400'}`} data-testid="flow-node-glyph">
        {glyph}
      </span>
      <TypeSwatch type={node.type} />
      <span className="min-w-0 truncate text-slate-800" data-testid="flow-node-name">
        {node.name}
      </span>
      {node.cycle && (
        <span className="shrink-0 rounded bg-rose-100 px-1 text-[10px] font-semibold text-rose-700" data-testid="flow-cycle">
          cycle
        </span>
      )}
      {node.repeat && <span className="shrink-0 text-[10px] text-slate-400">see above</span>}
    </button>
  );
}
