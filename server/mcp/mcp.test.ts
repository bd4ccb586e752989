// The MCP tools through a real SDK client over Streamable HTTP against a real server.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TUTORIAL_FLOW_MARKDOWN, replayTutorial } from '../../fixtures/tutorial';
import { ENTRIES, addElement, moveElements, toolName } from '../../src/board';
import { connectClient, startTestServer, waitFor, type TestServer } from '../../test-support/test-clients';
import { callError, callOk, connectMcp, textOf } from '../../test-support/mcp-test-client';

let server: TestServer;
let mcp: Client;

beforeAll(async () => {
  server = await startTestServer();
  mcp = await connectMcp(server.url);
});

afterAll(async () => {
  await mcp?.close();
  await server?.stop();
});

async function replay(client: Client) {
  return replayTutorial((tool, args) => callOk(client, tool, args));
}

describe('MCP over Streamable HTTP', () => {
  it('lists every tool of the original server and ours, each described, with per-field descriptions and annotations', async () => {
    const { tools } = await mcp.listTools();
    const names = tools.map((t) => t.name).sort();
    // The original server's fifteen tools with the parameters the seed's README gives them (required first).
    const original: Record<string, { required: string[]; optional: string[] }> = {
      eventstorming_create_workshop: { required: ['name'], optional: ['description', 'domain', 'facilitators'] },
      eventstorming_list_workshops: { required: [], optional: [] },
      eventstorming_load_workshop: { required: ['workshop_id'], optional: ['detail_level', 'response_format'] },
      eventstorming_add_element: {
        required: ['workshop_id', 'type', 'name'],
        optional: ['position', 'notes', 'created_by', 'triggers', 'triggered_by', 'bounded_context_id'],
      },
      eventstorming_update_element: {
        required: ['workshop_id', 'element_id'],
        optional: ['name', 'position', 'notes', 'triggers', 'triggered_by', 'bounded_context_id'],
      },
      eventstorming_delete_element: { required: ['workshop_id', 'element_id'], optional: [] },
      eventstorming_create_bounded_context: { required: ['workshop_id', 'name'], optional: ['description', 'color'] },
      eventstorming_assign_to_context: { required: ['workshop_id', 'context_id', 'element_ids'], optional: [] },
      eventstorming_search_elements: { required: ['workshop_id', 'query'], optional: ['element_type', 'bounded_context_id', 'page', 'page_size', 'detail_level'] },
      eventstorming_get_timeline: { required: ['workshop_id'], optional: ['element_type', 'bounded_context_id', 'page', 'page_size', 'detail_level'] },
      eventstorming_get_context_overview: { required: ['workshop_id'], optional: ['context_id', 'page', 'page_size', 'detail_level'] },
      eventstorming_get_statistics: { required: ['workshop_id'], optional: [] },
      eventstorming_visualize_flow: { required: ['workshop_id'], optional: ['start_element_id', 'max_depth', 'max_elements'] },
      eventstorming_export_workshop: { required: ['workshop_id'], optional: ['include_metadata'] },
      eventstorming_import_workshop: { required: ['workshop_data'], optional: ['new_name'] },
    };
    // Every catalogue entry is a tool; the original fifteen are among them, unchanged.
    expect(names).toEqual(ENTRIES.map(toolName).sort());
    expect(names).toEqual(expect.arrayContaining(Object.keys(original)));
    const listed = Object.fromEntries(tools.map((t) => [t.name, t]));
    for (const [name, params] of Object.entries(original)) {
      expect([...(listed[name].inputSchema.required ?? [])].sort(), name).toEqual([...params.required].sort());
      expect(Object.keys(listed[name].inputSchema.properties ?? {}), name).toEqual(expect.arrayContaining([...params.required, ...params.optional]));
    }
    for (const tool of tools) {
      expect(tool.description?.length, tool.name).toBeGreaterThan(30);
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [field, schema] of Object.entries(properties)) expect(schema.description, `${tool.name}.${field}`).toBeTruthy();
      expect(tool.annotations, tool.name).toBeDefined();
    }
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    expect(byName.eventstorming_get_statistics.annotations?.readOnlyHint).toBe(true);
    expect(byName.eventstorming_delete_element.annotations?.destructiveHint).toBe(true);
    expect(byName.eventstorming_update_element.annotations?.idempotentHint).toBe(true);
    expect(byName.eventstorming_visualize_flow.inputSchema.properties).toHaveProperty('max_depth');
  });

  it('replays the tutorial: statistics JSON and the seed flow from Place Order', async () => {
    const saved = await replay(mcp);
    const workshop = saved.get('$workshop')!;
    const stats = await callOk(mcp, 'eventstorming_get_statistics', { workshop_id: workshop, response_format: 'json' });
    expect(stats).toMatchObject({
      totals: { elements: 44, bounded_contexts: 4 },
      relationships: { total_trigger_links: 18 },
      coverage: { elements_in_contexts: 34, elements_without_context: 10, percent: 77.3 },
    });
    // Exactly the original server's keys: a type it did not have (opportunity) appears only where the board has one.
    expect(stats.by_type).toEqual({ event: 13, command: 9, actor: 4, aggregate: 4, policy: 4, read_model: 3, external_system: 3, hotspot: 4 });
    const flow = await callOk(mcp, 'eventstorming_visualize_flow', { workshop_id: workshop, max_depth: 10 });
    expect(String(flow.text).startsWith(TUTORIAL_FLOW_MARKDOWN)).toBe(true);
    const markdown = await callOk(mcp, 'eventstorming_get_statistics', { workshop_id: workshop });
    expect(markdown.text).toContain('77.3%');
    const hotspots = await callOk(mcp, 'eventstorming_search_elements', { workshop_id: workshop, query: 'timeout', element_type: 'hotspot', response_format: 'json' });
    expect(JSON.stringify(hotspots)).toContain('Payment Gateway Timeout Handling');
    await callOk(mcp, 'eventstorming_add_element', { workshop_id: workshop, type: 'opportunity', name: 'Offer express delivery', position: 50 });
    const withOpportunity = await callOk(mcp, 'eventstorming_get_statistics', { workshop_id: workshop, response_format: 'json' });
    expect(withOpportunity.by_type).toMatchObject({ opportunity: 1, event: 13 });
    const exported = (await callOk(mcp, 'eventstorming_export_workshop', { workshop_id: workshop })) as { version: number };
    expect(exported.version).toBe(2);
  });

  it('marks pivotal events: the timeline answers its chapters, the export keeps them, a command cannot be pivotal', async () => {
    const saved = await replay(mcp);
    const workshop = saved.get('$workshop')!;
    const before = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: workshop, response_format: 'json' });
    expect(before).not.toHaveProperty('chapters');
    await callOk(mcp, 'eventstorming_update_element', { workshop_id: workshop, element_id: saved.get('$order-placed')!, pivotal: true });
    const shipped = await callOk(mcp, 'eventstorming_add_element', { workshop_id: workshop, type: 'event', name: 'Parcel Handed Over', position: 40, pivotal: true });
    const timeline = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: workshop, response_format: 'json', page_size: 500 });
    expect((timeline.chapters as { name: string; element_count: number }[]).map((c) => c.name)).toEqual(['Order Placed', 'Parcel Handed Over', 'After Parcel Handed Over']);
    expect((timeline.chapters as { element_count: number }[]).reduce((n, c) => n + c.element_count, 0)).toBe(45);
    const entries = timeline.timeline as { id: string; pivotal?: boolean; chapter: number }[];
    expect(entries.find((e) => e.id === shipped.element_id)).toMatchObject({ pivotal: true, chapter: 2 });
    expect(entries.find((e) => e.id === saved.get('$order-cancelled'))).toMatchObject({ chapter: 3 });
    const markdown = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: workshop });
    expect(markdown.text).toContain('Chapters: 1. Order Placed');
    expect(markdown.text).toContain('Order Placed — pivotal');
    const exported = (await callOk(mcp, 'eventstorming_export_workshop', { workshop_id: workshop })) as { elements: { id: string; pivotal?: boolean }[] };
    expect(exported.elements.filter((e) => e.pivotal).map((e) => e.id).sort()).toEqual([saved.get('$order-placed')!, String(shipped.element_id)].sort());
    const refused = await callError(mcp, 'eventstorming_update_element', { workshop_id: workshop, element_id: saved.get('$place-order')!, pivotal: true });
    expect(refused).toMatch(/Only a domain event can be pivotal/);
    await callOk(mcp, 'eventstorming_update_element', { workshop_id: workshop, element_id: saved.get('$order-placed')!, pivotal: false });
    const after = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: workshop, response_format: 'json' });
    expect((after.chapters as unknown[]).length).toBe(2);
  });

  it('answers create_workshop with the original fields and the links for the humans', async () => {
    const created = await callOk(mcp, 'eventstorming_create_workshop', { name: 'Links' });
    expect(created).toMatchObject({ success: true, name: 'Links', message: "Workshop 'Links' created successfully" });
    expect(String(created.board_url)).toMatch(new RegExp(`/w/${created.workshop_id}#key=.{16,}`));
    expect(String(created.view_url)).toMatch(new RegExp(`/w/${created.workshop_id}#view=.{16,}`));
    const list = await callOk(mcp, 'eventstorming_list_workshops', { response_format: 'json' });
    expect((list.workshops as { id: string }[]).map((w) => w.id)).toContain(created.workshop_id);
  });

  it('the assistant and a person co-edit one live board', async () => {
    const created = await callOk(mcp, 'eventstorming_create_workshop', { name: 'Live' });
    const id = String(created.workshop_id);
    const key = new URL(String(created.board_url)).hash.replace('#key=', '');
    const person = connectClient(server.url, id, { key });
    await person.synced();
    const added = await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'event', name: 'Order Placed', position: 3 });
    await waitFor(() => person.snap().elements.some((e) => e.id === added.element_id), 'the sticky on the person\'s board');
    moveElements(person.doc, { moves: [{ element_id: String(added.element_id), position: 12 }] });
    addElement(person.doc, { type: 'command', name: 'Place Order', position: 11 });
    await waitFor(async () => {
      const line = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: id, response_format: 'json' });
      const entries = line.timeline as { name: string; position: number }[];
      return entries.length === 2 && entries[1].name === 'Order Placed' && entries[1].position === 12;
    }, 'the person\'s drag in the next timeline');
    person.destroy();
  });

  it('refuses every bad call with isError, says what to fix, and changes nothing', async () => {
    const created = await callOk(mcp, 'eventstorming_create_workshop', { name: 'Guarded' });
    const id = String(created.workshop_id);
    const el = await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'command', name: 'Pay' });
    const ctx = await callOk(mcp, 'eventstorming_create_bounded_context', { workshop_id: id, name: 'Payment' });
    const before = await callOk(mcp, 'eventstorming_export_workshop', { workshop_id: id, include_metadata: false });
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['eventstorming_create_workshop', { name: '' }, /name/],
      ['eventstorming_create_workshop', { name: 'x', facilitators: 'Mina' }, /facilitators/],
      ['eventstorming_load_workshop', { workshop_id: 'nope' }, /No workshop/],
      ['eventstorming_load_workshop', { workshop_id: id, detail_level: 'everything' }, /detail_level/],
      ['eventstorming_add_element', { workshop_id: 'nope', type: 'event', name: 'A' }, /No workshop/],
      ['eventstorming_add_element', { workshop_id: id, type: 'sticky', name: 'A' }, /type/],
      ['eventstorming_add_element', { workshop_id: id, type: 'event', name: '   ' }, /name/],
      ['eventstorming_add_element', { workshop_id: id, type: 'event', name: 'A', position: 'left' }, /position/],
      ['eventstorming_add_element', { workshop_id: id, type: 'event', name: 'A', triggers: ['ghost'] }, /ghost/],
      ['eventstorming_add_element', { workshop_id: id, type: 'event', name: 'A', bounded_context_id: 'ghost' }, /ghost/],
      ['eventstorming_update_element', { workshop_id: id, element_id: 'ghost', name: 'B' }, /ghost/],
      ['eventstorming_update_element', { workshop_id: id, element_id: el.element_id, triggers: [el.element_id] }, /itself/],
      ['eventstorming_update_element', { workshop_id: id, element_id: el.element_id, name: 'x'.repeat(201) }, /name/],
      ['eventstorming_delete_element', { workshop_id: id, element_id: 'ghost' }, /ghost/],
      ['eventstorming_create_bounded_context', { workshop_id: id, name: 'C', color: 'blue' }, /color/],
      ['eventstorming_assign_to_context', { workshop_id: id, context_id: ctx.context_id, element_ids: [el.element_id, 'ghost'] }, /ghost/],
      ['eventstorming_assign_to_context', { workshop_id: id, context_id: 'ghost', element_ids: [el.element_id] }, /ghost/],
      ['eventstorming_update_bounded_context', { workshop_id: id, context_id: 'ghost', name: 'X' }, /ghost/],
      ['eventstorming_delete_bounded_context', { workshop_id: id, context_id: 'ghost' }, /ghost/],
      ['eventstorming_search_elements', { workshop_id: id, query: '' }, /query/],
      ['eventstorming_get_timeline', { workshop_id: id, page: 0 }, /page/],
      ['eventstorming_get_timeline', { workshop_id: id, bounded_context_id: 'ghost' }, /ghost/],
      ['eventstorming_get_context_overview', { workshop_id: id, context_id: 'ghost' }, /ghost/],
      ['eventstorming_get_statistics', { workshop_id: id, response_format: 'xml' }, /response_format/],
      ['eventstorming_visualize_flow', { workshop_id: id, max_depth: 50 }, /max_depth/],
      ['eventstorming_visualize_flow', { workshop_id: id, start_element_id: 'ghost' }, /ghost/],
      ['eventstorming_lint', { workshop_id: 'nope' }, /No workshop/],
      ['eventstorming_export_workshop', { workshop_id: id, include_metadata: 'yes' }, /include_metadata/],
      ['eventstorming_import_workshop', { workshop_data: '{"format": "eventstorm.workshop", "version": 1' }, /JSON|line/i],
      ['eventstorming_import_workshop', { workshop_data: JSON.stringify({ format: 'eventstorm.workshop', version: 1, workshop: { name: 'W' }, elements: [{ id: 'a', type: 'event', name: 'A', triggers: ['zz'] }] }) }, /elements\.0\.triggers\.0/],
    ];
    const workshopsBefore = ((await callOk(mcp, 'eventstorming_list_workshops', { response_format: 'json' })).workshops as unknown[]).length;
    for (const [tool, args, says] of bad) {
      const message = await callError(mcp, tool, args);
      expect(message, `${tool} ${JSON.stringify(args).slice(0, 120)}`).toMatch(says);
    }
    const after = await callOk(mcp, 'eventstorming_export_workshop', { workshop_id: id, include_metadata: false });
    expect(after).toEqual(before);
    const workshopsAfter = ((await callOk(mcp, 'eventstorming_list_workshops', { response_format: 'json' })).workshops as unknown[]).length;
    expect(workshopsAfter).toBe(workshopsBefore);
  });

  it('exports and imports (ours and the original server\'s), and serves each workshop as a resource', async () => {
    const created = await callOk(mcp, 'eventstorming_create_workshop', { name: 'Round trip', domain: 'Retail' });
    const id = String(created.workshop_id);
    await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'event', name: 'Drink Ordered', description: 'at the till' });
    const exported = await callOk(mcp, 'eventstorming_export_workshop', { workshop_id: id });
    expect(exported).toMatchObject({ format: 'eventstorm.workshop', version: 1 });
    const imported = await callOk(mcp, 'eventstorming_import_workshop', { workshop_data: JSON.stringify(exported), new_name: 'Copy' });
    expect(imported).toMatchObject({ success: true, name: 'Copy', element_count: 1 });
    const { readFile } = await import('node:fs/promises');
    const origin = await readFile(new URL('../../fixtures/seed/origin-export-sample.json', import.meta.url), 'utf8');
    const fromOrigin = await callOk(mcp, 'eventstorming_import_workshop', { workshop_data: origin });
    expect(fromOrigin.message).toMatch(/elements/);
    const resource = await mcp.readResource({ uri: `eventstorm://workshops/${id}` });
    expect(JSON.parse(String((resource.contents[0] as { text: string }).text))).toMatchObject({ workshop: { name: 'Round trip' } });
    const { resources } = await mcp.listResources();
    expect(resources.map((r) => r.uri)).toContain(`eventstorm://workshops/${id}`);
  });

  it('pages long answers and never cuts a line', async () => {
    const created = await callOk(mcp, 'eventstorming_create_workshop', { name: 'Long' });
    const id = String(created.workshop_id);
    for (let i = 0; i < 30; i++) await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'event', name: `Thing ${i} Happened`, position: i });
    const page2 = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: id, page: 2, page_size: 10 });
    expect(page2.text).toContain('Thing 10 Happened');
    expect(page2.text).not.toContain('Thing 9 Happened');
    expect(String(page2.text)).toMatch(/Page 2 of 3/);
  });
});

