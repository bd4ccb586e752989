// The live rooms, which own every live document: the code is in server/room/ (room.ts says which file holds
// what). Re-exported here, name for name, so importers keep their path.
export { Rooms, type RoomsOptions } from './room/rooms';
export { Room } from './room/room';
export { summaryOf, SCHEMA_META, schemaVersionOf, type WorkshopSummary } from './room/summary';
export { CLOSE, COMPACT_ON_LOAD, COMPACT_ON_UNLOAD, COMPACT_BYTES, COMPACT_EVERY, type Access, type Connection, type RoomHooks } from './room/types';
