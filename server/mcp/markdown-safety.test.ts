// The MCP Markdown answers through a real SDK client against a real server: hostile text in every name,
// description and note comes out escaped (a real renderer makes no HTML, link or formatting of it), and a
// 1,000,000-character workshop name is cut with a mark while the rest of every answer still shows, and a line
// longer than a line may be is cut with a mark, never the lines after it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { addElement } from '../../src/board';
import { MAX_LINE_CHARS } from '../../src/domain';
import { folded, HOSTILE_TEXTS, htmlProblems, renderMarkdown, visibleText } from '../../test-support/markdown-html';
import { startTestServer, type TestServer } from '../../test-support/test-clients';
import { createMcpHandler } from './http';
import { callOk, connectMcp } from '../../test-support/mcp-test-client';
import { fitLines, MAX_ANSWER_CHARS } from './results';
import type { WorkshopAccess } from './tools';

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

async function markdown(tool: string, args: Record<string, unknown>): Promise<string> {
  return String((await callOk(mcp, tool, args)).text);
}

/** Every tool that answers Markdown, as [label, tool, arguments]. */
function markdownCalls(id: string, query: string): [string, string, Record<string, unknown>][] {
  return [
    ['list_workshops', 'eventstorming_list_workshops', {}],
    ['load_workshop', 'eventstorming_load_workshop', { workshop_id: id }],
    ['load_workshop full', 'eventstorming_load_workshop', { workshop_id: id, detail_level: 'full' }],
    ['search_elements', 'eventstorming_search_elements', { workshop_id: id, query, detail_level: 'full' }],
    ['get_timeline', 'eventstorming_get_timeline', { workshop_id: id, detail_level: 'full' }],
    ['get_context_overview', 'eventstorming_get_context_overview', { workshop_id: id, detail_level: 'full' }],
    ['get_statistics', 'eventstorming_get_statistics', { workshop_id: id }],
    ['visualize_flow', 'eventstorming_visualize_flow', { workshop_id: id, max_depth: 10 }],
    ['lint', 'eventstorming_lint', { workshop_id: id }],
  ];
}

describe('MCP Markdown answers escape user text', () => {
  it('every Markdown answer for a board of hostile text renders to no HTML beyond ours, and shows the text as written', async () => {
    const h = HOSTILE_TEXTS;
    const created = await callOk(mcp, 'eventstorming_create_workshop', {
      name: h[7],
      domain: h[3],
      description: `${h[1]}\n# Heading\n${h[13]}`,
      facilitators: [h[2], h[4]],
    });
    const id = String(created.workshop_id);
    const contexts: string[] = [];
    for (const [name, description] of [[h[0], h[13]], [h[0], h[11]], [h[6], h[12]]]) {
      contexts.push(String((await callOk(mcp, 'eventstorming_create_bounded_context', { workshop_id: id, name, description })).context_id));
    }
    for (const [i, text] of h.entries()) {
      const command = await callOk(mcp, 'eventstorming_add_element', {
        workshop_id: id, type: 'command', name: text, position: 2 * i, description: h[(i + 1) % h.length], notes: h[(i + 2) % h.length], bounded_context_id: contexts[i % 3],
      });
      await callOk(mcp, 'eventstorming_add_element', {
        workshop_id: id, type: 'event', name: text, position: 2 * i + 1, triggered_by: [command.element_id], notes: h[(i + 3) % h.length], bounded_context_id: contexts[(i + 1) % 3],
      });
      await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'hotspot', name: text, position: 2 * i + 1 });
    }
    const names = h.map(folded);
    const answers: [string, string][] = [];
    for (const [label, tool, args] of markdownCalls(id, 'alert')) answers.push([label, await markdown(tool, args)]);
    for (const text of h) answers.push([`search ${JSON.stringify(text)}`, await markdown('eventstorming_search_elements', { workshop_id: id, query: text.split('\n')[0] })]);
    for (const [label, answer] of answers) {
      const html = renderMarkdown(answer);
      expect(htmlProblems(html), label).toEqual([]);
      expect(html, label).not.toMatch(/<h\d>\s*Heading|<ol|<blockquote|<table|<hr|<pre/);
    }
    const shown = (label: string) => visibleText(renderMarkdown(answers.find(([l]) => l === label)![1]));
    for (const name of [names[7], names[3]]) expect(shown('list_workshops')).toContain(name);
    const load = shown('load_workshop full');
    for (const text of [...names, folded(`${h[1]}\n# Heading\n${h[13]}`), `${names[2]}, ${names[4]}`]) expect(load).toContain(text);
    for (const label of ['get_timeline', 'visualize_flow', 'lint', 'get_context_overview']) {
      for (const name of names) expect(shown(label), `${label}: ${name}`).toContain(name);
    }
  });
});

