// Pivotal events in the document: marked on add or update, only on events, kept through export and import.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportWorkshop } from '../domain';
import { addElement, importWorkshop, initWorkshop, snapshot, updateElement } from './index';

function board() {
  const doc = new Y.Doc();
  initWorkshop(doc, 'w1', { name: 'Pivotal' });
  return doc;
}

describe('pivotal events', () => {
  it('are marked and unmarked on events, and refused on anything else with a reason', () => {
    const doc = board();
    const placed = addElement(doc, { type: 'event', name: 'Order Placed', position: 0, pivotal: true });
    expect(placed.pivotal).toBe(true);
    const command = addElement(doc, { type: 'command', name: 'Place Order', position: 0 });
    expect(() => updateElement(doc, { element_id: command.id, pivotal: true })).toThrow(/Only a domain event can be pivotal/);
    expect(() => addElement(doc, { type: 'policy', name: 'P', pivotal: true })).toThrow(/Only a domain event/);
    expect(updateElement(doc, { element_id: placed.id, pivotal: false }).pivotal).toBeUndefined();
    expect(updateElement(doc, { element_id: placed.id, pivotal: true }).pivotal).toBe(true);
    // A pivotal event turned into a command is no longer pivotal; turned back, it is again.
    expect(updateElement(doc, { element_id: placed.id, type: 'command' }).pivotal).toBeUndefined();
    expect(updateElement(doc, { element_id: placed.id, type: 'event' }).pivotal).toBe(true);
  });

  it('travel through the export and back', () => {
    const doc = board();
    const placed = addElement(doc, { type: 'event', name: 'Order Placed', position: 0, pivotal: true });
    addElement(doc, { type: 'event', name: 'Order Paid', position: 1 });
    const file = exportWorkshop(snapshot(doc), { includeMetadata: false });
    expect(file.elements.map((e) => e.pivotal)).toEqual([true, undefined]);
    const copy = new Y.Doc();
    importWorkshop(copy, 'w2', JSON.parse(JSON.stringify(file)));
    const imported = snapshot(copy).elements;
    expect(imported.find((e) => e.id === placed.id)!.pivotal).toBe(true);
    expect(imported.filter((e) => e.pivotal)).toHaveLength(1);
    expect(() => importWorkshop(new Y.Doc(), 'w3', { ...file, elements: [{ ...file.elements[0], pivotal: 'yes' }] })).toThrow(/pivotal/);
  });
});
