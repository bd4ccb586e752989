import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EventStormError,
  LIMITS,
  MAX_LISTED_ISSUES,
  exchangeDocumentSchema,
  exportWorkshop,
  jsonSyntaxErrorOffset,
  parseWorkshopDocument,
  type BoardElement,
  type ExchangeDocument,
  type IssueDetail,
  type WorkshopSnapshot,
} from './index';

const T0 = '2025-10-21T09:00:00.000Z';
const T1 = '2025-10-21T10:00:00.000Z';

function element(id: string, fields: Partial<BoardElement> = {}): BoardElement {
  return {
    id,
    type: 'event',
    name: id.toUpperCase(),
    description: '',
    notes: '',
    position: 0,
    y: 0,
    contextId: null,
    createdBy: '',
    createdAt: T0,
    updatedAt: T1,
    triggers: [],
    triggeredBy: [],
    ...fields,
  };
}

/** A small board as a snapshot would give it (sorted by id), with a link whose target is gone and a stale context id. */
function coffeeSnapshot(): WorkshopSnapshot {
  return {
    meta: { id: 'w1', name: 'Coffee', description: 'Counter flow', domain: 'Retail', facilitators: ['Mina'], createdAt: T0, updatedAt: T1 },
    elements: [
      element('brew', { type: 'command', name: 'Brew Drink', position: 2, contextId: 'bar', y: 170 }),
      element('brewed', { type: 'event', name: 'Drink Brewed', position: 3, contextId: 'bar' }),
      element('order', { type: 'command', name: 'Order Drink', position: 0, contextId: 'counter', createdBy: 'Mina', notes: 'at the till' }),
      element('ordered', { type: 'event', name: 'Drink Ordered', position: 1, contextId: 'counter', description: 'a drink was asked for' }),
      element('barista', { type: 'actor', name: 'Barista', position: 2, contextId: 'gone' }),
      element('queue', { type: 'policy', name: 'Queue it', position: 1.5 }),
    ],
    links: [
      { from: 'brew', to: 'brewed', createdBy: '', createdAt: T0 },
      { from: 'order', to: 'ordered', createdBy: '', createdAt: T0 },
      { from: 'ordered', to: 'queue', createdBy: '', createdAt: T0 },
      { from: 'queue', to: 'brew', createdBy: '', createdAt: T0 },
      { from: 'order', to: 'missing', createdBy: '', createdAt: T0 },
    ],
    contexts: [
      { id: 'bar', name: 'Bar', description: 'Making drinks', color: '#e67e22', createdAt: T0, updatedAt: T1 },
      { id: 'counter', name: 'Counter', description: '', color: '#3498db', createdAt: T0, updatedAt: T0 },
    ],
  };
}

