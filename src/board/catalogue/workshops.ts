// Workshops: create, list and import (on the server), read, rename and export (one workshop).
import { z } from 'zod';
import {
  createWorkshopInput,
  exportFileName,
  exportInput,
  exportWorkshop,
  importInput,
  loadWorkshopInput,
  markdownId,
  markdownText,
  pageSchema,
  pageSizeSchema,
  statistics,
  statisticsMarkdown,
  timeline,
  timelineMarkdown,
  updateWorkshopInput,
  type StatisticsReport,
  type TimelineReport,
  type WorkshopSnapshot,
} from '../../domain';
import { updateWorkshop } from '../workshop';
import { IDEMPOTENT_WRITE, READ, WRITE, defineOperation, defineQuery, defineServerEntry } from './entry';
import { responseFormatField } from './fields';

export const createWorkshopEntry = defineServerEntry({
  name: 'create_workshop',
  title: 'Create workshop',
  description:
    'Create a new Event Storming workshop (an empty shared board). Answers workshop_id — pass it to every other tool — and board_url/view_url: give the humans board_url to co-edit live, view_url to watch.',
  input: z.object({
    name: createWorkshopInput.shape.name.describe('Workshop name, 1–200 characters.'),
    description: createWorkshopInput.shape.description.describe('What the workshop models.'),
    domain: createWorkshopInput.shape.domain.describe('The business domain, e.g. "E-commerce".'),
    facilitators: createWorkshopInput.shape.facilitators.describe('Names of the facilitators.'),
  }),
  annotations: WRITE,
  run: (server, input) => server.create(input),
  answer: (created) => ({
    success: true,
    workshop_id: created.meta.id,
    name: created.meta.name,
    message: `Workshop '${created.meta.name}' created successfully`,
    board_url: created.boardUrl,
    view_url: created.viewUrl,
  }),
  rest: { method: 'POST', path: '/api/workshops', status: 201 },
});

export const listWorkshopsEntry = defineServerEntry({
  name: 'list_workshops',
  title: 'List workshops',
  description: 'List every workshop on this server with its id, name, domain, element and context counts.',
  input: z.object({ response_format: responseFormatField }),
  annotations: READ,
  run: (server) => server.list(),
  answer: (list) => ({ workshops: list, total: list.length }),
  markdown: (list) => {
    if (list.length === 0) return '# Workshops\n\nNo workshops yet. Create one with eventstorming_create_workshop.';
    const lines = list.map(
      (w) =>
        `- **${markdownText(w.name)}** (${markdownId(w.id)})${w.domain ? ` — ${markdownText(w.domain)}` : ''}: ${w.element_count} elements, ${w.context_count} contexts, updated ${markdownText(w.updated_at)}`,
    );
    return `# Workshops (${list.length})\n\n${lines.join('\n')}`;
  },
  rest: { method: 'GET', path: '/api/workshops' },
});

export const importWorkshopEntry = defineServerEntry({
  name: 'import_workshop',
  title: 'Import workshop',
  description:
    'Create a new workshop from an exported one: our exchange document or the original eventstorming-mcp export (schema 1.0 or 2.0), as a JSON string. The whole file is checked first; on any problem nothing is created and every bad path is listed.',
  input: z.object({
    workshop_data: importInput.shape.workshop_data.describe('The exported workshop, as a JSON string.'),
    new_name: importInput.shape.new_name.describe('A name for the new workshop (default: the exported name).'),
  }),
  annotations: WRITE,
  run: async (server, input) => {
    const created = await server.importDocument(input.workshop_data, input.new_name);
    const counts = await server.read(created.meta.id, (snap) => ({ elements: snap.elements.length, contexts: snap.contexts.length, links: snap.links.length }));
    return { created, counts };
  },
  answer: ({ created, counts }) => ({
    success: true,
    workshop_id: created.meta.id,
    name: created.meta.name,
    message: `Imported '${created.meta.name}': ${counts.elements} elements, ${counts.contexts} bounded contexts, ${counts.links} trigger links`,
    element_count: counts.elements,
    context_count: counts.contexts,
    board_url: created.boardUrl,
    view_url: created.viewUrl,
  }),
  rest: { method: 'POST', path: '/api/workshops/import', status: 201 },
});

