// Mount the MCP endpoint on the main server's router: `/mcp`, taking bodies as large as an import takes (the import
// tool carries a whole workshop file).
import type { AppContext } from '../main';
import type { Route } from '../http';
import { importBytesFor } from '../limits';
import { asCreator } from '../request-creator';
import { createMcpHandler, mcpDisabledReason, refuse } from './http';

export function mcpRoutes(app: AppContext): Route[] {
  const options = { token: app.config.mcpToken || undefined, loopbackOnly: app.listensOnLoopbackOnly() };
  const reason = mcpDisabledReason(options);
  if (reason) app.log.warn('mcp.disabled', { reason });
  const handle = createMcpHandler({ ...options, workshops: app.workshops, log: (event, fields) => app.log.warn(event, fields as never) });
  return [
    {
      method: ['POST', 'GET', 'DELETE'],
      path: '/mcp',
      // Without MCP_TOKEN, /mcp needs no secret: only a request to one of the server's own names, from no page or
      // the app's own, reaches it (DNS rebinding). With the token, whoever rebinds a name lacks it.
      guard: options.token ? 'origin' : 'host',
      refuse,
      maxBodyBytes: importBytesFor(app.config.limits),
      doc: {
        operationId: 'mcp',
        path: '/mcp',
        summary: 'MCP (Streamable HTTP)',
        description: 'The Model Context Protocol endpoint: JSON-RPC over Streamable HTTP, stateless. Every board operation and analysis is a tool (eventstorming_*); list them with tools/list.',
        tag: 'MCP',
        auth: 'mcp',
        body: { type: 'object', description: 'A JSON-RPC 2.0 request (POST).' },
        success: { status: 200, description: 'A JSON-RPC 2.0 answer (JSON or an event stream).' },
      },
      async handler(ctx) {
        const body = ctx.req.method === 'POST' && !reason ? await ctx.readJson() : undefined;
        // Workshops an assistant creates or imports count against its address, as through REST.
        await asCreator(ctx.address, () => handle(ctx.req, ctx.res, body));
      },
    },
  ];
}
