// One MCP server definition (tools and resources) for both transports: Streamable HTTP on /mcp, and stdio via the bin.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { exportWorkshop } from '../../src/domain';
import { registerTools, type WorkshopAccess } from './tools';

export const SERVER_INFO = { name: 'eventstorm', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'EventStorm: a live, shared Event Storming whiteboard. Create a workshop (eventstorming_create_workshop) and hand the humans its board_url; ' +
  'every sticky you add appears on their boards at once, and their drags show in your next eventstorming_get_timeline. ' +
  'Events are orange and in the past tense, commands blue and imperative; link causes to effects with triggers; group elements into bounded contexts; ' +
  'check the model with eventstorming_lint.';

export function createMcpServer(workshops: WorkshopAccess): McpServer {
  const server = new McpServer(SERVER_INFO, { instructions: INSTRUCTIONS, capabilities: { tools: {}, resources: {} } });
  registerTools(server, workshops);
  server.registerResource(
    'workshop',
    new ResourceTemplate('eventstorm://workshops/{workshopId}', {
      list: async () => ({
        resources: (await workshops.list()).map((w) => ({
          uri: `eventstorm://workshops/${w.id}`,
          name: w.name,
          description: `${w.element_count} elements, ${w.context_count} bounded contexts`,
          mimeType: 'application/json',
        })),
      }),
    }),
    { title: 'Workshop exchange document', description: 'A workshop as the EventStorm exchange document (JSON).', mimeType: 'application/json' },
    async (uri, variables) => {
      const id = String(variables.workshopId);
      const document = await workshops.read(id, (snap) => exportWorkshop(snap, { includeMetadata: true }));
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(document, null, 2) }] };
    },
  );
  return server;
}