interface LoadedWorkshop {
  snap: WorkshopSnapshot;
  full: boolean;
  stats: StatisticsReport;
  line: TimelineReport;
}

export const loadWorkshopEntry = defineQuery({
  name: 'load_workshop',
  title: 'Load workshop',
  description: 'Read a workshop: its details and statistics ("summary"), or also every element and bounded context ("full", paged with page/page_size).',
  input: z.object({
    detail_level: loadWorkshopInput.shape.detail_level.describe('"summary" (default) or "full" (every element, paged).'),
    page: pageSchema.describe('Page of elements in "full" detail, from 1.'),
    page_size: pageSizeSchema.describe('Elements per page in "full" detail (default 50, at most 500).'),
    response_format: responseFormatField,
  }),
  annotations: READ,
  run: (snap, input): LoadedWorkshop => ({
    snap,
    full: input.detail_level === 'full',
    stats: statistics(snap),
    line: timeline(snap, { page: input.page, page_size: input.page_size, detail_level: 'full' }),
  }),
  json: ({ snap, full, stats, line }) => ({
    workshop: {
      id: snap.meta.id,
      name: snap.meta.name,
      description: snap.meta.description,
      domain: snap.meta.domain,
      facilitators: snap.meta.facilitators,
      created_at: snap.meta.createdAt,
      updated_at: snap.meta.updatedAt,
    },
    statistics: stats,
    bounded_contexts: snap.contexts.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      color: c.color,
      element_ids: snap.elements.filter((e) => e.contextId === c.id).map((e) => e.id),
    })),
    ...(full ? { elements: line.timeline, pagination: line.pagination } : {}),
  }),
  markdown: ({ snap, full, stats, line }) => {
    const head = [
      `# Workshop: ${markdownText(snap.meta.name)}`,
      '',
      `- ID: ${markdownId(snap.meta.id)}`,
      snap.meta.domain ? `- Domain: ${markdownText(snap.meta.domain)}` : null,
      snap.meta.description ? `- Description: ${markdownText(snap.meta.description)}` : null,
      snap.meta.facilitators.length ? `- Facilitators: ${snap.meta.facilitators.map(markdownText).join(', ')}` : null,
      `- Elements: ${snap.elements.length}, bounded contexts: ${snap.contexts.length}, trigger links: ${snap.links.length}`,
      '',
      '## Bounded Contexts',
      ...(snap.contexts.length ? snap.contexts.map((c) => `- ${markdownText(c.name)} (${markdownId(c.id)})`) : ['- none yet']),
    ].filter((l): l is string => l !== null);
    const body = full ? `\n\n${timelineMarkdown(line)}` : '';
    return `${head.join('\n')}${body}\n\n${statisticsMarkdown(stats)}`;
  },
  rest: { method: 'GET', path: '' },
});

export const updateWorkshopEntry = defineOperation({
  name: 'update_workshop',
  title: 'Update workshop',
  description: "Rename the workshop or change its description, domain or facilitators; every participant's board shows it at once.",
  input: z.object({
    name: updateWorkshopInput.shape.name.describe('New workshop name, 1–200 characters.'),
    description: updateWorkshopInput.shape.description.describe('New description.'),
    domain: updateWorkshopInput.shape.domain.describe('New business domain.'),
    facilitators: updateWorkshopInput.shape.facilitators.describe('The complete list of facilitators.'),
  }),
  annotations: IDEMPOTENT_WRITE,
  run: (doc, input, options) => updateWorkshop(doc, input, options),
  answer: (meta) => ({ success: true, workshop_id: meta.id, name: meta.name, message: `Updated workshop '${meta.name}'` }),
  rest: { method: 'PATCH', path: '' },
});

export const exportWorkshopEntry = defineQuery({
  name: 'export_workshop',
  title: 'Export workshop',
  description: 'The workshop as the exchange document (JSON), the same file the board\'s "Export JSON" downloads; eventstorming_import_workshop reads it back.',
  input: z.object({ include_metadata: exportInput.shape.include_metadata.describe('Include timestamps (default true).') }),
  annotations: READ,
  run: (snap, input) => exportWorkshop(snap, { includeMetadata: input.include_metadata }),
  rest: { method: 'GET', path: '/export', download: (document) => exportFileName(document.workshop.name, 'json') },
});
