// REST for the whole model, against a real server: the seed tutorial through REST alone, every catalogue entry
// through both REST and a real MCP client, and every bad write refused with a clear 4xx that changes nothing.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TUTORIAL_FLOW_MARKDOWN, replayTutorial } from '../../fixtures/tutorial';
import { ENTRIES, OPERATION_CATALOGUE, toolName, type EntryName } from '../../src/board';
import { restReplayer, restRequest, sendRest } from '../../test-support/catalogue-rest';
import { callOk, connectMcp } from '../../test-support/mcp-test-client';
import { startTestServer, type TestServer } from '../../test-support/test-clients';

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

interface Created {
  workshop_id: string;
  edit_key: string;
  view_key: string;
}

async function tutorialThroughRest(): Promise<{ saved: Map<string, string>; keys: Created }> {
  const replay = restReplayer(server.url);
  let keys: Created | undefined;
  const saved = await replayTutorial(async (tool, args) => {
    const answer = await replay(tool, args);
    if (tool === 'eventstorming_create_workshop') keys = answer as unknown as Created;
    return answer;
  });
  return { saved, keys: keys! };
}

/** A report with every `id` taken out: two faces made the same board with ids of their own. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id').map(([k, v]) => [k, withoutIds(v)]));
}

const rest = (method: string, path: string, secret?: string, body?: unknown) => sendRest(server.url, secret, { method, path, body });

/** Everything REST's export holds but the clock: what "nothing changed" compares. */
async function modelOf(w: Created) {
  const answer = await rest('GET', `/api/workshops/${w.workshop_id}/export?include_metadata=false`, w.edit_key);
  expect(answer.status).toBe(200);
  const { exported_at: _at, ...model } = answer.body as Record<string, unknown>;
  return model;
}

