// The eventstorming_* tools, one per catalogue entry (src/board/catalogue): a superset of the original server's
// fifteen. Names, parameters, descriptions and answers all come from the entries; this file only says how an
// MCP call reaches a workshop (edit or read), how an answer is wrapped, and that errors are answers too.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type * as Y from 'yjs';
import {
  ENTRIES,
  hasResponseFormat,
  toolName,
  workshopIdField,
  type AnyEntry,
  type AnyOperation,
  type AnyQuery,
  type AnyServerEntry,
  type CreatedLinks,
  type WorkshopServer,
} from '../../src/board';
import type { WorkshopSnapshot } from '../../src/domain';
import { answerError, answerJson, answerText } from './results';

export type WorkshopLinks = CreatedLinks;

/** What the tools need of the server: the workshops service (server/workshops.ts) satisfies it. */
export interface WorkshopAccess extends WorkshopServer {
  edit<T>(id: string, fn: (doc: Y.Doc) => T, origin?: unknown): Promise<T>;
  read<T>(id: string, fn: (snap: WorkshopSnapshot, doc: Y.Doc) => T): Promise<T>;
}

/** The origin of an assistant's edits: a person's undo never reverts them. */
export const ASSISTANT_ORIGIN = { kind: 'mcp-assistant' } as const;

type ToolDefinition = Parameters<McpServer['registerTool']>;
type Args = Record<string, unknown>;

/** The definitions, built once per workshops service: a stateless request registers them, it does not rebuild them. */
const definitionsByService = new WeakMap<WorkshopAccess, ToolDefinition[]>();

export function registerTools(server: McpServer, workshops: WorkshopAccess): void {
  let definitions = definitionsByService.get(workshops);
  if (!definitions) {
    definitions = ENTRIES.map((entry) => defineTool(entry, workshops));
    definitionsByService.set(workshops, definitions);
  }
  const register = server.registerTool.bind(server) as (...definition: ToolDefinition) => unknown;
  for (const definition of definitions) register(...definition);
}

/** Markdown unless the caller asked for JSON (the seed's default), for entries that answer in either. */
function wantsMarkdown(entry: AnyEntry, args: Args): boolean {
  return hasResponseFormat(entry) && args.response_format !== 'json';
}

function runOperation(entry: AnyOperation, workshops: WorkshopAccess, { workshop_id, ...input }: Args): Promise<CallToolResult> {
  return workshops
    .edit(String(workshop_id), (doc) => entry.run(doc, input, { origin: ASSISTANT_ORIGIN }), ASSISTANT_ORIGIN)
    .then((result) => answerJson(entry.answer(result, input)));
}

function runQuery(entry: AnyQuery, workshops: WorkshopAccess, { workshop_id, ...input }: Args): Promise<CallToolResult> {
  return workshops.read(String(workshop_id), (snap) => {
    const report = entry.run(snap, input);
    if (entry.markdown && wantsMarkdown(entry, input)) return answerText(entry.markdown(report));
    return answerJson(entry.json ? entry.json(report) : report);
  });
}

async function runServerEntry(entry: AnyServerEntry, workshops: WorkshopAccess, input: Args): Promise<CallToolResult> {
  const result = await entry.run(workshops, input);
  if (entry.markdown && wantsMarkdown(entry, input)) return answerText(entry.markdown(result));
  return answerJson(entry.answer(result, input));
}

function defineTool(entry: AnyEntry, workshops: WorkshopAccess): ToolDefinition {
  const inputSchema = entry.kind === 'server' ? entry.input.shape : { workshop_id: workshopIdField, ...entry.input.shape };
  const handler = async (args: Args): Promise<CallToolResult> => {
    try {
      if (entry.kind === 'operation') return await runOperation(entry, workshops, args);
      if (entry.kind === 'query') return await runQuery(entry, workshops, args);
      return await runServerEntry(entry, workshops, args);
    } catch (error) {
      return answerError(error);
    }
  };
  const config = { title: entry.title, description: entry.description, inputSchema, annotations: { ...entry.annotations, title: entry.title } };
  return [toolName(entry), config, handler] as unknown as ToolDefinition;
}
