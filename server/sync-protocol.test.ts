import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MalformedMessage, encodeAwarenessEntries, encodeSyncStep1, encodeSyncStep2, encodeUpdate, parseClientMessage } from './sync-protocol';

describe('reading client messages strictly', () => {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'v');
  const update = Y.encodeStateAsUpdate(doc);

  it('reads sync step 1, step 2, updates, awareness and awareness queries', () => {
    expect(parseClientMessage(encodeSyncStep1(doc))).toMatchObject({ kind: 'sync-step1' });
    expect(parseClientMessage(encodeSyncStep2(doc, new Uint8Array([0])))).toMatchObject({ kind: 'update', step2: true });
    expect(parseClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update, step2: false, decoded: Y.decodeUpdate(update) });
    const awareness = encoding.encode((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessEntries([{ clientID: 7, clock: 2, json: '{"user":"x"}' }]));
    });
    expect(parseClientMessage(awareness)).toMatchObject({ kind: 'awareness', entries: [{ clientID: 7, clock: 2 }] });
    expect(parseClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' });
  });

  it('refuses anything malformed, whole', () => {
    const valid = encodeUpdate(update);
    const cases: Array<[string, Uint8Array]> = [
      ['empty', new Uint8Array()],
      ['unknown type', new Uint8Array([9, 0])],
      ['auth from a client', new Uint8Array([2, 0])],
      ['unknown sync step', new Uint8Array([0, 7, 0])],
      ['truncated', valid.slice(0, valid.length - 2)],
      ['trailing bytes', new Uint8Array([...valid, 0])],
      ['garbage update', encodeUpdate(new Uint8Array([1, 1, 200, 3, 0, 39, 1, 99]))],
      ['awareness with bad JSON', encoding.encode((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, encodeAwarenessEntries([{ clientID: 1, clock: 1, json: '{nope' }]));
      })],
    ];
    for (const [what, bytes] of cases) expect(() => parseClientMessage(bytes), what).toThrow(MalformedMessage);
  });
});
