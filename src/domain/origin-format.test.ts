import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventStormError, parseWorkshopDocument, originSchemaVersion, type IssueDetail } from './index';

const sampleText = (name: string) => readFileSync(new URL(`../../fixtures/seed/${name}`, import.meta.url), 'utf8');
const V2_TEXT = sampleText('origin-export-sample.json');
const V1_TEXT = sampleText('origin-export-sample-v1.json');

type Json = Record<string, unknown>;
const v2 = (): Json => JSON.parse(V2_TEXT) as Json;
const elementsOf = (file: Json) => file.elements as Json[];
const contextsOf = (file: Json) => file.bounded_contexts as Json[];

function refusal(input: unknown): { message: string; issues: IssueDetail[] } {
  try {
    parseWorkshopDocument(input);
  } catch (error) {
    expect(error).toBeInstanceOf(EventStormError);
    expect((error as EventStormError).code).toBe('invalid');
    return error as EventStormError;
  }
  throw new Error('the file should have been refused');
}

describe('the original server’s export', () => {
  it('reads schema 2.0: counts, links, contexts, and the description merged into notes', () => {
    const plan = parseWorkshopDocument(V2_TEXT);
    expect(plan.source).toBe('origin-2.0');
    expect(plan.meta).toEqual({
      name: 'Coffee Shop Orders',
      description: 'Counter and barista flow',
      domain: 'Retail',
      facilitators: ['Mina'],
      createdAt: '2025-10-21T09:00:00.000000Z',
      updatedAt: '2025-10-21T10:30:00.000000Z',
    });
    expect(plan.elements).toHaveLength(7);
    const count = (type: string) => plan.elements.filter((e) => e.type === type).length;
    expect([count('command'), count('event'), count('policy'), count('actor'), count('hotspot')]).toEqual([2, 2, 1, 1, 1]);
    expect(plan.links).toEqual([
      { from: 'e1', to: 'e2' },
      { from: 'e2', to: 'e3' },
      { from: 'e3', to: 'e4' },
      { from: 'e4', to: 'e5' },
    ]);
    expect(plan.contexts).toEqual([
      { id: 'c1', name: 'Counter', description: 'Taking orders', color: '#3498db' },
      { id: 'c2', name: 'Bar', description: 'Making drinks', color: '#e67e22' },
    ]);
    expect(Object.fromEntries(plan.elements.map((e) => [e.id, e.contextId]))).toEqual({ e1: 'c1', e2: 'c1', e3: 'c2', e4: 'c2', e5: 'c2', e6: null, e7: null });
    const e1 = plan.elements.find((e) => e.id === 'e1')!;
    expect(e1).toEqual({
      id: 'e1',
      type: 'command',
      name: 'Order Drink',
      description: '',
      notes: 'At the counter',
      position: 0,
      contextId: 'c1',
      createdBy: 'Mina',
      createdAt: '2025-10-21T09:01:00Z',
      updatedAt: '2025-10-21T09:01:00Z',
    });
    expect(plan.elements.every((e) => e.y === undefined && e.description === '')).toBe(true);
  });

  it('reads schema 1.0, keeping each element’s separate description', () => {
    const plan = parseWorkshopDocument(V1_TEXT);
    expect(plan.source).toBe('origin-1.0');
    expect(plan.elements).toHaveLength(7);
    expect(plan.links).toHaveLength(4);
    expect(plan.contexts.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(plan.elements.every((e) => e.description === '(schema 1.0 kept a separate description)')).toBe(true);
    expect(plan.elements.find((e) => e.id === 'e1')!.notes).toBe('At the counter');
    // Apart from the description, the two samples are the same workshop.
    const v2Plan = parseWorkshopDocument(V2_TEXT);
    expect(plan.elements.map((e) => ({ ...e, description: '' }))).toEqual(v2Plan.elements);
  });

  it('tells the schemas apart by metadata.schema_version, and refuses one it does not know', () => {
    expect(originSchemaVersion(v2())).toBe('2.0');
    expect(originSchemaVersion(JSON.parse(V1_TEXT) as Json)).toBe('1.0');
    expect(originSchemaVersion({ metadata: { schema_version: '1.0' } })).toBe('1.0');
    const file = v2();
    (file.metadata as Json).schema_version = '3.0';
    const { message, issues } = refusal(file);
    expect(message).toMatch(/schema version "3.0"/);
    expect(issues).toEqual([{ path: 'metadata.schema_version', message: 'must be "1.0" or "2.0" (got "3.0")' }]);
  });

  it('takes the union when the two ends of a trigger disagree', () => {
    const file = v2();
    const [e1, e2, , e4, e5, e6, e7] = elementsOf(file);
    e1.triggers = []; // e1>e2 now only on e2's triggered_by
    e4.triggers = ['e5', 'e6']; // e4>e6 only on e4's side
    e5.triggered_by = []; // e4>e5 only on e4's side
    e7.triggered_by = ['e6']; // e6>e7 only on e7's side
    expect(e2.triggered_by).toEqual(['e1']);
    expect(e6.triggered_by).toEqual([]);
    const plan = parseWorkshopDocument(file);
    expect(new Set(plan.links.map((l) => `${l.from}>${l.to}`))).toEqual(new Set(['e1>e2', 'e2>e3', 'e3>e4', 'e4>e5', 'e4>e6', 'e6>e7']));
  });

  it('settles context membership: the element’s own field when set, else the context’s list', () => {
    const file = v2();
    const elements = elementsOf(file);
    const [c1, c2] = contextsOf(file);
    elements[0].bounded_context_id = 'c2'; // moved, but c1 still lists it
    elements[5].bounded_context_id = null; // e6 only in c2's list
    c2.element_ids = ['e3', 'e4', 'e5', 'e6'];
    elements[6].bounded_context_id = 'null'; // the original's way of saying none
    delete elements[2].bounded_context_id; // e3: missing, c2 lists it
    expect(c1.element_ids).toEqual(['e1', 'e2']);
    const plan = parseWorkshopDocument(file);
    expect(Object.fromEntries(plan.elements.map((e) => [e.id, e.contextId]))).toEqual({ e1: 'c2', e2: 'c1', e3: 'c2', e4: 'c2', e5: 'c2', e6: 'c2', e7: null });
  });

  it('defaults missing optional fields, takes any finite position, and ignores unknown fields', () => {
    const plan = parseWorkshopDocument({
      metadata: { name: 'Bare', schema_version: '2.0', description: null, owner: 'someone' },
      elements: [
        { id: 'x1', type: 'event', name: 'Thing Happened', position: 10.5, notes: null, created_by: null, triggers: null, colour: 'orange' },
        { id: 'x2', type: 'read_model', name: 'Board', position: -3, triggered_by: ['x1'] },
        { id: 'x3', type: 'external_system', name: 'Bank', position: 1e9 },
      ],
      export_info: { tool: 'eventstorming_mcp' },
    });
    expect(plan.meta).toEqual({ name: 'Bare', description: '', domain: '', facilitators: [], createdAt: undefined, updatedAt: undefined });
    expect(plan.elements.map((e) => [e.id, e.position, e.notes, e.createdBy, e.contextId])).toEqual([
      ['x1', 10.5, '', '', null],
      ['x2', -3, '', '', null],
      ['x3', 1e9, '', '', null],
    ]);
    expect(plan.links).toEqual([{ from: 'x1', to: 'x2' }]);
    expect(plan.contexts).toEqual([]);
  });

  it('leaves a missing context colour for the board to choose', () => {
    const file = v2();
    delete contextsOf(file)[0].color;
    contextsOf(file)[1].color = null;
    expect(parseWorkshopDocument(file).contexts.map((c) => c.color)).toEqual([undefined, undefined]);
  });

  it('refuses a bad original file, naming each bad path with the original’s field names', () => {
    const file = v2();
    (file.metadata as Json).name = '';
    elementsOf(file)[1].type = 'domain_event';
    elementsOf(file)[2].triggers = ['e404'];
    contextsOf(file)[0].element_ids = ['e1', 'nope'];
    elementsOf(file)[3].bounded_context_id = 'c9';
    elementsOf(file)[4].position = 'last';
    const { message, issues } = refusal(JSON.stringify(file));
    expect(message).toMatch(/original server \(schema 2\.0\)/);
    expect(issues.map((i) => i.path).sort()).toEqual([
      'bounded_contexts.0.element_ids.1',
      'elements.1.type',
      'elements.2.triggers.0',
      'elements.3.bounded_context_id',
      'elements.4.position',
      'metadata.name',
    ]);
  });

  it('checks a 1.0 description’s length, and ignores a stray one in 2.0', () => {
    const v1 = JSON.parse(V1_TEXT) as Json;
    elementsOf(v1)[0].description = 'd'.repeat(6000);
    expect(refusal(v1).issues.map((i) => i.path)).toEqual(['elements.0.description']);
    const file = v2();
    elementsOf(file)[0].description = 'not in schema 2.0';
    expect(parseWorkshopDocument(file).elements[0].description).toBe('');
  });
});
