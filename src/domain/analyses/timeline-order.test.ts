import { describe, expect, it } from 'vitest';
import { exportWorkshop } from '../exchange';
import { indexBoard, inTimelineOrder } from './board-index';
import { snapshotOf } from '../../../test-support/snapshot-of';
import { timeline } from './timeline';

// One order for the timeline analysis, the index every analysis starts from, the exchange file and an import's
// stacking: position, then the type's row on the board, then name, then id.
describe('timeline order', () => {
  const snap = snapshotOf({
    elements: [
      { id: 'z', type: 'event', name: 'Same', position: 2 },
      { id: 'a', type: 'event', name: 'Same', position: 2 },
      { id: 'cmd', type: 'command', name: 'Zed', position: 2 },
      { id: 'late', type: 'actor', name: 'Aaron', position: 3 },
      { id: 'early', type: 'policy', name: 'Zoe', position: 1.5 },
      { id: 'b', type: 'event', name: 'Other', position: 2 },
    ],
  });
  const expected = ['early', 'cmd', 'b', 'a', 'z', 'late'];

  it('sorts by position, row, name and id, and leaves its input alone', () => {
    const before = snap.elements.map((e) => e.id);
    expect(inTimelineOrder(snap.elements).map((e) => e.id)).toEqual(expected);
    expect(snap.elements.map((e) => e.id)).toEqual(before);
  });

  it('is the order of the index, the timeline analysis and the export', () => {
    expect(indexBoard(snap).ordered.map((e) => e.id)).toEqual(expected);
    expect(timeline(snap, { page_size: 100 }).timeline.map((e) => e.id)).toEqual(expected);
    expect(exportWorkshop(snap, { includeMetadata: false }).elements.map((e) => e.id)).toEqual(expected);
  });
});
