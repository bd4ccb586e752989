// `npx eventstorm mcp`: the same tools over stdio for desktop assistants. It relays to the running server at
// EVENTSTORM_URL; when none answers there, it starts the server in-process on DATA_DIR and serves the tools directly.
// stdout carries nothing but MCP: every word for people goes to stderr.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { createMcpServer, SERVER_INFO } from './mcp-server';

function say(line: string): void {
  process.stderr.write(`eventstorm: ${line}\n`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Serve the tools of the server at `url` over stdio, relaying each request. */
async function relay(url: string, token: string | undefined): Promise<void> {
  const client = new Client({ name: 'eventstorm-stdio', version: SERVER_INFO.version });
  const transport = new StreamableHTTPClientTransport(new URL('/mcp', url), {
    requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : undefined,
  });
  await client.connect(transport);
  const instructions = client.getInstructions();
  const server = new Server(SERVER_INFO, { capabilities: { tools: {}, resources: {} }, instructions });
  server.setRequestHandler(ListToolsRequestSchema, (request) => client.listTools(request.params));
  server.setRequestHandler(CallToolRequestSchema, (request) => client.callTool(request.params));
  server.setRequestHandler(ListResourcesRequestSchema, (request) => client.listResources(request.params));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, (request) => client.listResourceTemplates(request.params));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => client.readResource(request.params));
  server.onclose = () => void client.close();
  await server.connect(new StdioServerTransport());
  say(`serving MCP over stdio, relaying to ${url}`);
}

export async function runStdio(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = (env.EVENTSTORM_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (await answers(url)) {
    await relay(url, env.MCP_TOKEN);
    return;
  }
  say(`no EventStorm server answers at ${url}; starting one in this process`);
  const { startServer } = await import('../main');
  const { loadConfig } = await import('../config');
  const target = new URL(url);
  const config = loadConfig({ ...env, PORT: env.PORT ?? (target.port || '3000'), HOST: env.HOST ?? target.hostname });
  const running = await startServer({ ...config, logStream: process.stderr });
  say(`the board is at ${running.url} (data in ${config.dataDir})`);
  const server = createMcpServer(running.workshops);
  await server.connect(new StdioServerTransport());
  const stop = () => void running.close().finally(() => process.exit(0));
  process.stdin.on('end', stop);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
