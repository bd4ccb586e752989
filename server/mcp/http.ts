// Streamable HTTP at /mcp, stateless: each request gets its own transport, so a restarted server serves the same
// client without a session to lose.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { sameSecret } from '../access';
import { createMcpServer } from './mcp-server';
import type { WorkshopAccess } from './tools';

export interface McpHttpOptions {
  workshops: WorkshopAccess;
  /** Bearer token required when set. */
  token?: string;
  /** Whether the server listens on loopback only; without a token, /mcp is open only then. */
  loopbackOnly: boolean;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

/** A refusal as MCP clients read one: a JSON-RPC error (also the router's, when the Host/Origin guard refuses /mcp). */
export function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message }, id: null }));
}

/** Why /mcp is closed, or null when it is open; said once in the log at start. */
export function mcpDisabledReason(options: Pick<McpHttpOptions, 'token' | 'loopbackOnly'>): string | null {
  if (options.token || options.loopbackOnly) return null;
  return 'MCP_TOKEN is not set and the server listens beyond loopback: /mcp is disabled. Set MCP_TOKEN to enable it.';
}

export function createMcpHandler(options: McpHttpOptions) {
  const disabled = mcpDisabledReason(options);
  return async function handleMcp(req: IncomingMessage, res: ServerResponse, parsedBody?: unknown): Promise<void> {
    if (disabled) return refuse(res, 403, disabled);
    if (options.token) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!given) return refuse(res, 401, 'Missing bearer token: send Authorization: Bearer <MCP_TOKEN>.');
      if (!sameSecret(given, options.token)) return refuse(res, 401, 'Wrong bearer token for /mcp.');
    }
    if (req.method !== 'POST') {
      // Stateless: no server-initiated stream and no session to delete.
      res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this endpoint is stateless, use POST.' }, id: null }));
      return;
    }
    const server = createMcpServer(options.workshops);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, parsedBody);
    } catch (error) {
      options.log?.('mcp.error', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) refuse(res, 500, 'Internal error while handling the MCP request.');
    }
  };
}
