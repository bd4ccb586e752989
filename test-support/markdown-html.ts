// Test support: Markdown as a real renderer turns it into HTML (markdown-it at its most permissive: raw HTML on,
// bare links linkified), what elements that HTML holds, the text a reader sees in it, and a board whose every
// name, description and note is hostile text. Only tests import this file.
import MarkdownIt from 'markdown-it';
import type { WorkshopSnapshot } from '../src/domain/types';
import { snapshotOf, type ElementSketch } from './snapshot-of';

const renderer = new MarkdownIt({ html: true, linkify: true });

export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}

/** Text that Markdown renderers turn into HTML, links, images or formatting when it is not escaped. */
export const HOSTILE_TEXTS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '![x](http://evil/x.png)',
  'javascript:alert(1)',
  'http://evil.example',
  '**bold** _x_ # h | a |',
  'line\n# Heading',
  'www.evil.example and mailto:a@evil.example',
  '<a href="http://evil.example" onclick="alert(1)">x</a>',
  '`code` ~~gone~~ <b>b</b> &lt;i&gt;',
  '- item',
  '1. first',
  '> quoted',
  '| a | b |\n|---|---|\n| c | d |',
  '//evil.example/x',
  '주문 접수됨 (EU): 결제 완료!',
] as const;

/** The elements our own Markdown is made of: headings, paragraphs, lists, bold and code (ids). */
export const OUR_ELEMENTS = ['h1', 'h2', 'h3', 'p', 'ul', 'li', 'strong', 'code'] as const;

/**
 * What is wrong with the HTML: any element beyond ours, any attribute (ours carry none, so no `on*=`, `href` or
 * `src`), any `javascript:`.
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  for (const [tag, name, attributes] of html.matchAll(/<\/?\s*([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!(OUR_ELEMENTS as readonly string[]).includes(name.toLowerCase())) problems.push(`element ${tag}`);
    else if (attributes.trim()) problems.push(`attributes in ${tag}`);
  }
  // Text's own "<" is escaped as &lt;, so every "<" here opens a tag.
  for (const [tag] of html.matchAll(/<[^>]*\son\w+\s*=[^>]*>/gi)) problems.push(`event handler in ${tag}`);
  for (const [tag] of html.matchAll(/<[^>]*javascript:[^>]*>/gi)) problems.push(`javascript: in ${tag}`);
  return problems;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** The text a reader sees: tags gone (blocks on lines of their own), entities decoded, whitespace runs as one space. */
export function visibleText(html: string): string {
  return html
    .replace(/<\/?(?:p|li|ul|h\d)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .join('\n');
}

/** Hostile text as one line shows it: whitespace runs (newlines included) as one space. */
export function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A board of hostile text: workshop name and domain, two contexts sharing a hostile name (so labels carry ids)
 * and a third, and per hostile text a command (its name, with hostile description and notes) triggering an event
 * and a hotspot of the same name; every other event triggers the next command, across contexts.
 */
export function hostileSnapshot(): WorkshopSnapshot {
  const h = HOSTILE_TEXTS;
  const at = (i: number) => h[i % h.length];
  const contexts = [
    // A context's description is a line of its own in the overview: quote, list and numbered list markers.
    { id: 'ctx-a', name: h[0], description: h[13] },
    { id: 'ctx-b', name: h[0], description: h[11] },
    { id: 'ctx-c', name: h[6], description: h[12] },
  ];
  const elements: ElementSketch[] = [];
  const links: [string, string][] = [];
  h.forEach((text, i) => {
    elements.push(
      { id: `c${i}`, type: 'command', name: text, position: 2 * i, description: `${at(i + 1)} about ${at(i + 2)}`, notes: `${at(i + 3)} noted ${at(i + 4)}`, contextId: contexts[i % 3].id },
      { id: `e${i}`, type: 'event', name: text, position: 2 * i + 1, description: at(i + 5), notes: at(i + 6), contextId: contexts[(i + 1) % 3].id },
      { id: `h${i}`, type: 'hotspot', name: text, position: 2 * i + 1 },
    );
    links.push([`c${i}`, `e${i}`]);
    if (i % 2 === 1) links.push([`e${i - 1}`, `c${i}`]);
  });
  const snap = snapshotOf({ name: h[0], domain: h[3], elements, links, contexts });
  return { ...snap, meta: { ...snap.meta, description: h[1], facilitators: [h[2], h[4]] } };
}
