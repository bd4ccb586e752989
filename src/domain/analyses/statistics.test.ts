import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { snapshot } from '../../board';
import { replayOnDoc } from '../../board/tutorial-replay';
import type { WorkshopSnapshot } from '../types';
import { snapshotOf } from '../../../test-support/snapshot-of';
import { statistics, statisticsMarkdown } from './statistics';

let tutorial: WorkshopSnapshot;
beforeAll(async () => {
  const doc = new Y.Doc();
  await replayOnDoc(doc);
  tutorial = snapshot(doc);
});

describe('statistics', () => {
  it('gives the tutorial figures in the original server keys', () => {
    const report = statistics(tutorial);
    expect(report.workshop).toMatchObject({ name: 'E-commerce Order Management System', domain: 'E-commerce' });
    expect(report.totals).toEqual({ elements: 44, bounded_contexts: 4 });
    expect(report.by_type).toEqual({ actor: 4, command: 9, aggregate: 4, event: 13, policy: 4, read_model: 3, external_system: 3, hotspot: 4 });
    expect(Object.keys(report.by_type)).toEqual(['actor', 'command', 'aggregate', 'event', 'policy', 'read_model', 'external_system', 'hotspot']);
    expect(report.by_context).toEqual({ 'Order Management': 8, Payment: 8, Inventory: 4, Fulfillment: 14 });
    // Contexts come in the order their story starts on the timeline: the seed's order.
    expect(report.contexts.map((c) => [c.name, c.elements])).toEqual([
      ['Order Management', 8],
      ['Payment', 8],
      ['Inventory', 4],
      ['Fulfillment', 14],
    ]);
    expect(report.relationships).toEqual({ elements_with_triggers: 18, elements_with_triggered_by: 18, total_trigger_links: 18 });
    expect(report.coverage).toEqual({ elements_in_contexts: 34, elements_without_context: 10, percent: 77.3 });
  });

  it('renders the seed §11.1 Markdown shape', () => {
    const md = statisticsMarkdown(statistics(tutorial));
    expect(md).toBe(
      [
        '# Workshop Statistics: E-commerce Order Management System',
        '',
        '## Overview',
        '- Domain: E-commerce',
        '- Total Elements: 44',
        '- Bounded Contexts: 4',
        '',
        '## Elements by Type',
        '- actor: 4',
        '- command: 9',
        '- aggregate: 4',
        '- event: 13',
        '- policy: 4',
        '- read_model: 3',
        '- external_system: 3',
        '- hotspot: 4',
        '',
        '## Elements by Bounded Context',
        '- Order Management: 8',
        '- Payment: 8',
        '- Inventory: 4',
        '- Fulfillment: 14',
        '',
        '## Relationships',
        '- Elements with outgoing triggers: 18',
        '- Elements with incoming triggers: 18',
        '- Total trigger links: 18',
        '',
        '## Context Coverage',
        '- Elements assigned to contexts: 34',
        '- Elements without context: 10',
        '- Coverage: 77.3%',
      ].join('\n'),
    );
  });

  it('counts a context named "__proto__" like any other (a generated board found it missing)', () => {
    const report = statistics(
      snapshotOf({
        contexts: [{ id: 'c1', name: '__proto__' }],
        elements: [{ id: 'e1', type: 'event', name: 'Placed', contextId: 'c1' }],
      }),
    );
    expect(Object.keys(report.by_context)).toEqual(['__proto__']);
    expect(Object.values(report.by_context)).toEqual([1]);
    expect(Object.getPrototypeOf(report.by_context)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(report)).by_context).toEqual(JSON.parse('{"__proto__": 1}'));
  });

  it('handles an empty workshop without dividing by zero', () => {
    const report = statistics(snapshotOf({ name: 'Empty' }));
    expect(report.totals).toEqual({ elements: 0, bounded_contexts: 0 });
    expect(Object.values(report.by_type)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(report.coverage).toEqual({ elements_in_contexts: 0, elements_without_context: 0, percent: 0 });
    const md = statisticsMarkdown(report);
    expect(md).toContain('- Coverage: 0.0%');
    expect(md).toContain('- Domain: Not specified');
    expect(md).toContain('- No bounded contexts yet');
  });

  it('keeps two contexts that share a name distinct', () => {
    const report = statistics(
      snapshotOf({
        contexts: [
          { id: 'c1', name: 'Billing' },
          { id: 'c2', name: 'Billing' },
          { id: 'c3', name: 'Shipping' },
        ],
        elements: [
          { id: 'a', type: 'event', name: 'A Done', contextId: 'c1' },
          { id: 'b', type: 'event', name: 'B Done', contextId: 'c2' },
          { id: 'c', type: 'event', name: 'C Done', contextId: 'c2' },
        ],
      }),
    );
    expect(report.by_context).toEqual({ 'Billing (c1)': 1, 'Billing (c2)': 2, Shipping: 0 });
    expect(report.totals.bounded_contexts).toBe(3);
  });

  it('counts links once, ignores links to missing elements, and treats a dangling context as none', () => {
    const report = statistics(
      snapshotOf({
        contexts: [{ id: 'c1', name: 'Core' }],
        elements: [
          { id: 'a', type: 'command', name: 'Do', contextId: 'c1' },
          { id: 'b', type: 'event', name: 'Done', contextId: 'gone' },
          { id: 'c', type: 'event', name: 'Also Done' },
        ],
        links: [
          ['a', 'b'],
          ['a', 'b'],
          ['a', 'c'],
          ['a', 'ghost'],
        ],
      }),
    );
    expect(report.relationships).toEqual({ elements_with_triggers: 1, elements_with_triggered_by: 2, total_trigger_links: 2 });
    expect(report.coverage).toEqual({ elements_in_contexts: 1, elements_without_context: 2, percent: 33.3 });
  });
});

describe('statistics on a hand-built snapshot that repeats an id', () => {
  it('counts the element once, as its last record says', () => {
    const snap = snapshotOf({ elements: [{ id: 'a', type: 'event', name: 'Old' }, { id: 'a', type: 'command', name: 'New' }] });
    snap.elements.push(snap.elements[1]);
    const report = statistics(snap);
    expect(report.totals.elements).toBe(1);
    expect(report.by_type.command).toBe(1);
    expect(report.by_type.event).toBe(0);
  });
});
