// Yjs updates built by hand that decode cleanly (Y.decodeUpdate accepts them) but do not apply: what an attacker
// sends to make a server store something it cannot load. Test-only: the fuzz suite mixes them into its streams.
import * as encoding from 'lib0/encoding';

/** Content ref of ContentAny in the V1 update format. */
const CONTENT_ANY = 8;
const HAS_ORIGIN = 0x80;
const HAS_PARENT_SUB = 0x20;

export type Inapplicable = 'missing-parent' | 'missing-origin' | 'unknown-delete';

function writeRootItem(encoder: encoding.Encoder, root: string, key: string, value: unknown): void {
  encoding.writeUint8(encoder, CONTENT_ANY | HAS_PARENT_SUB);
  encoding.writeVarUint(encoder, 1); // parent is a root type, by name
  encoding.writeVarString(encoder, root);
  encoding.writeVarString(encoder, key);
  encoding.writeVarUint(encoder, 1);
  encoding.writeAny(encoder, value as never);
}

/**
 * One update from `client` (whose next clock is `clock`): a valid sticky in `elements`, then an item that refers to
 * a struct of its own client that does not exist (as parent or as left origin), or a delete of a range nobody made.
 */
export function inapplicableUpdate(kind: Inapplicable, client: number, clock = 0, key = `bad-${client}-${clock}`): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one client
  const structs = kind === 'unknown-delete' ? 1 : 2;
  encoding.writeVarUint(encoder, structs);
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
  writeRootItem(encoder, 'elements', key, {
    type: 'event',
    name: 'Valid-looking sticky',
    at: [0, 0],
    created: ['attacker', new Date(0).toISOString()],
  });
  if (kind === 'missing-parent') {
    // Parent: an id of its own client at a clock far beyond anything it sent.
    encoding.writeUint8(encoder, CONTENT_ANY | HAS_PARENT_SUB);
    encoding.writeVarUint(encoder, 0); // parent is an ID
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock + 100_000);
    encoding.writeVarString(encoder, 'x');
    encoding.writeVarUint(encoder, 1);
    encoding.writeAny(encoder, 'poison');
  } else if (kind === 'missing-origin') {
    encoding.writeUint8(encoder, CONTENT_ANY | HAS_ORIGIN);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock + 100_000);
    encoding.writeVarUint(encoder, 1);
    encoding.writeAny(encoder, 'poison');
  }
  // Delete set.
  if (kind === 'unknown-delete') {
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, client + 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 5_000);
    encoding.writeVarUint(encoder, 1_000_000);
  } else {
    encoding.writeVarUint(encoder, 0);
  }
  return encoding.toUint8Array(encoder);
}

/** A y-websocket sync message carrying `update` (what a client sends for an edit). */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // messageSync
  encoding.writeVarUint(encoder, 2); // messageYjsUpdate
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness message announcing `entries` (what a page sends for its presence, or a forger for many). */
export function awarenessMessage(entries: Array<{ clientID: number; json: string; clock?: number }>): Uint8Array {
  const update = encoding.encode((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const { clientID, json, clock } of entries) {
      encoding.writeVarUint(e, clientID);
      encoding.writeVarUint(e, clock ?? 1);
      encoding.writeVarString(e, json);
    }
  });
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 1); // messageAwareness
    encoding.writeVarUint8Array(e, update);
  });
}
