// The analyses: each a pure function of a WorkshopSnapshot returning JSON-able data, with a Markdown renderer of it.
export { indexBoard, inTimelineOrder, type BoardIndex, type TimelineKey } from './board-index';
export { paginate, cutLine, cutLongLines, DEFAULT_PAGE_SIZE, MAX_LINE_CHARS, type Pagination } from './paging';
export { markdownText, markdownId } from './markdown';
export { statistics, statisticsMarkdown, type StatisticsReport } from './statistics';
export { chapterAt, chapters, pivotalEvents, type Chapter } from './chapters';
export {
  timeline,
  timelineMarkdown,
  type DetailLevel,
  type ElementEntry,
  type ElementRef,
  type TimelineOptions,
  type TimelineReport,
} from './timeline';
export { flows, flowsMarkdown, startingPoints, type Flow, type FlowNode, type FlowOptions, type FlowReport } from './flows';
export {
  contextOverview,
  contextOverviewMarkdown,
  ESSENTIAL_TYPES,
  type ContextCoupling,
  type ContextLinkCount,
  type ContextOverviewOptions,
  type ContextOverviewReport,
  type ContextSummary,
  type EssentialType,
} from './context-overview';
export {
  search,
  searchMarkdown,
  foldForSearch,
  SEARCH_MATCHES,
  type SearchField,
  type SearchHit,
  type SearchMatch,
  type SearchOptions,
  type SearchReport,
} from './search';
export {
  lint,
  lintMarkdown,
  isPastTenseName,
  LINT_RULES,
  LINT_RULE_INFO,
  type LintFinding,
  type LintOptions,
  type LintReport,
  type LintRule,
  type LintSeverity,
} from './lint';
