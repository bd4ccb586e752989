// The workshop report: every analysis in the seed's Markdown, one after another — exactly what the domain's
// renderers write (the MCP tools answer the same text), nothing re-worded here.
import {
  contextOverview,
  contextOverviewMarkdown,
  flows,
  flowsMarkdown,
  lint,
  lintMarkdown,
  LIMITS,
  statistics,
  statisticsMarkdown,
  timeline,
  timelineMarkdown,
  type WorkshopSnapshot,
} from '../../domain';

/** A page size that puts every item on one page. */
const EVERYTHING = Number.MAX_SAFE_INTEGER;
/** The seed's depth for flows (section 11.3). */
export const REPORT_FLOW_DEPTH = 10;

/**
 * The report's sections, in order: statistics; the timeline in full detail (each sticky's description, notes
 * and links); the flows from every starting point, 10 deep; the bounded context overview; the open hotspots
 * (the timeline of hotspots in full detail, the seed's follow-up list); the lint findings.
 */
export function reportSections(snap: WorkshopSnapshot): string[] {
  return [
    statisticsMarkdown(statistics(snap)),
    timelineMarkdown(timeline(snap, { page_size: EVERYTHING, detail_level: 'full' })),
    flowsMarkdown(flows(snap, { max_depth: REPORT_FLOW_DEPTH, max_elements: LIMITS.maxElements })),
    contextOverviewMarkdown(contextOverview(snap, { page_size: EVERYTHING })),
    timelineMarkdown(timeline(snap, { element_type: 'hotspot', page_size: EVERYTHING, detail_level: 'full' })),
    lintMarkdown(lint(snap, { page_size: EVERYTHING })),
  ];
}

/** The whole report: the sections separated by a blank line, ending with a newline. */
export function workshopReport(snap: WorkshopSnapshot): string {
  return `${reportSections(snap).join('\n\n')}\n`;
}