/** Assert that parsing `input` is refused with one `invalid` error; answers its issues. */
function refusal(input: unknown): IssueDetail[] {
  let caught: unknown;
  try {
    parseWorkshopDocument(input);
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the file should have been refused').toBeInstanceOf(EventStormError);
  const error = caught as EventStormError;
  expect(error.code).toBe('invalid');
  expect(error.issues.length).toBeGreaterThan(0);
  return error.issues;
}

function expectIssueAt(issues: IssueDetail[], path: string, message?: RegExp): void {
  const at = issues.filter((i) => i.path === path);
  expect(at, `an issue at "${path}" among ${JSON.stringify(issues)}`).not.toHaveLength(0);
  if (message) expect(at.map((i) => i.message).join(' | ')).toMatch(message);
}

/** A valid document of ours to break in one place. */
function validFile(): ExchangeDocument {
  return exportWorkshop(coffeeSnapshot(), { includeMetadata: true, exportedAt: T1 });
}

function withElements(count: number) {
  const file = validFile();
  return {
    ...file,
    bounded_contexts: [],
    elements: Array.from({ length: count }, (_, i) => ({ id: `e${i}`, type: 'event', name: `Event ${i}`, position: i })),
  };
}

describe('exportWorkshop', () => {
  it('writes the versioned document, elements in timeline order, links derived from the links', () => {
    const file = exportWorkshop(coffeeSnapshot(), { includeMetadata: false });
    expect(file.format).toBe('eventstorm.workshop');
    expect(file.version).toBe(1);
    expect(file.workshop).toEqual({ id: 'w1', name: 'Coffee', description: 'Counter flow', domain: 'Retail', facilitators: ['Mina'] });
    // position, then row (actor 0 before command 1), then name, then id
    expect(file.elements.map((e) => e.id)).toEqual(['order', 'ordered', 'queue', 'barista', 'brew', 'brewed']);
    const byId = new Map(file.elements.map((e) => [e.id, e]));
    expect(byId.get('order')).toEqual({
      id: 'order',
      type: 'command',
      name: 'Order Drink',
      description: '',
      notes: 'at the till',
      position: 0,
      y: 0,
      bounded_context_id: 'counter',
      triggers: ['ordered'],
      triggered_by: [],
      created_by: 'Mina',
    });
    expect(byId.get('queue')).toMatchObject({ triggers: ['brew'], triggered_by: ['ordered'], bounded_context_id: null });
    expect(byId.get('ordered')!.description).toBe('a drink was asked for');
    // A context that no longer exists is no context at all, so the file stays importable.
    expect(byId.get('barista')!.bounded_context_id).toBeNull();
    expect(file.bounded_contexts).toEqual([
      { id: 'bar', name: 'Bar', description: 'Making drinks', color: '#e67e22', element_ids: ['brew', 'brewed'] },
      { id: 'counter', name: 'Counter', description: '', color: '#3498db', element_ids: ['order', 'ordered'] },
    ]);
    expect('exported_at' in file).toBe(false);
    expect(JSON.stringify(file)).not.toMatch(/created_at|updated_at/);
  });

  it('adds timestamps and exported_at with metadata', () => {
    const file = exportWorkshop(coffeeSnapshot(), { includeMetadata: true, exportedAt: '2026-01-02T03:04:05.000Z' });
    expect(file.exported_at).toBe('2026-01-02T03:04:05.000Z');
    expect(file.workshop).toMatchObject({ created_at: T0, updated_at: T1 });
    expect(file.elements[0]).toMatchObject({ created_at: T0, updated_at: T1, created_by: 'Mina' });
    expect(file.bounded_contexts[0]).toMatchObject({ created_at: T0, updated_at: T1 });
  });

  it('is a pure function of the snapshot: the same board in any order gives the same file', () => {
    const snap = coffeeSnapshot();
    const shuffled = { ...snap, elements: [...snap.elements].reverse(), links: [...snap.links].reverse(), contexts: [...snap.contexts].reverse() };
    expect(exportWorkshop(shuffled, { includeMetadata: true, exportedAt: T1 })).toEqual(exportWorkshop(snap, { includeMetadata: true, exportedAt: T1 }));
  });

  it('writes a document its own schema accepts', () => {
    expect(exchangeDocumentSchema.safeParse(validFile()).success).toBe(true);
    expect(exchangeDocumentSchema.safeParse(exportWorkshop(coffeeSnapshot(), { includeMetadata: false })).success).toBe(true);
  });
});

describe('parseWorkshopDocument, our format', () => {
  it('reads its own export back into a plan, from the value or from JSON text', () => {
    const file = validFile();
    const plan = parseWorkshopDocument(file);
    expect(plan.source).toBe('eventstorm-v1');
    expect(plan.meta).toEqual({ name: 'Coffee', description: 'Counter flow', domain: 'Retail', facilitators: ['Mina'], createdAt: T0, updatedAt: T1 });
    expect(plan.elements).toHaveLength(6);
    expect(plan.elements.find((e) => e.id === 'brew')).toEqual({
      id: 'brew',
      type: 'command',
      name: 'Brew Drink',
      description: '',
      notes: '',
      position: 2,
      y: 170,
      contextId: 'bar',
      createdBy: '',
      createdAt: T0,
      updatedAt: T1,
    });
    expect(plan.links).toHaveLength(4);
    expect(new Set(plan.links.map((l) => `${l.from}>${l.to}`))).toEqual(new Set(['brew>brewed', 'order>ordered', 'ordered>queue', 'queue>brew']));
    expect(plan.contexts).toEqual([
      { id: 'bar', name: 'Bar', description: 'Making drinks', color: '#e67e22', createdAt: T0, updatedAt: T1 },
      { id: 'counter', name: 'Counter', description: '', color: '#3498db', createdAt: T0, updatedAt: T0 },
    ]);
    expect(parseWorkshopDocument(JSON.stringify(file, null, 2))).toEqual(plan);
    expect(parseWorkshopDocument(`\uFEFF${JSON.stringify(file)}`)).toEqual(plan);
  });

  it('defaults missing optional fields and ignores unknown ones', () => {
    const plan = parseWorkshopDocument({
      format: 'eventstorm.workshop',
      version: 1,
      workshop: { name: '  Minimal  ', flavour: 'vanilla' },
      elements: [{ id: 'a', type: 'hotspot', name: 'Why?', position: -2.5, colour: 'red' }],
      extra: { anything: [1, 2, 3] },
    });
    expect(plan.meta).toEqual({ name: 'Minimal', description: '', domain: '', facilitators: [], createdAt: undefined, updatedAt: undefined });
    expect(plan.elements).toEqual([
      { id: 'a', type: 'hotspot', name: 'Why?', description: '', notes: '', position: -2.5, y: undefined, contextId: null, createdBy: '', createdAt: undefined, updatedAt: undefined },
    ]);
    expect(plan.links).toEqual([]);
    expect(plan.contexts).toEqual([]);
  });

  it('takes the union of both link ends, and the element’s own context over the context’s list', () => {
    const plan = parseWorkshopDocument({
      format: 'eventstorm.workshop',
      version: 1,
      workshop: { name: 'Hand edited' },
      elements: [
        { id: 'a', type: 'command', name: 'A', position: 0, triggers: ['b'], bounded_context_id: 'c2' },
        { id: 'b', type: 'event', name: 'B', position: 1, triggered_by: ['a', 'a'], triggers: ['c'] },
        { id: 'c', type: 'policy', name: 'C', position: 2, triggered_by: [] },
        { id: 'd', type: 'event', name: 'D', position: 3, triggered_by: ['c'], bounded_context_id: null },
      ],
      bounded_contexts: [
        { id: 'c1', name: 'One', element_ids: ['a', 'b', 'd'] },
        { id: 'c2', name: 'Two', element_ids: ['d'] },
      ],
    });
    expect(plan.links).toEqual([
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
    ]);
    expect(Object.fromEntries(plan.elements.map((e) => [e.id, e.contextId]))).toEqual({ a: 'c2', b: 'c1', c: null, d: 'c1' });
    expect(plan.contexts.map((c) => c.color)).toEqual([undefined, undefined]);
  });

  it('refuses a file made by a newer EventStorm, saying so', () => {
    let caught: unknown;
    try {
      parseWorkshopDocument({ ...validFile(), version: 3, elements: 'whatever comes in version 3' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventStormError);
    expect((caught as EventStormError).message).toMatch(/newer EventStorm/);
    expectIssueAt((caught as EventStormError).issues, 'version', /newer EventStorm/);
  });
});

describe('parseWorkshopDocument refuses every kind of bad file, naming each bad path', () => {
  const cases: [string, () => unknown, string, RegExp?][] = [
    ['a wrong type for the workshop', () => ({ ...validFile(), workshop: 'Coffee' }), 'workshop', /workshop object/],
    ['a wrong type for the elements', () => ({ ...validFile(), elements: { a: 1 } }), 'elements', /list of elements/],
    ['a position that is a string', () => ({ ...validFile(), elements: [{ ...validFile().elements[0], position: '3' }] }), 'elements.0.position', /number/],
    ['a missing workshop name', () => ({ ...validFile(), workshop: { description: 'no name' } }), 'workshop.name', /missing/],
    ['an empty name', () => ({ ...validFile(), workshop: { ...validFile().workshop, name: '   ' } }), 'workshop.name', /must not be empty/],
    ['a 300-character element name', () => {
      const file = validFile();
      file.elements[2].name = 'x'.repeat(300);
      return file;
    }, 'elements.2.name', /at most 200/],
    ['an unknown element type', () => {
      const file = validFile();
      (file.elements[1] as { type: string }).type = 'sticky';
      return file;
    }, 'elements.1.type', /must be one of actor, command/],
    ['a dangling trigger id', () => {
      const file = validFile();
      file.elements[3].triggers = ['nobody'];
      return file;
    }, 'elements.3.triggers.0', /names no element in this file \("nobody"\)/],
    ['a dangling triggered_by id', () => {
      const file = validFile();
      file.elements[0].triggered_by = ['brew', 'ghost'];
      return file;
    }, 'elements.0.triggered_by.1', /names no element/],
    ['a context element_ids entry that does not exist', () => {
      const file = validFile();
      file.bounded_contexts[1].element_ids.push('phantom');
      return file;
    }, 'bounded_contexts.1.element_ids.2', /names no element in this file \("phantom"\)/],
    ['a bounded_context_id that names no context', () => {
      const file = validFile();
      file.elements[2].bounded_context_id = 'nowhere';
      return file;
    }, 'elements.2.bounded_context_id', /names no bounded context/],
    ['a self-trigger', () => {
      const file = validFile();
      file.elements[0].triggers = [file.elements[0].id];
      return file;
    }, 'elements.0.triggers.0', /cannot trigger itself/],
    ['duplicate element ids', () => {
      const file = validFile();
      file.elements[4].id = file.elements[1].id;
      return file;
    }, 'elements.4.id', /duplicate element id "ordered" \(also elements\.1\.id\)/],
    ['duplicate context ids', () => {
      const file = validFile();
      file.bounded_contexts[1].id = file.bounded_contexts[0].id;
      return file;
    }, 'bounded_contexts.1.id', /duplicate bounded context id/],
    ['10,001 elements', () => withElements(LIMITS.elementsPerBoard + 1), 'elements', /at most 10,000 elements.*10,001/],
    ['a 10 MB string', () => ({ ...validFile(), workshop: { ...validFile().workshop, description: 'x'.repeat(10_000_000) } }), 'workshop.description', /at most 5000/],
    ['a 10 MB name', () => JSON.stringify({ ...validFile(), workshop: { ...validFile().workshop, name: 'n'.repeat(10_000_000) } }), 'workshop.name', /at most 200/],
    ['invalid JSON text', () => '{"format": "eventstorm.workshop",\n  "version": 1,\n  "workshop": {"name": "x",}}', '', /not valid JSON.*line 3, column 28/],
    ['truncated JSON text', () => JSON.stringify(validFile()).slice(0, 200), '', /not valid JSON.*ends before/],
    ['an empty file', () => '', '', /empty/],
    ['a newer version', () => ({ ...validFile(), version: 7 }), 'version', /newer EventStorm/],
    ['a version that is not a number', () => ({ ...validFile(), version: '1' }), 'version', /must be 1/],
    ['a wrong format name', () => ({ ...validFile(), format: 'excalidraw' }), 'format', /eventstorm\.workshop/],
    ['neither our format nor the original’s', () => ({ name: 'x', elements: [] }), 'format', /metadata/],
    ['a JSON array', () => '[1, 2, 3]', '', /must be a JSON object/],
    ['null', () => null, '', /must be a JSON object/],
    ['a number', () => 42, '', /must be a JSON object/],
    ['an element that is a string', () => ({ ...validFile(), elements: ['not an element'] }), 'elements.0', /element object/],
    ['an invalid colour', () => {
      const file = validFile();
      file.bounded_contexts[0].color = 'blue';
      return file;
    }, 'bounded_contexts.0.color', /hex colour/],
    ['an id with a space', () => {
      const file = validFile();
      file.elements[0].id = 'two words';
      return file;
    }, 'elements.0.id', /spaces/],
    ['a timestamp that is not a date', () => ({ ...validFile(), workshop: { ...validFile().workshop, created_at: 'yesterday' } }), 'workshop.created_at', /ISO 8601/],
    ['an infinite position (not JSON, but a value)', () => {
      const file = validFile();
      file.elements[0].position = Number.POSITIVE_INFINITY;
      return file;
    }, 'elements.0.position', /finite number/],
  ];

  for (const [what, make, path, message] of cases) {
    it(`refuses ${what}, at "${path || '(the whole file)'}"`, () => {
      expectIssueAt(refusal(make()), path, message);
    });
  }

  it('lists every problem at once, in one error', () => {
    const file = validFile();
    file.workshop.name = '';
    (file.elements[0] as { type: string }).type = 'note';
    file.elements[1].triggers = ['nobody'];
    file.bounded_contexts[0].element_ids = ['ghost'];
    const issues = refusal(file);
    expect(issues.map((i) => i.path).sort()).toEqual(['bounded_contexts.0.element_ids.0', 'elements.0.type', 'elements.1.triggers.0', 'workshop.name']);
  });

  it(`caps the list at ${MAX_LISTED_ISSUES} problems and counts the rest`, () => {
    const file = withElements(250);
    for (const e of file.elements) e.type = 'sticky';
    const issues = refusal(file);
    expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(issues.at(-1)!.message).toBe(`and ${250 - MAX_LISTED_ISSUES} more problems`);
  });

  it('still checks what a board could hold of an oversized file, and refuses a huge one quickly', () => {
    const file = withElements(200_000);
    file.elements[3].name = '';
    const issues = refusal(file);
    expectIssueAt(issues, 'elements', /200,000/);
    expectIssueAt(issues, 'elements.3.name', /must not be empty/);
  });

  it('quotes a hostile id briefly, however long it is', () => {
    const file = validFile();
    const huge = 'i'.repeat(10_000_000);
    file.elements[0].id = huge;
    file.elements[1].id = huge;
    file.elements[2].triggers = [huge.slice(1)];
    let caught: unknown;
    try {
      parseWorkshopDocument(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventStormError);
    const error = caught as EventStormError;
    expect(error.message.length).toBeLessThan(2000);
    expectIssueAt(error.issues, 'elements.1.id', /duplicate element id "i{60}…"/);
    expectIssueAt(error.issues, 'elements.0.id', /at most 128/);
  });

  it('refuses deeply nested junk without overflowing the stack', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const text = `{"format":"eventstorm.workshop","version":1,"workshop":${deep},"elements":${deep}}`;
    const issues = refusal(text);
    expectIssueAt(issues, 'workshop', /workshop object/);
    expectIssueAt(issues, 'elements.0', /element object/);
    // Nested junk as unknown fields is simply ignored.
    const ignored = `{"format":"eventstorm.workshop","version":1,"junk":${deep},"workshop":{"name":"ok","junk":${deep}},"elements":[]}`;
    expect(parseWorkshopDocument(ignored).meta.name).toBe('ok');
    expectIssueAt(refusal('{"a":' + '['.repeat(100_000)), '', /not valid JSON/);
  });

  it('treats prototype-pollution keys as plain data and never lets them through', () => {
    const text = `{
      "__proto__": { "polluted": "top" },
      "constructor": { "prototype": { "polluted": "ctor" } },
      "format": "eventstorm.workshop", "version": 1,
      "workshop": { "name": "Safe", "__proto__": { "polluted": "workshop", "isAdmin": true } },
      "elements": [
        { "id": "a", "type": "event", "name": "A", "position": 0, "__proto__": { "polluted": "element", "contextId": "x" } },
        { "id": "__proto__", "type": "event", "name": "Proto", "position": 1, "triggered_by": ["a"] }
      ],
      "bounded_contexts": [ { "id": "constructor", "name": "C", "element_ids": ["a", "__proto__"], "__proto__": { "color": "#000" } } ]
    }`;
    const plan = parseWorkshopDocument(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(plan.meta)).toBe(Object.prototype);
    expect(plan.meta).not.toHaveProperty('isAdmin');
    expect(plan.elements[0]).not.toHaveProperty('polluted');
    expect(plan.elements.map((e) => [e.id, e.contextId])).toEqual([
      ['a', 'constructor'],
      ['__proto__', 'constructor'],
    ]);
    expect(plan.links).toEqual([{ from: 'a', to: '__proto__' }]);
    expect(plan.contexts[0].color).toBeUndefined();
    // A name like "__proto__" for a field we need is refused as missing, not read through the prototype.
    expectIssueAt(refusal('{"format":"eventstorm.workshop","version":1,"workshop":{"__proto__":{"name":"inherited"}},"elements":[]}'), 'workshop.name', /missing/);
  });
});

describe('jsonSyntaxErrorOffset', () => {
  it('agrees with JSON.parse on which texts are valid', () => {
    const nearlyJson = fc.oneof(
      fc.json(),
      fc.string(),
      fc.json().chain((s) => fc.nat(s.length).map((k) => s.slice(0, k))),
      fc.json().chain((s) => fc.tuple(fc.nat(s.length), fc.constantFrom('}', ']', ',', ':', '"', 'x', ' ', '\\')).map(([k, c]) => s.slice(0, k) + c + s.slice(k))),
    );
    fc.assert(
      fc.property(nearlyJson, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxErrorOffset(text) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it('points at the first character that cannot continue the JSON', () => {
    expect(jsonSyntaxErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonSyntaxErrorOffset('[1, 2')).toBe(5);
    expect(jsonSyntaxErrorOffset("{'a': 1}")).toBe(1);
    expect(jsonSyntaxErrorOffset('[NaN]')).toBe(1);
  });
});

describe('opportunities in the exchange format', () => {
  it('exports version 1 until a board holds an opportunity, then version 2, and reads both back', () => {
    const meta = { id: 'w', name: 'W', description: '', domain: '', facilitators: [], createdAt: '', updatedAt: '' };
    const element = (id: string, type: 'event' | 'opportunity') => ({
      id, type, name: id, description: '', notes: '', position: 0, y: 0, contextId: null, createdBy: '', createdAt: '', updatedAt: '', triggers: [], triggeredBy: [],
    });
    const plain = exportWorkshop({ meta, elements: [element('e', 'event')], links: [], contexts: [] }, { includeMetadata: false });
    expect(plain.version).toBe(1);
    const withOpportunity = exportWorkshop({ meta, elements: [element('e', 'event'), element('o', 'opportunity')], links: [], contexts: [] }, { includeMetadata: false });
    expect(withOpportunity.version).toBe(2);
    expect(parseWorkshopDocument(JSON.parse(JSON.stringify(withOpportunity))).elements.map((e) => e.type)).toEqual(['event', 'opportunity']);
    expect(parseWorkshopDocument(JSON.parse(JSON.stringify(plain))).elements).toHaveLength(1);
  });
});
