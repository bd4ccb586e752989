// Event flows: the trigger tree from a start element, or from each starting point of the board, cut at max_depth
// levels (the start is level 0) and max_elements nodes for the whole call. A loop is shown as a back-reference and
// an element already expanded in the same flow as a reference, so every call terminates whatever the graph.
import type { ElementType } from '../catalogue';
import { LIMITS, type FlowInput } from '../schemas';
import type { BoardElement, WorkshopSnapshot } from '../types';
import { indexBoard, type BoardIndex } from './board-index';
import { requireElementFilter } from './filters';
import { document, markdownText, plural, tag } from './markdown';
import type { ElementRef } from './timeline';

export interface FlowNode {
  id: string;
  type: ElementType;
  name: string;
  /** The start is 0. */
  depth: number;
  children: FlowNode[];
  /** This element is already on the path above this node: the flow loops back here, and is not followed again. */
  cycle: boolean;
  /** This element was expanded earlier in the same flow; it is shown as a reference, not expanded again. */
  repeat: boolean;
  /** Some of this element's triggers are not shown, because the flow reached `truncated_by` here. */
  truncated: boolean;
  truncated_by: 'max_depth' | 'max_elements' | null;
}

export interface Flow {
  start: ElementRef;
  root: FlowNode;
  /** Nodes in this flow, references included. */
  nodes: number;
}

export interface FlowReport {
  workshop: { id: string; name: string };
  start_element_id: string | null;
  max_depth: number;
  max_elements: number;
  /** How many flows there are to show: 1 with a start element, else the board's starting points. */
  starting_points: number;
  flows: Flow[];
  /** Nodes across all flows; never more than max_elements. */
  nodes: number;
  /** Starting points whose flow is not shown because max_elements ran out. */
  flows_omitted: number;
  /** True when max_elements cut the output short. */
  limit_reached: boolean;
}

export type FlowOptions = Partial<Omit<FlowInput, 'response_format'>>;

function bounded(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return fallback;
  return Math.min(Math.floor(value), max);
}

/**
 * Where flows begin when no start is given: each command that no event or policy triggers, then each other
 * element that triggers something and is triggered by nothing; each group in timeline order.
 */
export function startingPoints(index: BoardIndex): BoardElement[] {
  return startingRanks(index).map((r) => index.ordered[r]);
}

function startingRanks(index: BoardIndex): number[] {
  const { ordered, inStart, inSources, outStart } = index;
  const commands: number[] = [];
  const others: number[] = [];
  for (let r = 0; r < ordered.length; r++) {
    if (ordered[r].type === 'command') {
      let caused = false;
      for (let i = inStart[r]; i < inStart[r + 1] && !caused; i++) {
        const cause = ordered[inSources[i]].type;
        caused = cause === 'event' || cause === 'policy';
      }
      if (!caused) commands.push(r);
    } else if (inStart[r + 1] === inStart[r] && outStart[r + 1] > outStart[r]) {
      others.push(r);
    }
  }
  return commands.concat(others);
}

function nodeOf(e: BoardElement, depth: number): FlowNode {
  return { id: e.id, type: e.type, name: e.name, depth, children: [], cycle: false, repeat: false, truncated: false, truncated_by: null };
}

/** Per-call scratch space shared by every flow, so tracing 2,000 flows allocates no sets. */
interface Scratch {
  /** expanded[r] === flow number: rank r was expanded in this flow. */
  expanded: Int32Array;
  /** onPath[r] === flow number: rank r is on the path from the start to the node being expanded. */
  onPath: Int32Array;
  flow: number;
}

interface Frame {
  node: FlowNode;
  rank: number;
  next: number;
  end: number;
}

