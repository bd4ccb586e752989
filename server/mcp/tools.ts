// The eventstorming_* tools: a superset of the original server's fifteen, on the live rooms.
// Every tool validates with the domain schemas and calls src/board operations and the domain analyses, nothing else.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type * as Y from 'yjs';
import { z } from 'zod';
import {
  addElement,
  assignToContext,
  createContext,
  deleteContext,
  deleteElement,
  updateContext,
  updateElement,
} from '../../src/board';
import {
  CATALOGUE,
  ELEMENT_TYPES,
  addElementInput,
  assignToContextInput,
  contextOverview,
  contextOverviewInput,
  contextOverviewMarkdown,
  createContextInput,
  createWorkshopInput,
  deleteContextInput,
  deleteElementInput,
  exportInput,
  exchangeElement,
  exportWorkshop,
  flowInput,
  flows,
  flowsMarkdown,
  importInput,
  lint,
  lintInput,
  lintMarkdown,
  loadWorkshopInput,
  markdownId,
  markdownText,
  pageSchema,
  pageSizeSchema,
  responseFormatSchema,
  search,
  searchInput,
  searchMarkdown,
  statistics,
  statisticsInput,
  statisticsMarkdown,
  timeline,
  timelineInput,
  timelineMarkdown,
  updateContextInput,
  updateElementInput,
  workshopIdSchema,
  type CreateWorkshopInput,
  type WorkshopMeta,
  type WorkshopSnapshot,
} from '../../src/domain';
import type { WorkshopSummary } from '../rooms';
import { answerError, answerJson, answerText } from './results';

export interface WorkshopLinks {
  meta: WorkshopMeta;
  boardUrl: string;
  viewUrl: string;
}


/** What the tools need of the server: the workshops service (server/workshops.ts) satisfies it. */
export interface WorkshopAccess {
  create(input: CreateWorkshopInput): Promise<WorkshopLinks>;
  importDocument(input: unknown, newName?: string): Promise<WorkshopLinks>;
  list(): Promise<WorkshopSummary[]>;
  edit<T>(id: string, fn: (doc: Y.Doc) => T, origin?: unknown): Promise<T>;
  read<T>(id: string, fn: (snap: WorkshopSnapshot, doc: Y.Doc) => T): Promise<T>;
}

/** The origin of an assistant's edits: a person's undo never reverts them. */
export const ASSISTANT_ORIGIN = { kind: 'mcp-assistant' } as const;

const workshopId = workshopIdSchema.describe('The workshop id returned by eventstorming_create_workshop or eventstorming_list_workshops.');
const responseFormat = responseFormatSchema.describe('"markdown" (default) for people, "json" for programs.');
const TYPES = ELEMENT_TYPES.map((t) => `${t} (${CATALOGUE[t].hint})`).join('; ');

function withWorkshop<S extends z.ZodRawShape>(shape: S) {
  return { workshop_id: workshopId, ...shape };
}

type Handler<A> = (args: A) => Promise<CallToolResult>;

function guarded<A>(handler: Handler<A>): Handler<A> {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      return answerError(error);
    }
  };
}

function analysis<R>(format: 'markdown' | 'json', report: R, markdown: (r: R) => string): CallToolResult {
  return format === 'json' ? answerJson(report) : answerText(markdown(report));
}

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const WRITE = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;
const IDEMPOTENT_WRITE = { ...WRITE, idempotentHint: true } as const;
const DELETE = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false } as const;

type ToolDefinition = Parameters<McpServer['registerTool']>;

/** The definitions, built once per workshops service: a stateless request registers them, it does not rebuild them. */
const definitionsByService = new WeakMap<WorkshopAccess, ToolDefinition[]>();

export function registerTools(server: McpServer, workshops: WorkshopAccess): void {
  let definitions = definitionsByService.get(workshops);
  if (!definitions) {
    definitions = defineTools(workshops);
    definitionsByService.set(workshops, definitions);
  }
  const register = server.registerTool.bind(server) as (...definition: ToolDefinition) => unknown;
  for (const definition of definitions) register(...definition);
}

