// Lint: the seed's best practices as checks, each finding naming the element and what to do about it.
import { CATALOGUE } from '../catalogue';
import type { LintInput } from '../schemas';
import type { BoardElement, WorkshopSnapshot } from '../types';
import { indexBoard, type BoardIndex } from './board-index';
import { document, inline, markdownText, pageLine, plural } from './markdown';
import { paginate, type Pagination } from './paging';

export const LINT_RULES = [
  'event-not-past-tense',
  'command-without-event',
  'event-without-cause',
  'element-without-context',
  'cross-context-link',
  'open-hotspot',
  'open-opportunity',
] as const;
export type LintRule = (typeof LINT_RULES)[number];
export type LintSeverity = 'warning' | 'info';

export const LINT_RULE_INFO: Readonly<Record<LintRule, { title: string; severity: LintSeverity }>> = {
  'event-not-past-tense': { title: 'Events not named in the past tense', severity: 'warning' },
  'command-without-event': { title: 'Commands that trigger no event', severity: 'warning' },
  'event-without-cause': { title: 'Events nothing triggers', severity: 'warning' },
  'element-without-context': { title: 'Elements in no bounded context', severity: 'info' },
  'cross-context-link': { title: 'Trigger links between bounded contexts', severity: 'info' },
  'open-hotspot': { title: 'Open hotspots', severity: 'info' },
  'open-opportunity': { title: 'Opportunities not yet taken up', severity: 'info' },
};

export interface LintFinding {
  rule: LintRule;
  severity: LintSeverity;
  element_id: string;
  element_name: string;
  message: string;
  /** For a link finding: the element at the link's other end. */
  related_element_id?: string;
  related_element_name?: string;
}

export interface LintReport {
  workshop: { id: string; name: string };
  total: number;
  /** Findings per rule (every rule, zeros included) and per severity, across all pages. */
  counts: Record<LintRule, number>;
  by_severity: Record<LintSeverity, number>;
  /** Grouped by rule (in LINT_RULES order), then in timeline order. */
  findings: LintFinding[];
  pagination: Pagination;
}

export type LintOptions = Partial<Omit<LintInput, 'response_format'>>;

// Irregular English past participles (and simple pasts used as such); anything ending in "-ed" counts too.
const IRREGULAR_PAST = new Set(
  (
    'arisen awoken borne born beaten become begun bent bet bid bitten bled blown broken bred brought built burnt bought cast caught ' +
    'chosen clung come cost crept cut dealt dug done drawn dreamt drunk driven dwelt eaten fallen fed felt fought found fled flung ' +
    'flown forbidden forecast foreseen forgotten forgiven frozen got gotten given gone ground grown hung had heard hidden hit held hurt ' +
    'kept knelt known laid led leant leapt learnt left lent let lain lit lost made meant met mistaken mown overdrawn overcome overtaken ' +
    'overthrown paid proven put quit read rebuilt redone remade repaid reset resent resold retold rewritten rid ridden rung risen run ' +
    'said sawn seen sought sold sent set sewn shaken shed shone shod shot shown shrunk shut sung sunk sat slain slept slid slung slit ' +
    'smelt sown spoken sped spelt spent spilt spun spat split spoilt spread sprung stood stolen stuck stung stunk strewn stridden struck ' +
    'strung striven sworn swept swollen swum swung taken taught torn told thought thrown thrust trodden understood undergone undertaken ' +
    'undone unwound upheld upset woken worn woven wed wept won wound withdrawn withheld withstood wrung written ' +
    'began became broke came did drew drove ate fell flew forgot froze gave grew hid knew rode rang rose ran saw shook sang sank ' +
    'spoke stole strode swore swam threw took tore wore wrote'
  ).split(' '),
);

// Words that end in "-ed" but are not past participles.
const NOT_PAST = new Set(
  'bed bleed breed creed deed embed exceed feed greed heed indeed need proceed red reed seed shred sled speed steed succeed ted tweed weed'.split(' '),
);

// Korean endings of a past or completed event: ~됨, ~했다, ~완료, ~되었다, ~됐다, ~함 and their close kin.
const KOREAN_PAST_ENDINGS = ['됨', '함', '했다', '됐다', '되었다', '완료', '었다', '았다', '였다', '했음', '됐음', '되었음', '었음', '았음', '였음', '완료됨'];

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const LATIN = /^[a-z]+$/;

/**
 * Whether an event's name reads as something that happened. English: the last word ends in "-ed" or is an
 * irregular participle; Korean: the name ends in ~됨, ~했다, ~완료 and the like. Other scripts are not judged.
 */
export function isPastTenseName(name: string): boolean | null {
  const text = name
    .normalize('NFKC')
    .replace(/\s*[([{][^)\]}]*[)\]}]\s*$/u, ''); // a trailing "(EU)" or "[v2]" is a qualifier, not the verb
  // The last word with letters and no digits ("Order Placed v2" and "Order Placed 2" end in "Placed").
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w) && !/\p{N}/u.test(w));
  const pieces = (words.at(-1) ?? '').split(/[^\p{L}\p{M}]+/u).filter(Boolean);
  const last = pieces.at(-1);
  if (!last) return null;
  if (HANGUL.test(last)) return KOREAN_PAST_ENDINGS.some((ending) => last.endsWith(ending));
  const word = last.toLowerCase();
  if (!LATIN.test(word)) return null;
  if (NOT_PAST.has(word)) return false;
  return word.endsWith('ed') || IRREGULAR_PAST.has(word);
}

function quoted(e: BoardElement): string {
  return `"${inline(e.name)}"`;
}

/** A finding before it is written out: the rule, the element's rank and, for a link, the other end's rank. */
interface Hit {
  rule: LintRule;
  rank: number;
  related: number;
}