describe('REST for the whole model', () => {
  it('replays the seed tutorial through REST alone to the statistics, timeline and flows MCP gives', async () => {
    const { saved, keys } = await tutorialThroughRest();
    const viaMcp = await replayTutorial((tool, args) => callOk(mcp, tool, args));
    const restId = saved.get('$workshop')!;
    const mcpId = viaMcp.get('$workshop')!;

    const stats = await rest('GET', `/api/workshops/${restId}/statistics`, keys.view_key);
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      totals: { elements: 44, bounded_contexts: 4 },
      relationships: { total_trigger_links: 18 },
      coverage: { elements_in_contexts: 34, elements_without_context: 10, percent: 77.3 },
    });
    const mcpStats = await callOk(mcp, 'eventstorming_get_statistics', { workshop_id: mcpId, response_format: 'json' });
    const { workshop: _a, ...restRest } = stats.body as Record<string, unknown>;
    const { workshop: _b, ...mcpRest } = mcpStats;
    expect(withoutIds(restRest)).toEqual(withoutIds(mcpRest));

    // The timeline: the same stickies in the same order (ids differ: each face made its own).
    const shape = (report: unknown) =>
      (report as { timeline: Array<{ type: string; name: string; position: number }> }).timeline.map((e) => `${e.position} ${e.type} ${e.name}`);
    const line = await rest('GET', `/api/workshops/${restId}/timeline?page_size=500`, keys.view_key);
    const mcpLine = await callOk(mcp, 'eventstorming_get_timeline', { workshop_id: mcpId, page_size: 500, response_format: 'json' });
    expect(shape(line.body)).toHaveLength(44);
    expect(shape(line.body)).toEqual(shape(mcpLine));

    // The flows, as the seed's Markdown, from Place Order at depth 10; and every starting point's, equal.
    const flow = await rest('GET', `/api/workshops/${restId}/flows?start_element_id=${saved.get('$place-order')}&max_depth=10&response_format=markdown`, keys.view_key);
    expect(flow.status).toBe(200);
    expect(flow.text.startsWith(TUTORIAL_FLOW_MARKDOWN)).toBe(true);
    const allFlows = await rest('GET', `/api/workshops/${restId}/flows?response_format=markdown`, keys.view_key);
    const mcpFlows = await mcp.callTool({ name: 'eventstorming_visualize_flow', arguments: { workshop_id: mcpId } });
    expect(allFlows.text).toBe((mcpFlows.content as Array<{ text: string }>)[0].text);
  });

  it('answers each analysis as JSON by default and as the seed Markdown on ?response_format=markdown', async () => {
    const { keys } = await tutorialThroughRest();
    const base = `/api/workshops/${keys.workshop_id}`;
    for (const [path, heading] of [
      ['/statistics', '# Workshop Statistics'],
      ['/timeline', '# Timeline'],
      ['/flows', '# Event Flow'],
      ['/context-overview', '# Bounded Context'],
      ['/search?query=order', '# Search'],
      ['/lint', '# Lint'],
    ] as const) {
      const json = await rest('GET', `${base}${path}`, keys.view_key);
      expect(json.status, path).toBe(200);
      expect(typeof json.body, path).toBe('object');
      const markdown = await rest('GET', `${base}${path}${path.includes('?') ? '&' : '?'}response_format=markdown`, keys.view_key);
      expect(markdown.status, path).toBe(200);
      expect(markdown.text.split('\n')[0], path).toContain(heading.slice(2).split(' ')[0]);
    }
    const search = await rest('GET', `${base}/search?query=payment&element_type=event`, keys.view_key);
    const results = (search.body as { matches: Array<{ type: string; name: string }> }).matches;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.type).toBe('event');
  });

  it('adds, changes and deletes a sticky and a context resource-style, each change on the live board', async () => {
    const { saved, keys } = await tutorialThroughRest();
    const base = `/api/workshops/${keys.workshop_id}`;
    const added = await rest('POST', `${base}/elements`, keys.edit_key, { type: 'event', name: 'Refund Issued', position: 52 });
    expect(added.status).toBe(201);
    const element = added.body as { id: string; name: string; position: number; bounded_context_id: string | null };
    expect(element).toMatchObject({ name: 'Refund Issued', position: 52, bounded_context_id: null });

    const patched = await rest('PATCH', `${base}/elements/${element.id}`, keys.edit_key, { name: 'Refund Paid', triggered_by: [saved.get('$cancel-order')] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: element.id, name: 'Refund Paid', triggered_by: [saved.get('$cancel-order')] });

    const context = await rest('POST', `${base}/contexts`, keys.edit_key, { name: 'Refunds' });
    expect(context.status).toBe(201);
    const contextId = (context.body as { id: string }).id;
    expect((await rest('PATCH', `${base}/contexts/${contextId}`, keys.edit_key, { color: '#2ecc71' })).body).toMatchObject({ id: contextId, color: '#2ecc71' });
    const assigned = await rest('POST', `${base}/contexts/${contextId}/elements`, keys.edit_key, { element_ids: [element.id] });
    expect(assigned.body).toMatchObject({ success: true, assigned_count: 1 });

    const snap = await server.workshops.read(keys.workshop_id, (s) => s);
    expect(snap.elements.find((e) => e.id === element.id)).toMatchObject({ name: 'Refund Paid', contextId });

    expect((await rest('DELETE', `${base}/contexts/${contextId}`, keys.edit_key)).body).toMatchObject({ success: true, unassigned_count: 1 });
    expect((await rest('DELETE', `${base}/elements/${element.id}`, keys.edit_key)).body).toMatchObject({ success: true, element_id: element.id });
    const after = await server.workshops.read(keys.workshop_id, (s) => s);
    expect(after.elements).toHaveLength(44);
    expect(after.contexts).toHaveLength(4);
  });

  it('duplicates stickies with the links among them, through REST and through MCP alike', async () => {
    const { saved, keys } = await tutorialThroughRest();
    const ids = [saved.get('$place-order')!, saved.get('$order-placed')!];
    const viaRest = await rest('POST', `/api/workshops/${keys.workshop_id}/elements/duplicate`, keys.edit_key, { element_ids: ids, offset: { position: 100, y: 0 } });
    expect(viaRest.status).toBe(201);
    const copies = (viaRest.body as { element_ids: string[] }).element_ids;
    expect(copies).toHaveLength(2);
    const viaMcp = await callOk(mcp, 'eventstorming_duplicate_elements', { workshop_id: keys.workshop_id, element_ids: ids });
    expect(viaMcp).toMatchObject({ success: true, element_ids: [expect.any(String), expect.any(String)] });
    const snap = await server.workshops.read(keys.workshop_id, (s) => s);
    const [command, event] = copies.map((id) => snap.elements.find((e) => e.id === id)!);
    expect(command).toMatchObject({ name: 'Place Order', type: 'command', position: 100 });
    expect(event).toMatchObject({ name: 'Order Placed', position: 100 });
    expect(command.triggers).toEqual([event.id]);
    expect(snap.elements).toHaveLength(48);
    const refused = await rest('POST', `/api/workshops/${keys.workshop_id}/elements/duplicate`, keys.edit_key, { element_ids: ids, offset: { position: 'far' } });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { issues: expect.arrayContaining([expect.objectContaining({ path: 'offset.position' })]) } });
  });

  it('assigns all or nothing: one unknown id among the element_ids and no element moves', async () => {
    const { saved, keys } = await tutorialThroughRest();
    const before = await modelOf(keys);
    const refused = await rest('POST', `/api/workshops/${keys.workshop_id}/contexts/${saved.get('$payment-ctx')}/elements`, keys.edit_key, {
      element_ids: [saved.get('$order-placed'), 'no-such-element'],
    });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { code: 'not_found', issues: [{ path: 'element_ids', message: expect.stringContaining('no-such-element') }] } });
    expect(await modelOf(keys)).toEqual(before);
  });

  it('refuses every bad write with a clear 4xx and changes nothing', async () => {
    const { saved, keys } = await tutorialThroughRest();
    const base = `/api/workshops/${keys.workshop_id}`;
    const eid = saved.get('$order-placed')!;
    const before = await modelOf(keys);
    const cases: Array<[string, Awaited<ReturnType<typeof rest>>, number, string]> = [
      ['view secret', await rest('PATCH', `${base}/elements/${eid}`, keys.view_key, { name: 'Hijacked' }), 403, 'forbidden'],
      ['view secret, delete', await rest('DELETE', `${base}/elements/${eid}`, keys.view_key), 403, 'forbidden'],
      ['wrong secret', await rest('POST', `${base}/elements`, 'not-the-secret', { type: 'event', name: 'X' }), 403, 'forbidden'],
      ['no secret', await rest('POST', `${base}/contexts`, undefined, { name: 'X' }), 401, 'unauthorized'],
      ['unknown workshop', await rest('POST', '/api/workshops/no-such-workshop/elements', keys.edit_key, { type: 'event', name: 'X' }), 404, 'not_found'],
      ['unknown element', await rest('PATCH', `${base}/elements/no-such-element`, keys.edit_key, { name: 'X' }), 404, 'not_found'],
      ['unknown context', await rest('DELETE', `${base}/contexts/no-such-context`, keys.edit_key), 404, 'not_found'],
      ['wrong type', await rest('PATCH', `${base}/elements/${eid}`, keys.edit_key, { name: 5 }), 400, 'invalid'],
      ['unknown element type', await rest('POST', `${base}/elements`, keys.edit_key, { type: 'sticky', name: 'X' }), 400, 'invalid'],
      ['unknown field', await rest('POST', `${base}/elements`, keys.edit_key, { type: 'event', name: 'X', colour: 'red' }), 400, 'invalid'],
      ['not an object', await rest('POST', `${base}/elements`, keys.edit_key, ['event']), 400, 'invalid'],
      ['id in body differs from path', await rest('PATCH', `${base}/elements/${eid}`, keys.edit_key, { element_id: 'other', name: 'X' }), 400, 'invalid'],
      ['dangling trigger', await rest('POST', `${base}/elements`, keys.edit_key, { type: 'event', name: 'X', triggers: ['ghost'] }), 404, 'not_found'],
      ['unknown query parameter', await rest('GET', `${base}/timeline?elemnt_type=event`, keys.edit_key), 400, 'invalid'],
      ['wrong query type', await rest('GET', `${base}/flows?max_depth=deep`, keys.edit_key), 400, 'invalid'],
    ];
    for (const [what, answer, status, code] of cases) {
      expect(answer.status, what).toBe(status);
      expect(answer.body, what).toMatchObject({ error: { code, message: expect.any(String) } });
    }
    const wrongType = cases.find(([what]) => what === 'wrong type')![1];
    expect(wrongType.body).toMatchObject({ error: { issues: [{ path: 'name', message: 'must be a string' }] } });
    const unknownField = cases.find(([what]) => what === 'unknown field')![1];
    expect((unknownField.body as { error: { message: string } }).error.message).toContain('colour');

    // A body not declared JSON is refused whatever it holds.
    const form = await fetch(`${server.url}${base}/elements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.edit_key}`, 'content-type': 'text/plain' },
      body: JSON.stringify({ type: 'event', name: 'X' }),
    });
    expect(form.status).toBe(415);
    expect(await modelOf(keys)).toEqual(before);
  });

  it('reaches every catalogue entry through REST and through MCP', async () => {
    // One call per entry, in an order the tutorial board allows; typed by entry name, so a new entry needs one.
    type Ids = (name: string) => string;
    const samples: Record<EntryName, (id: Ids) => Record<string, unknown>> = {
      create_workshop: () => ({ name: 'Reach' }),
      list_workshops: () => ({}),
      load_workshop: () => ({ detail_level: 'full' }),
      add_element: () => ({ type: 'hotspot', name: 'Added here' }),
      update_element: (id) => ({ element_id: id('$order-placed'), notes: 'changed' }),
      create_bounded_context: () => ({ name: 'Reached' }),
      assign_to_context: (id) => ({ context_id: id('$order-mgmt'), element_ids: [id('$order-cancelled')] }),
      update_bounded_context: (id) => ({ context_id: id('$payment-ctx'), description: 'changed' }),
      search_elements: () => ({ query: 'order' }),
      get_timeline: () => ({ element_type: 'event' }),
      get_context_overview: () => ({}),
      get_statistics: () => ({}),
      visualize_flow: (id) => ({ start_element_id: id('$place-order') }),
      lint: () => ({}),
      export_workshop: () => ({}),
      import_workshop: () => ({ workshop_data: JSON.stringify({ format: 'eventstorm.workshop', version: 1, workshop: { name: 'Imported' }, elements: [], bounded_contexts: [] }) }),
      update_workshop: () => ({ domain: 'Retail' }),
      duplicate_elements: (id) => ({ element_ids: [id('$place-order'), id('$order-placed')] }),
      move_elements: (id) => ({ moves: [{ element_id: id('$order-placed'), position: 1 }] }),
      link_elements: (id) => ({ from: id('$order-placed'), to: id('$order-cancelled') }),
      unlink_elements: (id) => ({ links: [{ from: id('$order-placed'), to: id('$order-cancelled') }] }),
      unassign_from_context: (id) => ({ element_ids: [id('$order-cancelled')] }),
      delete_element: (id) => ({ element_id: id('$hs-partial-shipment') }),
      delete_elements: (id) => ({ element_ids: [id('$hs-delivery-failure'), id('$hs-payment-timeout')] }),
      delete_bounded_context: (id) => ({ context_id: id('$fulfillment-ctx') }),
    };
    const { saved, keys } = await tutorialThroughRest();
    const mcpSaved = await replayTutorial((tool, args) => callOk(mcp, tool, args));
    const idsOf = (map: Map<string, string>) => (name: string) => {
      const id = map.get(name);
      if (!id) throw new Error(`the tutorial saved no ${name}`);
      return id;
    };
    const order = Object.keys(samples) as EntryName[];
    expect([...order].sort()).toEqual(ENTRIES.map((e) => e.name).sort());
    for (const name of order) {
      const entry = OPERATION_CATALOGUE[name];
      const scoped = entry.kind !== 'server';
      const restArgs = { ...(scoped ? { workshop_id: keys.workshop_id } : {}), ...samples[name](idsOf(saved)) };
      const answer = await sendRest(server.url, entry.kind === 'server' ? undefined : keys.edit_key, restRequest(entry, restArgs));
      expect(answer.status, `REST ${name}: ${answer.text.slice(0, 300)}`).toBeLessThan(300);
      const mcpArgs = { ...(scoped ? { workshop_id: mcpSaved.get('$workshop') } : {}), ...samples[name](idsOf(mcpSaved)) };
      await callOk(mcp, toolName(entry), mcpArgs);
    }
    // Both faces ran the same calls on the same board: the same model stands (ids apart).
    const shape = async (id: string) => {
      const s = await server.workshops.read(id, (snap) => snap);
      return {
        elements: s.elements.map((e) => `${e.position}|${e.type}|${e.name}|${e.notes}|${e.triggers.length}|${e.triggeredBy.length}|${e.contextId ? 1 : 0}`).sort(),
        contexts: s.contexts.map((c) => `${c.name}|${c.description}`).sort(),
        links: s.links.length,
        domain: s.meta.domain,
      };
    };
    expect(await shape(mcpSaved.get('$workshop')!)).toEqual(await shape(keys.workshop_id));
  });
});