/** One flow, depth first in timeline order, spending at most `budget` nodes. */
function traceFlow(index: BoardIndex, start: number, maxDepth: number, budget: number, scratch: Scratch): { flow: Flow; cut: boolean } {
  const { ordered, outStart, outTargets } = index;
  const flowId = ++scratch.flow;
  const { expanded, onPath } = scratch;
  const root = nodeOf(ordered[start], 0);
  let nodes = 1;
  const stack: Frame[] = [];

  const open = (node: FlowNode, r: number) => {
    if (outStart[r + 1] === outStart[r]) {
      expanded[r] = flowId;
      return;
    }
    if (node.depth >= maxDepth - 1) {
      node.truncated = true;
      node.truncated_by = 'max_depth';
      return;
    }
    expanded[r] = flowId;
    onPath[r] = flowId;
    stack.push({ node, rank: r, next: outStart[r], end: outStart[r + 1] });
  };

  open(root, start);
  let cut = false;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.end) {
      stack.pop();
      onPath[frame.rank] = 0;
      continue;
    }
    if (nodes >= budget) {
      // Out of room: every open node with triggers still to show is cut here.
      for (const f of stack) {
        if (f.next >= f.end) continue;
        f.node.truncated = true;
        f.node.truncated_by = 'max_elements';
      }
      cut = true;
      break;
    }
    const child = outTargets[frame.next++];
    const node = nodeOf(ordered[child], frame.node.depth + 1);
    nodes++;
    frame.node.children.push(node);
    if (onPath[child] === flowId) node.cycle = true;
    else if (expanded[child] === flowId) node.repeat = true;
    else open(node, child);
  }
  const e = ordered[start];
  return { flow: { start: { id: e.id, type: e.type, name: e.name }, root, nodes }, cut };
}

export function flows(snap: WorkshopSnapshot, input: FlowOptions = {}): FlowReport {
  const index = indexBoard(snap);
  const maxDepth = bounded(input.max_depth, 5, LIMITS.maxDepth);
  const maxElements = bounded(input.max_elements, 100, LIMITS.maxElements);
  const startId = input.start_element_id ?? null;
  const starts = startId !== null ? [requireElementFilter(index, 'start_element_id', startId)] : startingRanks(index);
  const scratch: Scratch = { expanded: new Int32Array(index.ordered.length), onPath: new Int32Array(index.ordered.length), flow: 0 };

  const traced: Flow[] = [];
  let nodes = 0;
  let limitReached = false;
  for (const start of starts) {
    if (nodes >= maxElements) {
      limitReached = true;
      break;
    }
    const { flow, cut } = traceFlow(index, start, maxDepth, maxElements - nodes, scratch);
    nodes += flow.nodes;
    traced.push(flow);
    if (cut) limitReached = true;
  }
  return {
    workshop: { id: snap.meta.id, name: snap.meta.name },
    start_element_id: startId,
    max_depth: maxDepth,
    max_elements: maxElements,
    starting_points: starts.length,
    flows: traced,
    nodes,
    flows_omitted: starts.length - traced.length,
    limit_reached: limitReached,
  };
}

function renderNode(node: FlowNode, report: FlowReport, lines: string[]): void {
  const indent = '  '.repeat(node.depth);
  if (node.cycle) lines.push(`${indent}↺ ${tag(node)} (cycle)`);
  else if (node.repeat) lines.push(`${indent}→ ${tag(node)} (see above)`);
  else lines.push(`${indent}→ ${tag(node)}`);
  for (const child of node.children) renderNode(child, report, lines);
  if (node.truncated_by === 'max_depth') lines.push(`${indent}  … more beyond max_depth ${report.max_depth}`);
  else if (node.truncated_by === 'max_elements') lines.push(`${indent}  … more not shown (max_elements ${report.max_elements} reached)`);
}

export function flowsMarkdown(report: FlowReport): string {
  const lines: string[] = ['# Event Flow Visualization'];
  if (report.flows.length === 0 && report.starting_points === 0) {
    lines.push(
      '',
      'No starting points: no command stands free of an event or policy, and no element triggers others without being triggered itself. ' +
        'Link a command to the event it causes, or pass start_element_id to follow the flow from one element.',
    );
  }
  for (const flow of report.flows) {
    lines.push('', `## Flow from: ${markdownText(flow.start.name)}`);
    renderNode(flow.root, report, lines);
  }
  if (report.flows_omitted > 0) {
    lines.push('', `… ${plural(report.flows_omitted, 'more starting point')} not shown.`);
  }
  if (report.limit_reached) {
    lines.push(
      '',
      `⚠ Display limit reached (max_elements ${report.max_elements}). Pass start_element_id to focus on one flow, or raise max_elements.`,
    );
  }
  return document(lines);
}
