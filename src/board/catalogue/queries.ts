// The analyses: questions to one workshop, answered from a snapshot, as JSON or the seed's Markdown.
import { z } from 'zod';
import {
  contextOverview,
  contextOverviewInput,
  contextOverviewMarkdown,
  flowInput,
  flows,
  flowsMarkdown,
  lint,
  lintInput,
  lintMarkdown,
  search,
  searchInput,
  searchMarkdown,
  statistics,
  statisticsMarkdown,
  timeline,
  timelineInput,
  timelineMarkdown,
} from '../../domain';
import { READ, defineQuery } from './entry';
import { TYPE_LIST, responseFormatField } from './fields';

export const searchEntry = defineQuery({
  name: 'search_elements',
  title: 'Search elements',
  description: 'Find stickies whose name, description or notes contain the query (case-insensitive, any language); name matches first.',
  input: z.object({
    query: searchInput.shape.query.describe('Text to look for.'),
    element_type: searchInput.shape.element_type.describe(`Only this type: ${TYPE_LIST}.`),
    bounded_context_id: searchInput.shape.bounded_context_id.describe('Only elements in this context.'),
    page: searchInput.shape.page.describe('Page, from 1.'),
    page_size: searchInput.shape.page_size.describe('Results per page (default 50, at most 500).'),
    detail_level: searchInput.shape.detail_level.describe('"summary" (default) or "full".'),
    response_format: responseFormatField,
  }),
  annotations: READ,
  run: (snap, input) => search(snap, input),
  markdown: searchMarkdown,
  rest: { method: 'GET', path: '/search' },
});

export const timelineEntry = defineQuery({
  name: 'get_timeline',
  title: 'Get timeline',
  description: "The elements in timeline order (by position), optionally of one type or one context, paged. Shows a person's drags as soon as they drop.",
  input: z.object({
    element_type: timelineInput.shape.element_type.describe(`Only this type: ${TYPE_LIST}.`),
    bounded_context_id: timelineInput.shape.bounded_context_id.describe('Only elements in this context.'),
    page: timelineInput.shape.page.describe('Page, from 1.'),
    page_size: timelineInput.shape.page_size.describe('Elements per page (default 50, at most 500).'),
    detail_level: timelineInput.shape.detail_level.describe('"summary" (default) or "full" (descriptions, notes, links).'),
    response_format: responseFormatField,
  }),
  annotations: READ,
  run: (snap, input) => timeline(snap, input),
  markdown: timelineMarkdown,
  rest: { method: 'GET', path: '/timeline' },
});

export const contextOverviewEntry = defineQuery({
  name: 'get_context_overview',
  title: 'Get context overview',
  description: 'Per bounded context: counts by type, what it lacks (aggregate, event, command) and its coupling (trigger links in and out).',
  input: z.object({
    context_id: contextOverviewInput.shape.context_id.describe('Only this context.'),
    page: contextOverviewInput.shape.page.describe('Page of contexts, from 1.'),
    page_size: contextOverviewInput.shape.page_size.describe('Contexts per page (default 50).'),
    detail_level: contextOverviewInput.shape.detail_level.describe('"summary" (default) or "full" (lists the elements).'),
    response_format: responseFormatField,
  }),
  annotations: READ,
  run: (snap, input) => contextOverview(snap, input),
  markdown: contextOverviewMarkdown,
  rest: { method: 'GET', path: '/context-overview' },
});

export const statisticsEntry = defineQuery({
  name: 'get_statistics',
  title: 'Get statistics',
  description: 'Totals, elements by type and by context, relationships and context coverage (JSON keys: totals, by_type, by_context, relationships, coverage).',
  input: z.object({ response_format: responseFormatField.describe('"markdown" (default) or "json".') }),
  annotations: READ,
  run: (snap) => statistics(snap),
  markdown: statisticsMarkdown,
  rest: { method: 'GET', path: '/statistics' },
});

export const flowEntry = defineQuery({
  name: 'visualize_flow',
  title: 'Visualize flow',
  description:
    'The trigger tree from one element, or from every starting point (a command no event or policy triggers, or an element that triggers others and is triggered by none). Cycles are marked, never followed forever.',
  input: z.object({
    start_element_id: flowInput.shape.start_element_id.describe('Start here instead of at every starting point.'),
    max_depth: flowInput.shape.max_depth.describe('Levels to show, 1–20 (default 5; the start is level 0).'),
    max_elements: flowInput.shape.max_elements.describe('Most nodes to show (default 100).'),
    response_format: responseFormatField,
  }),
  annotations: READ,
  run: (snap, input) => flows(snap, input),
  markdown: flowsMarkdown,
  rest: { method: 'GET', path: '/flows' },
});

export const lintEntry = defineQuery({
  name: 'lint',
  title: 'Lint the model',
  description:
    'Check the model against Event Storming practice: events not in the past tense, commands that trigger no event, events nothing causes, elements in no context, links across contexts, open hotspots. Each finding names its element.',
  input: z.object({
    page: lintInput.shape.page.describe('Page of findings, from 1.'),
    page_size: lintInput.shape.page_size.describe('Findings per page (default 50).'),
    response_format: responseFormatField,
  }),
  annotations: READ,
  run: (snap, input) => lint(snap, input),
  markdown: lintMarkdown,
  rest: { method: 'GET', path: '/lint' },
});
