// The seed tutorial replayed through the board operations (the MCP layer is another face of the same operations).
// Used by tests and benches; not exported from src/board/index.ts so the app bundle never carries the fixture.
import type * as Y from 'yjs';
import { replayTutorial } from '../../fixtures/tutorial';
import { addElement, assignToContext, createContext, initWorkshop, updateElement } from './index';

/** Replay every tutorial step onto `doc`; answers the ids the steps saved, by their `$name`. */
export async function replayOnDoc(doc: Y.Doc): Promise<Map<string, string>> {
  return replayTutorial((tool, args) => {
    const { workshop_id: _ignored, ...rest } = args;
    const input = rest as never;
    switch (tool) {
      case 'eventstorming_create_workshop':
        initWorkshop(doc, 'tutorial', input);
        return { workshop_id: 'tutorial' };
      case 'eventstorming_add_element':
        return { element_id: addElement(doc, input).id };
      case 'eventstorming_update_element':
        return { element_id: updateElement(doc, input).id };
      case 'eventstorming_create_bounded_context':
        return { context_id: createContext(doc, input).id };
      case 'eventstorming_assign_to_context':
        return { assigned: assignToContext(doc, input).assigned };
      default:
        throw new Error(`unexpected tool ${tool}`);
    }
  });
}