function messageOf(index: BoardIndex, hit: Hit): string {
  const e = index.ordered[hit.rank];
  switch (hit.rule) {
    case 'event-not-past-tense':
      return `Event ${quoted(e)} is not named in the past tense. Name it as a fact that happened, e.g. "Order Placed" or "주문 접수됨".`;
    case 'command-without-event':
      return `Command ${quoted(e)} triggers no event. Link it to the event it results in (what happened when it succeeded?).`;
    case 'event-without-cause':
      return `Nothing triggers event ${quoted(e)}. Link the command, policy or external system that causes it, or mark the open question with a hotspot.`;
    case 'element-without-context':
      return `${CATALOGUE[e.type].label} ${quoted(e)} belongs to no bounded context. Assign it to the context that owns it.`;
    case 'cross-context-link': {
      const to = index.ordered[hit.related];
      const fromContext = inline(index.contextLabels[index.contextOf[hit.rank]]);
      const toContext = inline(index.contextLabels[index.contextOf[hit.related]]);
      return (
        `${quoted(e)} (${fromContext}) triggers ${quoted(to)} (${toContext}) across a context boundary. ` +
        'Check the coupling is intended: publish an integration event or put a policy at the boundary.'
      );
    }
    case 'open-hotspot':
      return `Hotspot ${quoted(e)} is open. Discuss it, record the decision, then resolve or delete the hotspot.`;
    case 'open-opportunity':
      return `Opportunity ${quoted(e)} is not taken up yet. Decide whether to pursue it: link the command or policy that would realise it, or delete it.`;
  }
}

function findingOf(index: BoardIndex, hit: Hit): LintFinding {
  const e = index.ordered[hit.rank];
  const f: LintFinding = { rule: hit.rule, severity: LINT_RULE_INFO[hit.rule].severity, element_id: e.id, element_name: e.name, message: messageOf(index, hit) };
  if (hit.related >= 0) {
    const related = index.ordered[hit.related];
    f.related_element_id = related.id;
    f.related_element_name = related.name;
  }
  return f;
}

/** Every hit, grouped by rule in LINT_RULES order, each group in timeline order. */
function check(index: BoardIndex): Hit[][] {
  const { ordered, contextOf, inStart, outStart, outTargets } = index;
  const groups = new Map<LintRule, Hit[]>(LINT_RULES.map((r) => [r, []]));
  const add = (rule: LintRule, rank: number, related = -1) => groups.get(rule)!.push({ rule, rank, related });
  const hasContexts = index.contexts.length > 0;

  for (let r = 0; r < ordered.length; r++) {
    const e = ordered[r];
    if (e.type === 'event') {
      if (isPastTenseName(e.name) === false) add('event-not-past-tense', r);
      if (inStart[r + 1] === inStart[r]) add('event-without-cause', r);
    }
    if (e.type === 'command') {
      let triggersEvent = false;
      for (let i = outStart[r]; i < outStart[r + 1] && !triggersEvent; i++) triggersEvent = ordered[outTargets[i]].type === 'event';
      if (!triggersEvent) add('command-without-event', r);
    }
    if (hasContexts && contextOf[r] < 0) add('element-without-context', r);
    if (e.type === 'hotspot') add('open-hotspot', r);
    // An opportunity someone acted on triggers, or is triggered by, what realises it.
    if (e.type === 'opportunity' && outStart[r] === outStart[r + 1] && inStart[r] === inStart[r + 1]) add('open-opportunity', r);
    // Links in timeline order of source, then target.
    const from = contextOf[r];
    if (from < 0) continue;
    for (let i = outStart[r]; i < outStart[r + 1]; i++) {
      const to = contextOf[outTargets[i]];
      if (to >= 0 && to !== from) add('cross-context-link', r, outTargets[i]);
    }
  }
  return LINT_RULES.map((rule) => groups.get(rule)!);
}

export function lint(snap: WorkshopSnapshot, input: LintOptions = {}): LintReport {
  const index = indexBoard(snap);
  const groups = check(index);
  const counts = Object.fromEntries(LINT_RULES.map((rule, i) => [rule, groups[i].length])) as Record<LintRule, number>;
  const bySeverity: Record<LintSeverity, number> = { warning: 0, info: 0 };
  LINT_RULES.forEach((rule, i) => (bySeverity[LINT_RULE_INFO[rule].severity] += groups[i].length));
  const all = groups.flat();
  // Messages are written only for the findings on the page.
  const { items, pagination } = paginate(all, input.page, input.page_size);
  return {
    workshop: { id: snap.meta.id, name: snap.meta.name },
    total: all.length,
    counts,
    by_severity: bySeverity,
    findings: items.map((hit) => findingOf(index, hit)),
    pagination,
  };
}

export function lintMarkdown(report: LintReport): string {
  const lines: (string | null)[] = [`# Lint: ${markdownText(report.workshop.name)}`, ''];
  if (report.total === 0) {
    lines.push('No findings: the board follows every check.');
    return document(lines);
  }
  lines.push(
    `${plural(report.total, 'finding')}: ${plural(report.by_severity.warning, 'warning')}, ${report.by_severity.info} info.`,
    pageLine(report.pagination, 'finding'),
  );
  let rule: LintRule | null = null;
  for (const f of report.findings) {
    if (f.rule !== rule) {
      rule = f.rule;
      lines.push('', `## ${LINT_RULE_INFO[rule].title} (${report.counts[rule]})`);
    }
    lines.push(`- ${f.severity === 'warning' ? '⚠' : 'ℹ'} **${markdownText(f.element_name)}**: ${markdownText(f.message)}`);
  }
  return document(lines);
}

