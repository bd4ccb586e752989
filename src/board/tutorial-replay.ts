// The seed tutorial replayed through the catalogue's operations on a document (MCP and REST are other faces of the
// same entries, so each step answers here what its tool answers there). Used by tests and benches; not exported
// from src/board/index.ts so the app bundle never carries the fixture.
import type * as Y from 'yjs';
import { replayTutorial } from '../../fixtures/tutorial';
import { entryForTool, initWorkshop, isInitialised, toolName, OPERATION_CATALOGUE, type RunOptions } from './index';

/**
 * Run one tool call on `doc`: an operation through its entry, answering its MCP answer. Creating the workshop is
 * the server's verb; on a bare document it is `init` (a fresh document) or, on a document that already holds its
 * workshop (a board open in a page), the workshop's update.
 */
export function runToolOnDoc(doc: Y.Doc, tool: string, args: Record<string, unknown>, options: RunOptions = {}, workshopId = 'tutorial'): Record<string, unknown> {
  const { workshop_id: _workshop, ...input } = args;
  if (tool === toolName(OPERATION_CATALOGUE.create_workshop)) {
    const meta = isInitialised(doc) ? OPERATION_CATALOGUE.update_workshop.run(doc, input, options) : initWorkshop(doc, workshopId, input as never, options);
    return { workshop_id: meta.id };
  }
  const entry = entryForTool(tool);
  if (entry?.kind !== 'operation') throw new Error(`${tool} is not an operation on one board`);
  return entry.answer(entry.run(doc, input, options), input);
}

/** Replay every tutorial step onto `doc`; answers the ids the steps saved, by their `$name`. */
export async function replayOnDoc(doc: Y.Doc, options: RunOptions = {}): Promise<Map<string, string>> {
  return replayTutorial((tool, args) => runToolOnDoc(doc, tool, args, options));
}