describe('MCP access', () => {
  it('needs the bearer token when MCP_TOKEN is set: a wrong one gets 401', async () => {
    const guarded = await startTestServer({ mcpToken: 'right-token' });
    try {
      const res = await fetch(`${guarded.url}/mcp`, {
        method: 'POST',
        headers: { authorization: 'Bearer wrong', 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(401);
      const none = await fetch(`${guarded.url}/mcp`, { method: 'POST', body: '{}' });
      expect(none.status).toBe(401);
      await expect(connectMcp(guarded.url, 'wrong')).rejects.toThrow();
      const client = await connectMcp(guarded.url, 'right-token');
      expect(textOf(await client.callTool({ name: 'eventstorming_list_workshops', arguments: {} }))).toContain('Workshops');
      await client.close();
    } finally {
      await guarded.stop();
    }
  });
});

describe('MCP beyond loopback', () => {
  it('is disabled without MCP_TOKEN when the server listens beyond loopback, and says why', async () => {
    const { createServer } = await import('node:http');
    const { createMcpHandler, mcpDisabledReason } = await import('./http');
    expect(mcpDisabledReason({ loopbackOnly: true })).toBeNull();
    expect(mcpDisabledReason({ loopbackOnly: false, token: 't' })).toBeNull();
    const reason = mcpDisabledReason({ loopbackOnly: false });
    expect(reason).toMatch(/MCP_TOKEN/);
    // The handler as the server mounts it when HOST is beyond loopback (served here on loopback for the test).
    const handler = createMcpHandler({ workshops: server.workshops, loopbackOnly: false });
    const http = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = http.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(403);
      expect(JSON.stringify(await res.json())).toContain('MCP_TOKEN');
    } finally {
      http.close();
    }
  });
});