function defineTools(workshops: WorkshopAccess): ToolDefinition[] {
  const definitions: ToolDefinition[] = [];
  // Collects what each registration below would register, with the SDK's own typing of the handlers.
  const server = {
    registerTool: ((...definition: ToolDefinition) => void definitions.push(definition)) as unknown as McpServer['registerTool'],
  };
  const edit = <T>(id: string, fn: (doc: Y.Doc) => T) => workshops.edit(id, fn, ASSISTANT_ORIGIN);

  server.registerTool(
    'eventstorming_create_workshop',
    {
      title: 'Create workshop',
      description:
        'Create a new Event Storming workshop (an empty shared board). Answers workshop_id — pass it to every other tool — and board_url/view_url: give the humans board_url to co-edit live, view_url to watch.',
      inputSchema: {
        name: createWorkshopInput.shape.name.describe('Workshop name, 1–200 characters.'),
        description: createWorkshopInput.shape.description.describe('What the workshop models.'),
        domain: createWorkshopInput.shape.domain.describe('The business domain, e.g. "E-commerce".'),
        facilitators: createWorkshopInput.shape.facilitators.describe('Names of the facilitators.'),
      },
      annotations: { ...WRITE, title: 'Create workshop' },
    },
    guarded(async (args) => {
      const created = await workshops.create(args);
      return answerJson({
        success: true,
        workshop_id: created.meta.id,
        name: created.meta.name,
        message: `Workshop '${created.meta.name}' created successfully`,
        board_url: created.boardUrl,
        view_url: created.viewUrl,
      });
    }),
  );

  server.registerTool(
    'eventstorming_list_workshops',
    {
      title: 'List workshops',
      description: 'List every workshop on this server with its id, name, domain, element and context counts.',
      inputSchema: { response_format: responseFormat },
      annotations: { ...READ, title: 'List workshops' },
    },
    guarded(async ({ response_format }) => {
      const list = await workshops.list();
      if (response_format === 'json') return answerJson({ workshops: list, total: list.length });
      if (list.length === 0) return answerText('# Workshops\n\nNo workshops yet. Create one with eventstorming_create_workshop.');
      const lines = list.map((w) => `- **${markdownText(w.name)}** (${markdownId(w.id)})${w.domain ? ` — ${markdownText(w.domain)}` : ''}: ${w.element_count} elements, ${w.context_count} contexts, updated ${markdownText(w.updated_at)}`);
      return answerText(`# Workshops (${list.length})\n\n${lines.join('\n')}`);
    }),
  );

  server.registerTool(
    'eventstorming_load_workshop',
    {
      title: 'Load workshop',
      description:
        'Read a workshop: its details and statistics ("summary"), or also every element and bounded context ("full", paged with page/page_size).',
      inputSchema: withWorkshop({
        detail_level: loadWorkshopInput.shape.detail_level.describe('"summary" (default) or "full" (every element, paged).'),
        page: pageSchema.describe('Page of elements in "full" detail, from 1.'),
        page_size: pageSizeSchema.describe('Elements per page in "full" detail (default 50, at most 500).'),
        response_format: responseFormat,
      }),
      annotations: { ...READ, title: 'Load workshop' },
    },
    guarded(async (args) =>
      workshops.read(args.workshop_id, (snap) => {
        const stats = statistics(snap);
        const line = timeline(snap, { page: args.page, page_size: args.page_size, detail_level: 'full' });
        if (args.response_format === 'json') {
          return answerJson({
            workshop: { id: snap.meta.id, name: snap.meta.name, description: snap.meta.description, domain: snap.meta.domain, facilitators: snap.meta.facilitators, created_at: snap.meta.createdAt, updated_at: snap.meta.updatedAt },
            statistics: stats,
            bounded_contexts: snap.contexts.map((c) => ({ id: c.id, name: c.name, description: c.description, color: c.color, element_ids: snap.elements.filter((e) => e.contextId === c.id).map((e) => e.id) })),
            ...(args.detail_level === 'full' ? { elements: line.timeline, pagination: line.pagination } : {}),
          });
        }
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
        const body = args.detail_level === 'full' ? `\n\n${timelineMarkdown(line)}` : '';
        return answerText(`${head.join('\n')}${body}\n\n${statisticsMarkdown(stats)}`);
      }),
    ),
  );

  const addShape = addElementInput.omit({ id: true }).shape;
  server.registerTool(
    'eventstorming_add_element',
    {
      title: 'Add element',
      description:
        `Add a sticky to the board; it appears live on every participant's board. Types: ${TYPES}. ` +
        'position is the timeline column (any number; omitted: right of the last sticky of its type). Answers element_id.',
      inputSchema: withWorkshop({
        type: addShape.type.describe(`One of: ${ELEMENT_TYPES.join(', ')}.`),
        name: addShape.name.describe('Sticky text, 1–200 characters. Events in the past tense ("Order Placed").'),
        description: addShape.description.describe('Longer explanation (up to 5,000 characters).'),
        position: addShape.position.describe('Timeline position (column); 10.5 lands between 10 and 11.'),
        y: addShape.y.describe('Vertical pixel position on the canvas; omitted: the type\'s row, below stickies already there.'),
        notes: addShape.notes.describe('Free notes (up to 5,000 characters).'),
        created_by: addShape.created_by.describe('Who added it.'),
        triggers: addShape.triggers.describe('Ids of elements this one triggers (they must exist).'),
        triggered_by: addShape.triggered_by.describe('Ids of elements that trigger this one (they must exist).'),
        bounded_context_id: addShape.bounded_context_id.describe('Id of the bounded context it belongs to.'),
      }),
      annotations: { ...WRITE, title: 'Add element' },
    },
    guarded(async ({ workshop_id, ...input }) => {
      const element = await edit(workshop_id, (doc) => addElement(doc, input, { origin: ASSISTANT_ORIGIN }));
      return answerJson({
        success: true,
        element_id: element.id,
        type: element.type,
        name: element.name,
        position: element.position,
        message: `Added ${element.type} '${element.name}' at position ${element.position}`,
        element: exchangeElement(element, true),
      });
    }),
  );

  const updateShape = updateElementInput.shape;
  server.registerTool(
    'eventstorming_update_element',
    {
      title: 'Update element',
      description:
        'Change any field of a sticky. triggers replaces its outgoing links and triggered_by its incoming ones (the other ends update too); bounded_context_id null or "null" removes it from its context.',
      inputSchema: withWorkshop({
        element_id: updateShape.element_id.describe('The element to change.'),
        type: updateShape.type.describe(`New type: ${ELEMENT_TYPES.join(', ')}.`),
        name: updateShape.name.describe('New sticky text, 1–200 characters.'),
        description: updateShape.description.describe('New description.'),
        notes: updateShape.notes.describe('New notes.'),
        position: updateShape.position.describe('New timeline position.'),
        y: updateShape.y.describe('New vertical pixel position.'),
        triggers: updateShape.triggers.describe('The complete list of ids this element triggers.'),
        triggered_by: updateShape.triggered_by.describe('The complete list of ids that trigger this element.'),
        bounded_context_id: updateShape.bounded_context_id.describe('Context id, or null / "null" to remove it from its context.'),
      }),
      annotations: { ...IDEMPOTENT_WRITE, title: 'Update element' },
    },
    guarded(async ({ workshop_id, ...input }) => {
      const element = await edit(workshop_id, (doc) => updateElement(doc, input, { origin: ASSISTANT_ORIGIN }));
      return answerJson({ success: true, element_id: element.id, message: `Updated ${element.type} '${element.name}'`, element: exchangeElement(element, true) });
    }),
  );

  server.registerTool(
    'eventstorming_delete_element',
    {
      title: 'Delete element',
      description: 'Delete a sticky and every trigger link to or from it.',
      inputSchema: withWorkshop({ element_id: deleteElementInput.shape.element_id.describe('The element to delete.') }),
      annotations: { ...DELETE, title: 'Delete element' },
    },
    guarded(async ({ workshop_id, element_id }) => {
      const name = await workshops.read(workshop_id, (snap) => snap.elements.find((e) => e.id === element_id)?.name);
      await edit(workshop_id, (doc) => deleteElement(doc, { element_id }, { origin: ASSISTANT_ORIGIN }));
      return answerJson({ success: true, element_id, message: `Deleted element '${name ?? element_id}' and its links` });
    }),
  );

  server.registerTool(
    'eventstorming_create_bounded_context',
    {
      title: 'Create bounded context',
      description: 'Create a bounded context (a named, coloured group of elements). Answers context_id for eventstorming_assign_to_context.',
      inputSchema: withWorkshop({
        name: createContextInput.shape.name.describe('Context name, 1–200 characters.'),
        description: createContextInput.shape.description.describe('What the context is responsible for.'),
        color: createContextInput.shape.color.describe('CSS hex colour like #3498db; omitted: a distinct one is chosen.'),
      }),
      annotations: { ...WRITE, title: 'Create bounded context' },
    },
    guarded(async ({ workshop_id, ...input }) => {
      const context = await edit(workshop_id, (doc) => createContext(doc, input, { origin: ASSISTANT_ORIGIN }));
      return answerJson({ success: true, context_id: context.id, name: context.name, color: context.color, message: `Bounded context '${context.name}' created successfully` });
    }),
  );

  server.registerTool(
    'eventstorming_assign_to_context',
    {
      title: 'Assign to context',
      description: 'Put elements into a bounded context (moving them out of any other). Every id must exist, or nothing changes.',
      inputSchema: withWorkshop({
        context_id: assignToContextInput.shape.context_id.describe('The bounded context.'),
        element_ids: assignToContextInput.shape.element_ids.describe('Ids of the elements to assign.'),
      }),
      annotations: { ...IDEMPOTENT_WRITE, title: 'Assign to context' },
    },
    guarded(async ({ workshop_id, ...input }) => {
      const result = await edit(workshop_id, (doc) => assignToContext(doc, input, { origin: ASSISTANT_ORIGIN }));
      return answerJson({ success: true, context_id: input.context_id, assigned_count: result.assigned, message: `Assigned ${result.assigned} elements to '${result.context.name}'` });
    }),
  );

  server.registerTool(
    'eventstorming_update_bounded_context',
    {
      title: 'Update bounded context',
      description: 'Rename, re-describe or recolour a bounded context.',
      inputSchema: withWorkshop({
        context_id: updateContextInput.shape.context_id.describe('The bounded context.'),
        name: updateContextInput.shape.name.describe('New name.'),
        description: updateContextInput.shape.description.describe('New description.'),
        color: updateContextInput.shape.color.describe('New CSS hex colour like #2ecc71.'),
      }),
      annotations: { ...IDEMPOTENT_WRITE, title: 'Update bounded context' },
    },
    guarded(async ({ workshop_id, ...input }) => {
      const context = await edit(workshop_id, (doc) => updateContext(doc, input, { origin: ASSISTANT_ORIGIN }));
      return answerJson({ success: true, context_id: context.id, name: context.name, color: context.color, message: `Updated bounded context '${context.name}'` });
    }),
  );

  server.registerTool(
    'eventstorming_delete_bounded_context',
    {
      title: 'Delete bounded context',
      description: 'Delete a bounded context; its elements stay on the board, unassigned.',
      inputSchema: withWorkshop({ context_id: deleteContextInput.shape.context_id.describe('The bounded context to delete.') }),
      annotations: { ...DELETE, title: 'Delete bounded context' },
    },
    guarded(async ({ workshop_id, context_id }) => {
      const result = await edit(workshop_id, (doc) => deleteContext(doc, { context_id }, { origin: ASSISTANT_ORIGIN }));
      return answerJson({ success: true, context_id, unassigned_count: result.unassigned, message: `Deleted the bounded context; ${result.unassigned} elements are now unassigned` });
    }),
  );

  server.registerTool(
    'eventstorming_search_elements',
    {
      title: 'Search elements',
      description: 'Find stickies whose name, description or notes contain the query (case-insensitive, any language); name matches first.',
      inputSchema: withWorkshop({
        query: searchInput.shape.query.describe('Text to look for.'),
        element_type: searchInput.shape.element_type.describe(`Only this type: ${ELEMENT_TYPES.join(', ')}.`),
        bounded_context_id: searchInput.shape.bounded_context_id.describe('Only elements in this context.'),
        page: searchInput.shape.page.describe('Page, from 1.'),
        page_size: searchInput.shape.page_size.describe('Results per page (default 50, at most 500).'),
        detail_level: searchInput.shape.detail_level.describe('"summary" (default) or "full".'),
        response_format: responseFormat,
      }),
      annotations: { ...READ, title: 'Search elements' },
    },
    guarded(async ({ workshop_id, response_format, ...input }) =>
      workshops.read(workshop_id, (snap) => analysis(response_format, search(snap, input), searchMarkdown)),
    ),
  );

  server.registerTool(
    'eventstorming_get_timeline',
    {
      title: 'Get timeline',
      description: 'The elements in timeline order (by position), optionally of one type or one context, paged. Shows a person\'s drags as soon as they drop.',
      inputSchema: withWorkshop({
        element_type: timelineInput.shape.element_type.describe(`Only this type: ${ELEMENT_TYPES.join(', ')}.`),
        bounded_context_id: timelineInput.shape.bounded_context_id.describe('Only elements in this context.'),
        page: timelineInput.shape.page.describe('Page, from 1.'),
        page_size: timelineInput.shape.page_size.describe('Elements per page (default 50, at most 500).'),
        detail_level: timelineInput.shape.detail_level.describe('"summary" (default) or "full" (descriptions, notes, links).'),
        response_format: responseFormat,
      }),
      annotations: { ...READ, title: 'Get timeline' },
    },
    guarded(async ({ workshop_id, response_format, ...input }) =>
      workshops.read(workshop_id, (snap) => analysis(response_format, timeline(snap, input), timelineMarkdown)),
    ),
  );

  server.registerTool(
    'eventstorming_get_context_overview',
    {
      title: 'Get context overview',
      description: 'Per bounded context: counts by type, what it lacks (aggregate, event, command) and its coupling (trigger links in and out).',
      inputSchema: withWorkshop({
        context_id: contextOverviewInput.shape.context_id.describe('Only this context.'),
        page: contextOverviewInput.shape.page.describe('Page of contexts, from 1.'),
        page_size: contextOverviewInput.shape.page_size.describe('Contexts per page (default 50).'),
        detail_level: contextOverviewInput.shape.detail_level.describe('"summary" (default) or "full" (lists the elements).'),
        response_format: responseFormat,
      }),
      annotations: { ...READ, title: 'Get context overview' },
    },
    guarded(async ({ workshop_id, response_format, ...input }) =>
      workshops.read(workshop_id, (snap) => analysis(response_format, contextOverview(snap, input), contextOverviewMarkdown)),
    ),
  );

  server.registerTool(
    'eventstorming_get_statistics',
    {
      title: 'Get statistics',
      description: 'Totals, elements by type and by context, relationships and context coverage (JSON keys: totals, by_type, by_context, relationships, coverage).',
      inputSchema: withWorkshop({ response_format: statisticsInput.shape.response_format.describe('"markdown" (default) or "json".') }),
      annotations: { ...READ, title: 'Get statistics' },
    },
    guarded(async ({ workshop_id, response_format }) =>
      workshops.read(workshop_id, (snap) => analysis(response_format, statistics(snap), statisticsMarkdown)),
    ),
  );

  server.registerTool(
    'eventstorming_visualize_flow',
    {
      title: 'Visualize flow',
      description:
        'The trigger tree from one element, or from every starting point (a command no event or policy triggers, or an element that triggers others and is triggered by none). Cycles are marked, never followed forever.',
      inputSchema: withWorkshop({
        start_element_id: flowInput.shape.start_element_id.describe('Start here instead of at every starting point.'),
        max_depth: flowInput.shape.max_depth.describe('Levels to show, 1–20 (default 5; the start is level 0).'),
        max_elements: flowInput.shape.max_elements.describe('Most nodes to show (default 100).'),
        response_format: responseFormat,
      }),
      annotations: { ...READ, title: 'Visualize flow' },
    },
    guarded(async ({ workshop_id, response_format, ...input }) =>
      workshops.read(workshop_id, (snap) => analysis(response_format, flows(snap, input), flowsMarkdown)),
    ),
  );

  server.registerTool(
    'eventstorming_lint',
    {
      title: 'Lint the model',
      description:
        'Check the model against Event Storming practice: events not in the past tense, commands that trigger no event, events nothing causes, elements in no context, links across contexts, open hotspots. Each finding names its element.',
      inputSchema: withWorkshop({
        page: lintInput.shape.page.describe('Page of findings, from 1.'),
        page_size: lintInput.shape.page_size.describe('Findings per page (default 50).'),
        response_format: responseFormat,
      }),
      annotations: { ...READ, title: 'Lint the model' },
    },
    guarded(async ({ workshop_id, response_format, ...input }) =>
      workshops.read(workshop_id, (snap) => analysis(response_format, lint(snap, input), lintMarkdown)),
    ),
  );

  server.registerTool(
    'eventstorming_export_workshop',
    {
      title: 'Export workshop',
      description: 'The workshop as the exchange document (JSON), the same file the board\'s "Export JSON" downloads; eventstorming_import_workshop reads it back.',
      inputSchema: withWorkshop({ include_metadata: exportInput.shape.include_metadata.describe('Include timestamps (default true).') }),
      annotations: { ...READ, title: 'Export workshop' },
    },
    guarded(async ({ workshop_id, include_metadata }) =>
      workshops.read(workshop_id, (snap) => answerJson(exportWorkshop(snap, { includeMetadata: include_metadata }))),
    ),
  );

  server.registerTool(
    'eventstorming_import_workshop',
    {
      title: 'Import workshop',
      description:
        'Create a new workshop from an exported one: our exchange document or the original eventstorming-mcp export (schema 1.0 or 2.0), as a JSON string. The whole file is checked first; on any problem nothing is created and every bad path is listed.',
      inputSchema: {
        workshop_data: importInput.shape.workshop_data.describe('The exported workshop, as a JSON string.'),
        new_name: importInput.shape.new_name.describe('A name for the new workshop (default: the exported name).'),
      },
      annotations: { ...WRITE, title: 'Import workshop' },
    },
    guarded(async ({ workshop_data, new_name }) => {
      const created = await workshops.importDocument(workshop_data, new_name);
      const counts = await workshops.read(created.meta.id, (snap) => ({ elements: snap.elements.length, contexts: snap.contexts.length, links: snap.links.length }));
      return answerJson({
        success: true,
        workshop_id: created.meta.id,
        name: created.meta.name,
        message: `Imported '${created.meta.name}': ${counts.elements} elements, ${counts.contexts} bounded contexts, ${counts.links} trigger links`,
        element_count: counts.elements,
        context_count: counts.contexts,
        board_url: created.boardUrl,
        view_url: created.viewUrl,
      });
    }),
  );
  return definitions;
}
