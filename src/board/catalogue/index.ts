// The operation catalogue: every verb of the board and every question to it, once. MCP's tools, REST's routes,
// the OpenAPI document, the page's calls, the tutorial replay and the fuzz generators are all built from
// OPERATION_CATALOGUE; a new verb is one entry here (in the file of its kind) and nothing else.
import { assignToContextEntry, createContextEntry, deleteContextEntry, unassignEntry, updateContextEntry } from './contexts';
import {
  addElementEntry,
  deleteElementEntry,
  deleteElementsEntry,
  duplicateElementsEntry,
  linkElementsEntry,
  moveElementsEntry,
  unlinkElementsEntry,
  updateElementEntry,
} from './elements';
import type { AnyEntry, AnyOperation, AnyQuery, AnyServerEntry } from './entry';
import { toolName } from './entry';
import { contextOverviewEntry, flowEntry, lintEntry, searchEntry, statisticsEntry, timelineEntry } from './queries';
import {
  createWorkshopEntry,
  exportWorkshopEntry,
  importWorkshopEntry,
  listWorkshopsEntry,
  loadWorkshopEntry,
  updateWorkshopEntry,
} from './workshops';

export * from './entry';
export { responseFormatField, workshopIdField } from './fields';

/** Every entry, by name. The order is the order MCP lists them in: the original server's tools first. */
export const OPERATION_CATALOGUE = {
  create_workshop: createWorkshopEntry,
  list_workshops: listWorkshopsEntry,
  load_workshop: loadWorkshopEntry,
  add_element: addElementEntry,
  update_element: updateElementEntry,
  delete_element: deleteElementEntry,
  create_bounded_context: createContextEntry,
  assign_to_context: assignToContextEntry,
  update_bounded_context: updateContextEntry,
  delete_bounded_context: deleteContextEntry,
  search_elements: searchEntry,
  get_timeline: timelineEntry,
  get_context_overview: contextOverviewEntry,
  get_statistics: statisticsEntry,
  visualize_flow: flowEntry,
  lint: lintEntry,
  export_workshop: exportWorkshopEntry,
  import_workshop: importWorkshopEntry,
  update_workshop: updateWorkshopEntry,
  delete_elements: deleteElementsEntry,
  duplicate_elements: duplicateElementsEntry,
  move_elements: moveElementsEntry,
  link_elements: linkElementsEntry,
  unlink_elements: unlinkElementsEntry,
  unassign_from_context: unassignEntry,
} as const;

export type EntryName = keyof typeof OPERATION_CATALOGUE;
export type Catalogue = typeof OPERATION_CATALOGUE;

export const ENTRIES: readonly AnyEntry[] = Object.values(OPERATION_CATALOGUE);
export const OPERATIONS: readonly AnyOperation[] = ENTRIES.filter((e): e is AnyOperation => e.kind === 'operation');
export const QUERIES: readonly AnyQuery[] = ENTRIES.filter((e): e is AnyQuery => e.kind === 'query');
export const SERVER_ENTRIES: readonly AnyServerEntry[] = ENTRIES.filter((e): e is AnyServerEntry => e.kind === 'server');

const byTool = new Map(ENTRIES.map((e) => [toolName(e), e]));

/** The entry an MCP tool name offers, or undefined. */
export function entryForTool(tool: string): AnyEntry | undefined {
  return byTool.get(tool);
}

for (const [key, entry] of Object.entries(OPERATION_CATALOGUE)) {
  // One name per verb: the key it is filed under is the name every face shows.
  if (key !== entry.name) throw new Error(`catalogue entry ${key} is named ${entry.name}`);
}

export { inputJsonSchema, jsonSchemaOf, jsonTypesOf, type JsonSchema } from './json-schema';