describe('long MCP answers', () => {
  it('cut an overlong line with a mark and keep every line after it', () => {
    const text = ['# Title', 'x'.repeat(1_000_000), '- the line after'].join('\n');
    const fitted = fitLines(text);
    const lines = fitted.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('# Title');
    expect(lines[1]).toMatch(/^x+ … \[cut: [\d,]+ characters\] … x+$/);
    expect(lines[1].length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(lines[2]).toBe('- the line after');
    // Many ordinary lines are still paged at a line boundary, never mid-line.
    const many = Array.from({ length: 2_000 }, (_, i) => `- line ${i} ${'y'.repeat(50)}`).join('\n');
    const paged = fitLines(many);
    expect(paged.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS + 200);
    expect(paged).toMatch(/\n\n… \d+ more lines not shown/);
    for (const line of paged.split('\n').slice(0, -2)) expect(line).toMatch(/^- line \d+ y{50}$|^$/);
  });

  it('a 1,000,000-character workshop name: every Markdown answer shows what follows its title, the name cut with a mark', async () => {
    const created = await callOk(mcp, 'eventstorming_create_workshop', { name: 'Long', domain: 'Retail' });
    const id = String(created.workshop_id);
    const context = await callOk(mcp, 'eventstorming_create_bounded_context', { workshop_id: id, name: 'Sales' });
    const command = await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'command', name: 'Place Order', bounded_context_id: context.context_id });
    await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'event', name: 'Order Placed', triggered_by: [command.element_id] });
    await callOk(mcp, 'eventstorming_add_element', { workshop_id: id, type: 'hotspot', name: 'Who pays shipping?' });
    // The board's read door cuts a peer's overlong meta to the schemas' limits; the answers must not depend on it.
    // The same tools over HTTP, served this board with 1,000,000 characters in its name, domain, description and
    // facilitator, as a snapshot might hold them.
    const long = (c: string) => c.repeat(1_000_000);
    const wide = { name: long('N'), domain: long('D'), description: long('S'), facilitators: [long('F')] };
    const workshops: WorkshopAccess = {
      create: (input) => server.workshops.create(input),
      importDocument: (input, newName) => server.workshops.importDocument(input, newName),
      list: async () => (await server.workshops.list()).map((w) => (w.id === id ? { ...w, name: wide.name, domain: wide.domain } : w)),
      edit: (workshop, fn, origin) => server.workshops.edit(workshop, fn, origin),
      read: (workshop, fn) => server.workshops.read(workshop, (snap, doc) => fn(workshop === id ? { ...snap, meta: { ...snap.meta, ...wide } } : snap, doc)),
    };
    const handler = createMcpHandler({ workshops, loopbackOnly: true });
    const http = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const client = await connectMcp(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    const answerOf = async (tool: string, args: Record<string, unknown>) => String((await callOk(client, tool, args)).text);
    onTestFinished(async () => {
      await client.close();
      await new Promise((resolve) => http.close(resolve));
    });
    const stats = await callOk(client, 'eventstorming_get_statistics', { workshop_id: id, response_format: 'json' });
    expect((stats.workshop as { name: string }).name, 'the long name is on the board').toHaveLength(1_000_000);

    const beyondTitle: Record<string, RegExp[]> = {
      list_workshops: [new RegExp(id), /3 elements, 1 contexts/],
      load_workshop: [/- Elements: 3, bounded contexts: 1, trigger links: 1/, /## Bounded Contexts\n- Sales/, /# Workshop Statistics: N+ … \[cut: 995,000 more characters\]\n/, /- Coverage: 33\.3%/],
      'load_workshop full': [/- Elements: 3/, /\[command\] Place Order/, /\[hotspot\] Who pays shipping\?/, /- Coverage: 33\.3%/],
      search_elements: [/\[command\] Place Order/],
      get_timeline: [/\[command\] Place Order/, /\[event\] Order Placed/, /\[hotspot\] Who pays shipping\?/],
      get_context_overview: [/## Sales/, /- Elements: 1 \(command 1\)/],
      get_statistics: [/## Overview/, /- Total Elements: 3/, /- Coverage: 33\.3%/],
      visualize_flow: [/## Flow from: Place Order\n→ \[command\] Place Order\n {2}→ \[event\] Order Placed/],
      lint: [/## Open hotspots \(1\)/, /Who pays shipping\?/],
    };
    const withTheName = ['list_workshops', 'load_workshop', 'load_workshop full', 'get_timeline', 'get_statistics', 'lint'];
    for (const [label, tool, args] of markdownCalls(id, 'order')) {
      const answer = await answerOf(tool, args);
      expect(answer.length, label).toBeLessThanOrEqual(MAX_ANSWER_CHARS + 200);
      for (const shows of beyondTitle[label]) expect(answer, label).toMatch(shows);
      if (withTheName.includes(label)) expect(answer, label).toMatch(/N{100} … \[cut: 995,000 more characters\]/);
      expect(answer, label).not.toMatch(/more lines not shown/);
    }
    // A later page shows its own elements too, under the same cut title.
    const page2 = await answerOf('eventstorming_get_timeline', { workshop_id: id, page: 2, page_size: 1 });
    expect(page2).toMatch(/Page 2 of 3/);
    expect(page2).toMatch(/\[event\] Order Placed/);

    // One line of many names, each within the limits, longer than a line may be: cut with a mark, the next lines stay.
    await server.workshops.edit(id, (doc) => {
      for (let i = 0; i < 120; i++) addElement(doc, { type: 'event', name: `${i} ${'E'.repeat(180)} Happened`, position: 100 + i, triggered_by: [String(command.element_id)] });
    });
    const full = await answerOf('eventstorming_get_timeline', { workshop_id: id, detail_level: 'full', page_size: 3 });
    const lines = full.split('\n');
    const triggers = lines.find((l) => l.startsWith('  - Triggers: '))!;
    expect(triggers.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    expect(triggers).toMatch(/ … \[cut: [\d,]+ characters\] … .*119 E+ Happened$/);
    expect(lines.slice(lines.indexOf(triggers) + 1).join('\n')).toMatch(/\[event\] Order Placed[^]*\[hotspot\] Who pays shipping\?/);
  });
});
