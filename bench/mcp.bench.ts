// MCP over Streamable HTTP against the server in its own process, on a 2,000-element workshop:
// tool calls per second and latency for eventstorming_add_element and eventstorming_get_statistics.
import { ELEMENT_TYPES } from '../src/domain';
import { callOk, connectMcp } from '../test-support/mcp-test-client';
import { percentile, report } from './report';
import { startBenchServer } from './server-process';

const ELEMENTS = 2_000;

function generatedWorkshop() {
  const elements = Array.from({ length: ELEMENTS }, (_, i) => ({
    id: `e${i}`,
    type: ELEMENT_TYPES[i % ELEMENT_TYPES.length],
    name: `Element ${i} Happened`,
    position: Math.floor(i / 8),
    triggers: i % 3 === 0 && i + 1 < ELEMENTS ? [`e${i + 1}`] : [],
    bounded_context_id: `c${i % 10}`,
  }));
  const contexts = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `Context ${i}`, element_ids: [] as string[] }));
  return { format: 'eventstorm.workshop', version: 1, workshop: { name: 'MCP bench' }, elements, bounded_contexts: contexts };
}

async function timeCalls(count: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call(i);
    times.push(performance.now() - start);
  }
  return times;
}

const server = await startBenchServer();
try {
  const mcp = await connectMcp(server.url);
  const imported = await callOk(mcp, 'eventstorming_import_workshop', { workshop_data: JSON.stringify(generatedWorkshop()) });
  const workshop = String(imported.workshop_id);
  // Warm up: load the room and the code paths.
  for (let i = 0; i < 20; i++) await callOk(mcp, 'eventstorming_get_statistics', { workshop_id: workshop, response_format: 'json' });

  const adds = await timeCalls(300, (i) =>
    callOk(mcp, 'eventstorming_add_element', { workshop_id: workshop, type: 'event', name: `Bench ${i} Happened`, position: 300 + i, y: 900 }),
  );
  const stats = await timeCalls(300, () => callOk(mcp, 'eventstorming_get_statistics', { workshop_id: workshop, response_format: 'json' }));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const shape = { elements: ELEMENTS, calls: 300, transport: 'streamable-http' };
  report('mcp.add_element.p50', percentile(adds, 50), 'ms', shape);
  report('mcp.add_element.p95', percentile(adds, 95), 'ms', { ...shape, target: 10 });
  report('mcp.add_element.rate', 1000 / mean(adds), 'calls/s', { ...shape, note: 'one client, sequential' });
  report('mcp.get_statistics.p50', percentile(stats, 50), 'ms', shape);
  report('mcp.get_statistics.p95', percentile(stats, 95), 'ms', { ...shape, target: 20 });
  report('mcp.get_statistics.rate', 1000 / mean(stats), 'calls/s', { ...shape, note: 'one client, sequential' });
  await mcp.close();
} finally {
  await server.stop();
}
